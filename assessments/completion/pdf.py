"""A certificate as a one-page A4 landscape PDF (fpdf2, pure Python), with a QR code (segno) that
opens its public verification page. Everything printed comes from the certificate's own frozen
fields, so a PDF made today says what was true the day it was issued."""

import functools
import logging
from dataclasses import dataclass
from datetime import date
from io import BytesIO
from pathlib import Path
from zoneinfo import ZoneInfo

import segno
from django.utils import dateformat
from fpdf import FPDF
from fpdf.enums import MethodReturnValue, XPos, YPos
from PIL import Image, UnidentifiedImageError

from assessments.models import Certificate
from courses.models import DeliveryFormat
from dbt_training.core.formatting import hours_text
from dbt_training.core.sites import site_name

logger = logging.getLogger(__name__)

# fontTools logs every glyph it keeps at INFO each time fpdf2 subsets a font.
logging.getLogger("fontTools.subset").setLevel(logging.WARNING)

FONTS = Path(__file__).parent.parent / "fonts"  # the app's vendored DejaVu
FONT = "DejaVu"  # vendored DejaVu Sans: Latin Extended, Greek, Cyrillic (“Łukasz Żółć”, “Ngāti”)

TITLES = {
    Certificate.Kind.CE: "Certificate of completion",
    Certificate.Kind.ATTENDANCE: "Certificate of attendance",
    Certificate.Kind.PARTICIPATION: "Letter of participation",
}
# Training, not clinician certification (DBT-Linehan Board of Certification is a separate thing).
NOT_CERTIFICATION = {
    Certificate.Kind.PARTICIPATION: "This letter documents participation in a training course. "
    "It is not a clinical certification.",
}
NOT_CERTIFICATION_DEFAULT = (
    "This certificate documents completion of a training course. "
    "It is not a clinical certification."
)

# A4 landscape, in millimetres.
PAGE_W, PAGE_H = 297, 210
MARGIN = 22  # text margin; the frame is drawn inside the page at FRAME
FRAME = 10
QR_SIZE = 34
BODY_TOP = FRAME + 6
FOOT_TOP = 148  # the signatory, the dates, the code and the QR code sit below this line
TEXT_W = PAGE_W - 2 * MARGIN
PT = 0.3528  # millimetres per point
SIGNATORY_W = 80  # the signatory's column, at the left of the footer
SIGNATURE_H = 13  # the signature image's height at most (its width follows, up to the column's)
FACTS_X = MARGIN + SIGNATORY_W + 6  # the dates and the code, between the signatory and the QR

SELF_PACED = DeliveryFormat.SELF_PACED_ONLINE.label


@functools.cache
def _printable() -> frozenset[int]:
    """The code points both vendored fonts draw (fontTools comes with fpdf2)."""
    from fontTools.ttLib import TTFont

    regular, bold = (
        set(TTFont(FONTS / name).getBestCmap())
        for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
    )
    return frozenset(regular & bold)


def missing_characters(*texts: str) -> list[str]:
    """The characters of `texts` the certificate's font cannot draw (fpdf2 would drop them
    silently, printing a name that is not the person's), in order of first appearance."""
    printable = _printable()
    seen = []
    for character in "".join(texts):
        if not character.isspace() and ord(character) not in printable and character not in seen:
            seen.append(character)
    return seen


def date_text(day) -> str:
    return dateformat.format(day, "j F Y")


def period_text(start, end) -> str:
    """An approval's valid period in words: "from 1 January 2026 until 31 December 2027",
    "from 1 January 2026", "until 31 December 2027" or "without a set period"."""
    parts = []
    if start:
        parts.append(f"from {date_text(start)}")
    if end:
        parts.append(f"until {date_text(end)}")
    return " ".join(parts) or "without a set period"


def is_self_paced(certificate: Certificate) -> bool:
    """A self-paced run has no dates of its own to print: its completion date stands for them."""
    return certificate.delivery_format == SELF_PACED


def dates_text(certificate: Certificate) -> str:
    """The dates of the training as the certificate prints them: the cohort's first and last
    day (never the claim's), or the completion date of a self-paced run."""
    if is_self_paced(certificate) and certificate.kind != Certificate.Kind.PARTICIPATION:
        return f"completed on {date_text(certificate.completed_on)}"
    # Certificates issued before the cohort's end date was kept end on their completion date.
    end = certificate.ends_on or certificate.completed_on
    return f"{date_text(certificate.starts_on)} – {date_text(end)}"


def license_text(certificate: Certificate) -> str:
    parts = []
    if certificate.license_number:
        parts.append(f"Licence number {certificate.license_number}")
    if certificate.license_jurisdiction:
        parts.append(certificate.license_jurisdiction)
    return " · ".join(parts)


def name_line(certificate: Certificate) -> str:
    return ", ".join(part for part in (certificate.full_name, certificate.credentials) if part)


def qr_png(url: str) -> BytesIO:
    """The verification URL as a QR code at error correction level M (ISO/IEC 18004: ~15% of
    the code may be damaged), kept at M so printed size stays predictable."""
    image = BytesIO()
    segno.make(url, error="m", micro=False, boost_error=False).save(
        image, kind="png", scale=10, border=4
    )
    image.seek(0)
    return image


def issued_on(certificate: Certificate) -> date:
    """The day the certificate was issued, in its cohort's time zone (load the certificate with
    `select_related("enrollment__cohort")` to spare two queries)."""
    zone = ZoneInfo(certificate.enrollment.cohort.time_zone)
    return certificate.issued_at.astimezone(zone).date()


def render(certificate: Certificate, *, verify_url: str) -> bytes:
    """The certificate's PDF on one page, whatever its texts hold (each is fitted, shrinking
    to its smallest size and then to its lines). A revoked certificate has none (the download
    view answers 410)."""
    if certificate.is_revoked:
        raise ValueError(f"Certificate {certificate.code} is revoked: it has no PDF.")
    pdf = _Page()
    title = TITLES[certificate.kind]
    institute = certificate.provider_name or site_name()
    pdf.set_title(f"{title}: {certificate.full_name}")
    pdf.set_author(institute)
    pdf.set_subject(certificate.course_title)
    pdf.set_creator(institute)
    pdf.set_lang("en")
    pdf.set_creation_date(certificate.issued_at)
    pdf.add_page()
    pdf.frame()
    pdf.body(certificate, institute=institute)
    pdf.signatory_block(certificate)
    pdf.footer_block(certificate, verify_url=verify_url, issued_on=issued_on(certificate))
    return bytes(pdf.output())


class _Page(FPDF):
    def __init__(self):
        super().__init__(orientation="L", unit="mm", format="A4")
        self.add_font(FONT, "", FONTS / "DejaVuSans.ttf")
        self.add_font(FONT, "B", FONTS / "DejaVuSans-Bold.ttf")
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(False)  # one page, always: text is fitted, never flowed on
        self.set_text_color(33, 37, 41)

    def frame(self) -> None:
        self.set_draw_color(31, 78, 121)
        self.set_line_width(0.8)
        self.rect(FRAME, FRAME, PAGE_W - 2 * FRAME, PAGE_H - 2 * FRAME)
        self.set_line_width(0.3)
        self.rect(FRAME + 2, FRAME + 2, PAGE_W - 2 * FRAME - 4, PAGE_H - 2 * FRAME - 4)

    def body(self, certificate: Certificate, *, institute: str) -> None:
        """Everything above the footer: the provider, what is certified, of whom, for what.
        Laid out at full size when it fits above the footer, else compact (smaller type, less
        space), so long names, titles and statements never run into the footer."""
        for compact in (False, True):
            blocks = body_blocks(certificate, institute=institute, compact=compact)
            if BODY_TOP + sum(self.height_of(block) for block in blocks) <= FOOT_TOP - 2:
                break
        self.set_y(BODY_TOP)
        for block in blocks:
            self.ln(block.space_before)
            room = FOOT_TOP - 2 - self.get_y() if block.fills else None
            self.fitted(
                block.text,
                sizes=block.sizes,
                style=block.style,
                max_lines=block.max_lines,
                max_height=room,
            )

    def height_of(self, block: "Block") -> float:
        """The block's height as `fitted` lays it out (a filling block at its smallest size)."""
        sizes = block.sizes[-1:] if block.fills else block.sizes
        size, lines = self.fit(
            block.text, sizes=sizes, style=block.style, max_lines=block.max_lines
        )
        return block.space_before + len(lines) * line_height(size)

    def fit(
        self,
        text: str,
        *,
        sizes: tuple[float, ...],
        style: str = "",
        max_lines: int | None = None,
        max_height: float | None = None,
        width: float = TEXT_W,
    ) -> tuple[float, list]:
        """The largest of `sizes` at which `text` fits the lines or height allowed (the last
        when none does), and its lines at that size."""
        for size in sizes:
            self.set_font(FONT, style, size)
            lines = self.multi_cell(
                width,
                line_height(size),
                text,
                dry_run=True,
                output=MethodReturnValue.LINES,
            )
            fits_lines = max_lines is None or len(lines) <= max_lines
            fits_height = max_height is None or len(lines) * line_height(size) <= max_height
            if fits_lines and fits_height:
                break
        return size, lines

    def fitted(
        self,
        text: str,
        *,
        sizes: tuple[float, ...],
        style: str = "",
        max_lines: int | None = None,
        max_height: float | None = None,
        width: float = TEXT_W,
        align: str = "C",
        x: float | None = None,
    ) -> None:
        """Text at the largest size that fits (`fit`), so a long name or approval statement
        never leaves its place; from `x` (the left margin when None)."""
        size, _ = self.fit(
            text, sizes=sizes, style=style, max_lines=max_lines, max_height=max_height, width=width
        )
        self.set_font(FONT, style, size)
        left = self.l_margin if x is None else x
        self.set_x(left)
        self.multi_cell(
            width, line_height(size), text, align=align, new_x=XPos.LEFT, new_y=YPos.NEXT
        )
        self.set_x(left)

    def signatory_block(self, certificate: Certificate) -> None:
        """The person responsible for the program: signature, a line, name and title."""
        if not certificate.signatory_name:
            return
        top = FOOT_TOP + 1
        image = signature_image(certificate)
        if image is not None:
            data, width, height = image
            self.image(data, x=MARGIN, y=top, w=width, h=height, alt_text="Signature")
        line_y = top + SIGNATURE_H + 1
        self.set_draw_color(33, 37, 41)
        self.set_line_width(0.2)
        self.line(MARGIN, line_y, MARGIN + SIGNATORY_W - 8, line_y)
        self.set_xy(MARGIN, line_y + 1)
        self.fitted(
            certificate.signatory_name,
            sizes=(9, 8, 7),
            style="B",
            max_lines=2,
            width=SIGNATORY_W - 4,
            align="L",
            x=MARGIN,
        )
        if certificate.signatory_title:
            self.fitted(
                certificate.signatory_title,
                sizes=(8, 7, 6),
                max_lines=2,
                width=SIGNATORY_W - 4,
                align="L",
                x=MARGIN,
            )

    def footer_block(self, certificate: Certificate, *, verify_url: str, issued_on) -> None:
        qr_x = PAGE_W - MARGIN - QR_SIZE
        self.image(
            qr_png(verify_url),
            x=qr_x,
            y=FOOT_TOP,
            w=QR_SIZE,
            h=QR_SIZE,
            link=verify_url,
            alt_text=f"QR code to {verify_url}",
        )
        # The URL under the code, right-aligned with it: it may be wider than the code.
        self.set_xy(PAGE_W - MARGIN - 110, FOOT_TOP + QR_SIZE + 0.5)
        self.set_font(FONT, "", 7)
        self.cell(110, 3.5, verify_url, align="R", link=verify_url)

        facts_w = qr_x - 6 - FACTS_X
        self.set_xy(FACTS_X, FOOT_TOP + 1)
        if certificate.lead_trainer:
            self.fitted(
                certificate.lead_trainer,
                sizes=(10, 9, 8, 7),
                style="B",
                max_lines=1,
                width=facts_w,
                align="L",
                x=FACTS_X,
            )
            self.set_font(FONT, "", 8)
            self.cell(facts_w, 4, "Lead trainer", new_x=XPos.LEFT, new_y=YPos.NEXT)
            self.ln(2)
            self.set_x(FACTS_X)
        self.set_font(FONT, "", 9)
        completed = certificate.kind != Certificate.Kind.PARTICIPATION and not is_self_paced(
            certificate
        )
        if completed:
            self.cell(
                facts_w,
                4.5,
                f"Completed on {date_text(certificate.completed_on)}",
                new_x=XPos.LEFT,
                new_y=YPos.NEXT,
            )
        self.cell(
            facts_w, 4.5, f"Issued on {date_text(issued_on)}", new_x=XPos.LEFT, new_y=YPos.NEXT
        )
        label = "Verification code: "
        self.cell(self.get_string_width(label), 4.5, label, new_x=XPos.RIGHT)
        self.set_font(FONT, "B", 9)
        self.cell(0, 4.5, certificate.code, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_x(FACTS_X)
        self.set_font(FONT, "", 7)
        self.multi_cell(
            facts_w,
            3.5,
            "Scan the QR code or open the address under it to confirm this certificate.",
            align="L",
            new_x=XPos.LEFT,
            new_y=YPos.NEXT,
        )

        self.set_xy(MARGIN, PAGE_H - FRAME - 8)
        self.set_font(FONT, "", 8)
        self.cell(
            TEXT_W,
            4,
            NOT_CERTIFICATION.get(certificate.kind, NOT_CERTIFICATION_DEFAULT),
            align="C",
        )


@dataclass(frozen=True)
class Block:
    """A centred paragraph of the certificate's body: its sizes from largest to smallest, the
    lines it may take, the space above it; the one that `fills` takes the room left."""

    text: str
    sizes: tuple[float, ...]
    style: str = ""
    max_lines: int | None = None
    space_before: float = 0
    fills: bool = False


def line_height(size: float) -> float:
    return size * PT * 1.4


def body_blocks(certificate: Certificate, *, institute: str, compact: bool) -> list[Block]:
    """The body, top to bottom, at full size or compact."""
    kind = certificate.kind
    scale = 0.85 if compact else 1.0
    gap = 0.5 if compact else 1.5

    def sizes(*points: float) -> tuple[float, ...]:
        return tuple(round(point * scale, 1) for point in points)

    blocks = [Block(institute, (12, 10, 8), "B", max_lines=1)]
    provider = " · ".join(
        part for part in (certificate.provider_address, certificate.provider_contact) if part
    )
    if provider:
        blocks.append(Block(provider, (8, 7, 6), max_lines=2))
    blocks.append(Block(TITLES[kind], sizes(26), "B", space_before=2 * gap))
    if kind == Certificate.Kind.CE:
        blocks.append(Block("Continuing education", sizes(12)))
    blocks.append(Block("This certifies that", sizes(11), space_before=2 * gap))
    blocks.append(Block(name_line(certificate), sizes(22, 18, 15, 12), "B", max_lines=2))
    licence = license_text(certificate)
    if licence:
        blocks.append(Block(licence, (9, 8, 7), max_lines=1))
    verb_space = gap if licence else 0
    verb = (
        "took part in the training"
        if kind == Certificate.Kind.PARTICIPATION
        else "completed the training"
    )
    blocks.append(Block(verb, sizes(11), space_before=verb_space))
    blocks.append(
        Block(certificate.course_title, sizes(17, 14, 12, 10), "B", max_lines=2, space_before=gap)
    )
    when = " · ".join(
        part
        for part in (certificate.cohort_name, dates_text(certificate), certificate.delivery_format)
        if part
    )
    blocks.append(Block(when, (10, 9, 8, 7), max_lines=2))
    if certificate.ce_hours is not None:
        hours = f"{hours_text(certificate.ce_hours)} CE hours"
        blocks.append(Block(hours, sizes(12), "B", space_before=2 * gap))
    if kind == Certificate.Kind.CE:
        blocks.append(
            Block(
                f"Profession or board: {certificate.profession} · "
                f"Accrediting body: {certificate.accrediting_body}",
                (9, 8, 7),
                max_lines=2,
            )
        )
        approval = approval_line(certificate)
        if approval:
            blocks.append(Block(approval, (9, 8, 7), max_lines=2))
        if certificate.approval_statement:
            blocks.append(
                Block(
                    certificate.approval_statement,
                    (8, 7, 6, 5),
                    space_before=2 * gap,
                    fills=True,
                )
            )
    return blocks


def approval_line(certificate: Certificate) -> str:
    """The provider's approval number and its valid period, as the certificate prints them."""
    parts = []
    if certificate.approval_number:
        parts.append(f"Provider approval number {certificate.approval_number}")
    if certificate.approval_valid_from or certificate.approval_valid_until:
        period = period_text(certificate.approval_valid_from, certificate.approval_valid_until)
        parts.append(f"approval valid {period}")
    line = ", ".join(parts)
    return line[:1].upper() + line[1:]


def signature_image(certificate: Certificate) -> tuple[BytesIO, float, float] | None:
    """The stored signature with the size it prints at (at most SIGNATURE_H high and the
    column wide, its proportions kept), or None when there is none or it cannot be read: the
    certificate then prints the name and title on an empty line rather than failing."""
    if not certificate.signature:
        return None
    try:
        with certificate.signature.open("rb") as stored:
            data = BytesIO(stored.read())
        with Image.open(data) as image:
            pixels_w, pixels_h = image.size
    except (OSError, ValueError, UnidentifiedImageError):
        logger.warning("Certificate %s: its signature image cannot be read.", certificate.code)
        return None
    data.seek(0)
    height = SIGNATURE_H
    width = height * pixels_w / pixels_h
    if width > SIGNATORY_W - 8:
        width = SIGNATORY_W - 8
        height = width * pixels_h / pixels_w
    return data, width, height
