"""A certificate as a one-page A4 landscape PDF (fpdf2, pure Python), with a QR code (segno) that
opens its public verification page. Everything printed comes from the certificate's own frozen
fields, so a PDF made today says what was true the day it was issued."""

import functools
import logging
from io import BytesIO
from pathlib import Path

import segno
from django.utils import dateformat
from fpdf import FPDF
from fpdf.enums import MethodReturnValue, XPos, YPos

from assessments.models import Certificate
from dbt_training.core.formatting import hours_text
from dbt_training.core.sites import site_name

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
MARGIN = 24  # text margin; the frame is drawn inside the page at FRAME
FRAME = 10
QR_SIZE = 34
FOOT_TOP = 146  # the lead trainer, code and QR code sit below this line
TEXT_W = PAGE_W - 2 * MARGIN
PT = 0.3528  # millimetres per point


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


def render(certificate: Certificate, *, verify_url: str) -> bytes:
    """The certificate's PDF. A revoked certificate has none (the download view answers 410)."""
    if certificate.is_revoked:
        raise ValueError(f"Certificate {certificate.code} is revoked: it has no PDF.")
    pdf = _Page()
    title = TITLES[certificate.kind]
    institute = site_name()
    pdf.set_title(f"{title}: {certificate.full_name}")
    pdf.set_author(institute)
    pdf.set_subject(certificate.course_title)
    pdf.set_creator(institute)
    pdf.set_lang("en")
    pdf.set_creation_date(certificate.issued_at)
    pdf.add_page()
    pdf.frame()

    pdf.set_y(MARGIN - 4)
    pdf.line_of(institute, size=12)
    pdf.ln(2)
    pdf.line_of(title, size=28, style="B")
    if certificate.kind == Certificate.Kind.CE:
        pdf.line_of("Continuing education", size=13)
    pdf.ln(5)
    pdf.line_of("This certifies that", size=12)
    pdf.fitted(name_line(certificate), sizes=(24, 20, 16, 13), style="B", max_lines=2)
    verb = (
        "took part in the training"
        if certificate.kind == Certificate.Kind.PARTICIPATION
        else "completed the training"
    )
    pdf.line_of(verb, size=12)
    pdf.ln(1)
    pdf.fitted(certificate.course_title, sizes=(18, 15, 12), style="B", max_lines=2)
    pdf.line_of(
        f"{certificate.cohort_name} · {date_text(certificate.starts_on)} – "
        f"{date_text(certificate.completed_on)}",
        size=11,
    )
    pdf.ln(2)
    if certificate.ce_hours is not None:
        pdf.line_of(f"{hours_text(certificate.ce_hours)} CE hours", size=12, style="B")
    if certificate.kind == Certificate.Kind.CE:
        pdf.line_of(
            f"Profession or board: {certificate.profession} · "
            f"Accrediting body: {certificate.accrediting_body}",
            size=10,
        )
        if certificate.approval_statement:
            pdf.ln(2)
            room = FOOT_TOP - 2 - pdf.get_y()
            pdf.fitted(certificate.approval_statement, sizes=(9, 8, 7, 6, 5), max_height=room)

    pdf.footer_block(certificate, verify_url=verify_url)
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

    def line_of(self, text: str, *, size: float, style: str = "", align: str = "C") -> None:
        self.set_font(FONT, style, size)
        self.multi_cell(
            TEXT_W, size * PT * 1.45, text, align=align, new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )

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
    ) -> None:
        """Centred text at the largest size that fits the lines or height allowed (the last
        size when none does), so a long name or approval statement never leaves the page."""
        for size in sizes:
            self.set_font(FONT, style, size)
            height = size * PT * 1.35
            lines = self.multi_cell(
                width, height, text, align=align, dry_run=True, output=MethodReturnValue.LINES
            )
            fits_lines = max_lines is None or len(lines) <= max_lines
            fits_height = max_height is None or len(lines) * height <= max_height
            if fits_lines and fits_height:
                break
        self.multi_cell(width, height, text, align=align, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def footer_block(self, certificate: Certificate, *, verify_url: str) -> None:
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

        left_w = qr_x - MARGIN - 8
        self.set_xy(MARGIN, FOOT_TOP + 4)
        if certificate.lead_trainer:
            self.set_font(FONT, "B", 11)
            self.multi_cell(
                left_w,
                5.5,
                certificate.lead_trainer,
                align="L",
                new_x=XPos.LMARGIN,
                new_y=YPos.NEXT,
            )
            self.set_font(FONT, "", 9)
            self.cell(left_w, 4.5, "Lead trainer", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            self.ln(3)
        self.set_font(FONT, "", 10)
        self.cell(
            left_w,
            5,
            f"Issued on {date_text(certificate.completed_on)}",
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
        label = "Verification code: "
        self.cell(self.get_string_width(label), 5, label, new_x=XPos.RIGHT)
        self.set_font(FONT, "B", 10)
        self.cell(0, 5, certificate.code, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font(FONT, "", 8)
        self.cell(
            left_w,
            4.5,
            "Scan the QR code or open the address under it to confirm this certificate.",
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )

        self.set_xy(MARGIN, PAGE_H - FRAME - 9)
        self.set_font(FONT, "", 8)
        self.cell(
            TEXT_W,
            4,
            NOT_CERTIFICATION.get(certificate.kind, NOT_CERTIFICATION_DEFAULT),
            align="C",
        )
