"""The certificate PDF: what its text says for each kind (read back with pypdf), every field a CE
board asks for, the cohort's dates (never the claim's), that it stays on one page and clear of its
footer whatever it holds, its signature image, and that its QR code decodes to the verification
page."""

import datetime
from decimal import Decimal
from http import HTTPStatus
from io import BytesIO

import pytest
import zxingcpp
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image, ImageDraw
from pypdf import PdfReader

from assessments.completion import authoring
from assessments.completion import pdf as certificate_pdf
from assessments.completion.certificates import claim_certificate
from assessments.models import Certificate, CompletionRules
from assessments.models.certificates import APPROVAL_STATEMENT_MAX
from tests.factories import (
    APA_STATEMENT,
    CertificateFactory,
    CohortFactory,
    EnrollmentFactory,
    LessonProgressFactory,
)

pytestmark = pytest.mark.django_db

CODE = "DBT-7KQ2-M9XH-4TRW"
VERIFY_URL = f"http://testserver/verify/{CODE}/"
DISCLAIMER = (
    "This certificate documents completion of a training course. It is not a clinical "
    "certification."
)


def render(certificate) -> bytes:
    return certificate_pdf.render(certificate, verify_url=VERIFY_URL)


def pdf_lines(data: bytes) -> list[str]:
    reader = PdfReader(BytesIO(data))
    assert len(reader.pages) == 1
    return reader.pages[0].extract_text().splitlines()


def flat(lines: list[str]) -> str:
    return " ".join(" ".join(lines).split())


def qr_text(data: bytes) -> list[str]:
    """What the page's QR code says; the page holds it and, at most, a signature image."""
    page = PdfReader(BytesIO(data)).pages[0]
    assert 1 <= len(page.images) <= 2
    return [
        barcode.text for image in page.images for barcode in zxingcpp.read_barcodes(image.image)
    ]


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def signature_png(width=600, height=150) -> bytes:
    image = Image.new("RGBA", (width, height), (255, 255, 255, 0))
    ImageDraw.Draw(image).line([(10, 120), (150, 20), (300, 130), (590, 30)], fill="navy", width=6)
    data = BytesIO()
    image.save(data, "PNG")
    return data.getvalue()


def stored_signature(data: bytes | None = None) -> str:
    return default_storage.save(
        "signatures/2026/signature-1.png", ContentFile(data or signature_png())
    )


# Every field CE boards ask a certificate to show (APA, ASWB, NBCC sponsor rules), as issued.
EVERY_FIELD = {
    "license_number": "PSY-448812",
    "license_jurisdiction": "California Board of Psychology",
    "starts_on": datetime.date(2026, 8, 4),
    "ends_on": datetime.date(2026, 11, 12),
    "completed_on": datetime.date(2026, 11, 10),
    "delivery_format": "Live interactive webinar",
    "approval_number": "APA-1234",
    "approval_valid_from": datetime.date(2026, 1, 1),
    "approval_valid_until": datetime.date(2027, 12, 31),
    "provider_name": "Linehan Skills Institute",
    "provider_address": "12 Example Street, Seattle, WA 98101, USA",
    "provider_contact": "ce@example.org · +1 206 555 0100",
    "signatory_name": "Marsha Example, PhD",
    "signatory_title": "CE program director",
    # 02:00 UTC on 3 December: still 2 December in the cohort's New York.
    "issued_at": datetime.datetime(2026, 12, 3, 2, 0, tzinfo=datetime.UTC),
}


def test_a_ce_certificate_prints_every_field_a_ce_board_asks_for(enrollment, media):
    certificate = CertificateFactory(
        enrollment=enrollment, code=CODE, signature=stored_signature(), **EVERY_FIELD
    )

    data = render(certificate)

    lines = pdf_lines(data)
    assert lines[:13] == [
        "Linehan Skills Institute",
        "12 Example Street, Seattle, WA 98101, USA · ce@example.org · +1 206 555 0100",
        "Certificate of completion",
        "Continuing education",
        "This certifies that",
        "Łukasz Żółć, PhD, LCSW",
        "Licence number PSY-448812 · California Board of Psychology",
        "completed the training",
        "Foundational DBT for clinicians",
        # The cohort's first and last day: not the completion, not the claim (2 December).
        "Spring 2027 · 4 August 2026 – 12 November 2026 · Live interactive webinar",
        "12.50 CE hours",
        "Profession or board: Psychologists · Accrediting body: American Psychological Association",
        "Provider approval number APA-1234, approval valid from 1 January 2026 until 31 "
        "December 2027",
    ]
    assert APA_STATEMENT in flat(lines)
    assert lines[-10:] == [
        "Marsha Example, PhD",
        "CE program director",
        VERIFY_URL,
        "Terry Chen, PhD",
        "Lead trainer",
        "Completed on 10 November 2026",
        "Issued on 2 December 2026",
        f"Verification code: {CODE}",
        "Scan the QR code or open the address under it to confirm this certificate.",
        DISCLAIMER,
    ]
    assert "certified" not in flat(lines).lower()
    metadata = PdfReader(BytesIO(data)).metadata
    assert metadata.author == "Linehan Skills Institute"


def test_the_signature_image_is_printed_from_storage(enrollment, media):
    certificate = CertificateFactory(
        enrollment=enrollment, code=CODE, signature=stored_signature(), **EVERY_FIELD
    )

    data = render(certificate)

    images = PdfReader(BytesIO(data)).pages[0].images
    assert len(images) == 2
    sizes = sorted(image.image.size for image in images)
    assert (600, 150) in sizes
    assert qr_text(data) == [VERIFY_URL]


def test_a_signature_gone_from_storage_prints_the_name_without_it(enrollment, media):
    certificate = CertificateFactory(
        enrollment=enrollment, code=CODE, signature="signatures/2026/gone.png", **EVERY_FIELD
    )

    data = render(certificate)

    assert len(PdfReader(BytesIO(data)).pages[0].images) == 1  # the QR code only
    assert "Marsha Example, PhD" in pdf_lines(data)


def test_a_self_paced_certificate_shows_the_completion_date_instead_of_the_cohort_range(
    enrollment,
):
    certificate = CertificateFactory(
        enrollment=enrollment,
        code=CODE,
        kind=Certificate.Kind.ATTENDANCE,
        starts_on=datetime.date(2026, 1, 5),
        ends_on=datetime.date(2026, 12, 31),
        completed_on=datetime.date(2026, 3, 17),
        delivery_format="Self-paced online (home study)",
        issued_at=datetime.datetime(2026, 3, 20, 15, 0, tzinfo=datetime.UTC),
    )

    lines = pdf_lines(render(certificate))

    assert "Spring 2027 · completed on 17 March 2026 · Self-paced online (home study)" in lines
    assert "5 January 2026" not in flat(lines)
    assert "31 December 2026" not in flat(lines)
    assert "Issued on 20 March 2026" in lines
    assert not [line for line in lines if line.startswith("Completed on")]


def test_a_certificate_issued_before_the_end_date_was_kept_ends_on_its_completion(enrollment):
    """Certificates issued before issue 20 hold no end date (the migration fills the cohort's
    in; one made by hand may not): they print as they always did."""
    certificate = CertificateFactory(enrollment=enrollment, code=CODE)

    lines = pdf_lines(render(certificate))

    assert lines[:10] == [
        "DBT Training",
        "Certificate of completion",
        "Continuing education",
        "This certifies that",
        "Łukasz Żółć, PhD, LCSW",
        "completed the training",
        "Foundational DBT for clinicians",
        "Spring 2027 · 11 January 2027 – 30 June 2027",
        "12.50 CE hours",
        "Profession or board: Psychologists · Accrediting body: American Psychological Association",
    ]
    assert APA_STATEMENT in flat(lines)
    assert lines[-8:] == [
        VERIFY_URL,
        "Terry Chen, PhD",
        "Lead trainer",
        "Completed on 30 June 2027",
        "Issued on 30 June 2027",
        f"Verification code: {CODE}",
        "Scan the QR code or open the address under it to confirm this certificate.",
        DISCLAIMER,
    ]


def test_the_qr_code_decodes_to_the_verification_url(enrollment):
    certificate = CertificateFactory(enrollment=enrollment, code=CODE)

    data = render(certificate)

    assert qr_text(data) == [VERIFY_URL]


def test_the_pdf_metadata_names_the_certificate_and_the_institute(enrollment, settings):
    settings.DEFAULT_FROM_EMAIL = "Linehan Skills Institute <ce@example.org>"
    certificate = CertificateFactory(enrollment=enrollment, code=CODE)

    data = render(certificate)

    metadata = PdfReader(BytesIO(data)).metadata
    assert metadata.title == "Certificate of completion: Łukasz Żółć"
    assert metadata.author == "Linehan Skills Institute"
    assert pdf_lines(data)[0] == "Linehan Skills Institute"


def test_without_a_display_name_in_the_sender_the_institute_is_dbt_training(enrollment, settings):
    settings.DEFAULT_FROM_EMAIL = "ce@example.org"
    certificate = CertificateFactory(enrollment=enrollment, code=CODE)

    lines = pdf_lines(render(certificate))

    assert lines[0] == "DBT Training"


def test_a_certificate_of_attendance_has_hours_but_no_ce_approval(enrollment):
    certificate = CertificateFactory(
        enrollment=enrollment, code=CODE, kind=Certificate.Kind.ATTENDANCE, credentials=""
    )

    lines = pdf_lines(render(certificate))

    assert lines[:8] == [
        "DBT Training",
        "Certificate of attendance",
        "This certifies that",
        "Łukasz Żółć",
        "completed the training",
        "Foundational DBT for clinicians",
        "Spring 2027 · 11 January 2027 – 30 June 2027",
        "12.50 CE hours",
    ]
    assert lines[8] == VERIFY_URL
    assert "Continuing education" not in lines
    assert "Profession or board" not in flat(lines)
    assert "American Psychological Association" not in flat(lines)
    assert lines[-1] == DISCLAIMER


def test_a_letter_of_participation_says_took_part_with_no_hours_or_approval(enrollment):
    certificate = CertificateFactory(
        enrollment=enrollment, code=CODE, kind=Certificate.Kind.PARTICIPATION
    )

    data = render(certificate)

    lines = pdf_lines(data)
    assert lines[:8] == [
        "DBT Training",
        "Letter of participation",
        "This certifies that",
        "Łukasz Żółć, PhD, LCSW",
        "took part in the training",
        "Foundational DBT for clinicians",
        "Spring 2027 · 11 January 2027 – 30 June 2027",
        VERIFY_URL,
    ]
    assert "CE hours" not in flat(lines)
    assert "Accrediting body" not in flat(lines)
    assert lines[-1] == (
        "This letter documents participation in a training course. It is not a clinical "
        "certification."
    )
    assert qr_text(data) == [VERIFY_URL]


def test_a_revoked_certificate_is_not_rendered(enrollment):
    certificate = CertificateFactory(
        enrollment=enrollment,
        code=CODE,
        revoked_at=datetime.datetime(2027, 7, 2, tzinfo=datetime.UTC),
        revoke_reason="x",
    )

    with pytest.raises(ValueError, match=f"Certificate {CODE} is revoked: it has no PDF."):
        render(certificate)


def test_whole_hours_print_without_decimals(enrollment):
    certificate = CertificateFactory(enrollment=enrollment, code=CODE, ce_hours=Decimal("30.00"))

    lines = pdf_lines(render(certificate))

    assert "30 CE hours" in lines


def test_a_long_name_title_and_statement_still_fit_on_one_page(enrollment):
    statement = " ".join([APA_STATEMENT] * 12)  # about 2,500 characters
    certificate = CertificateFactory(
        enrollment=enrollment,
        code=CODE,
        full_name="Aroha Ngāti Wairere-Pōtae " * 7,
        credentials="PhD, LCSW, LMFT, LPC, CADC",
        course_title="Comprehensive Dialectical Behavior Therapy: " * 4,
        approval_statement=statement,
    )

    data = render(certificate)

    lines = pdf_lines(data)  # asserts one page
    assert " ".join(statement.split()) in flat(lines)
    assert "Aroha Ngāti Wairere-Pōtae" in flat(lines)
    assert lines[-1] == DISCLAIMER
    assert qr_text(data) == [VERIFY_URL]


def words(text: str, length: int) -> str:
    """`text` repeated to exactly `length` characters (a field at its longest)."""
    return (text * (length // len(text) + 1))[:length].strip()


def text_heights(data: bytes) -> dict[str, float]:
    """Each piece of text on the page with its height from the page's top, in millimetres."""
    found = {}

    def visit(text, cm, tm, font, size):
        if text.strip():
            from_bottom = tm[5] * cm[3] + cm[5]
            found[text.strip()] = (certificate_pdf.PAGE_H * 72 / 25.4 - from_bottom) * 25.4 / 72

    PdfReader(BytesIO(data)).pages[0].extract_text(visitor_text=visit)
    return found


def test_every_field_at_its_longest_stays_on_one_page_clear_of_the_footer(enrollment, media):
    statement = words(APA_STATEMENT + " ", APPROVAL_STATEMENT_MAX)
    certificate = CertificateFactory(
        enrollment=enrollment,
        code=CODE,
        full_name=words("Aroha Ngāti Wairere-Pōtae ", 200),
        credentials=words("PhD, LCSW, LMFT, ", 100),
        license_number=words("PSY-448812-", 64),
        license_jurisdiction=words("California Board of Behavioral Sciences ", 120),
        course_title=words("Comprehensive Dialectical Behavior Therapy: ", 200),
        cohort_name=words("Spring intensive for community clinics ", 200),
        ends_on=datetime.date(2027, 7, 9),
        delivery_format="Blended: self-paced online with live online sessions",
        profession=words("Licensed clinical social workers ", 160),
        accrediting_body=words("Association of Social Work Boards ", 200),
        approval_statement=statement,
        approval_number=words("ACE-1234-", 100),
        approval_valid_from=datetime.date(2026, 1, 1),
        approval_valid_until=datetime.date(2027, 12, 31),
        provider_name=words("Linehan Skills Institute ", 200),
        provider_address=words("12 Example Street, Seattle, WA 98101, ", 300),
        provider_contact=words("ce@example.org · +1 206 555 0100 · ", 200),
        lead_trainer=words("Terry Chen, PhD ", 200),
        signatory_name=words("Marsha Example, PhD ", 200),
        signatory_title=words("Director of continuing education ", 200),
        signature=stored_signature(),
    )

    data = render(certificate)

    lines = pdf_lines(data)  # asserts one page
    assert " ".join(statement.split()) in flat(lines)
    assert lines[-1] == DISCLAIMER
    assert qr_text(data) == [VERIFY_URL]
    heights = text_heights(data)
    statement_end = max(h for text, h in heights.items() if text in statement)
    footer_start = min(
        heights[text] for text in heights if text.startswith(("Marsha", "Terry", VERIFY_URL))
    )
    assert statement_end < certificate_pdf.FOOT_TOP < footer_start
    assert max(heights.values()) == heights[DISCLAIMER]


def test_a_claimed_certificate_downloads_with_the_trainees_name_and_a_working_qr_code(
    client, enrollment, trainee, trainer
):
    """The whole path: a trainee with nothing left to do claims, downloads, and the QR code
    opens the page that confirms the certificate."""
    trainee.full_name, trainee.credentials = "Zoë Ngāti", "MSW"
    trainee.save(update_fields=["full_name", "credentials"])
    trainer.credentials = "PhD"
    trainer.save(update_fields=["credentials"])
    CompletionRules.objects.create(
        course=enrollment.cohort.course,
        require_lessons=False,
        require_post_test=False,
        require_assignments=False,
        require_evaluation=False,
        min_attendance_percent=0,
    )
    certificate = claim_certificate(enrollment=enrollment, approval=None)
    client.force_login(trainee)

    response = client.get(reverse("certificates:pdf", kwargs={"code": certificate.code}))

    assert response.status_code == HTTPStatus.OK
    lines = pdf_lines(response.content)
    assert lines[1:4] == ["Certificate of attendance", "This certifies that", "Zoë Ngāti, MSW"]
    assert "12.50 CE hours" in lines
    assert "Terry Chen, PhD" in lines
    assert f"Verification code: {certificate.code}" in lines
    url = f"http://testserver/verify/{certificate.code}/"
    assert qr_text(response.content) == [url]
    client.logout()
    page = client.get(url.removeprefix("http://testserver"))
    assert page.status_code == HTTPStatus.OK
    assert "Valid certificate" in page.content.decode()


def test_a_claim_weeks_after_the_cohort_ended_prints_the_cohorts_dates_and_the_completion_day(
    client, course, module, trainee, trainer, enrollment_admin, settings, media
):
    """Issue 20's case: a cohort that ended on 12 November, completed on 10 November, claimed on
    2 December, printed "4 August 2026 – 2 December 2026". Every field now comes from the
    records: the cohort, the profile, the approval, the settings and the signatory."""
    settings.CE_PROVIDER_NAME = "Linehan Skills Institute"
    settings.CE_PROVIDER_ADDRESS = "12 Example Street, Seattle, WA 98101, USA"
    settings.CE_PROVIDER_CONTACT = "ce@example.org"
    trainee.full_name, trainee.credentials = "Zoë Ngāti", "PsyD"
    trainee.license_number, trainee.license_jurisdiction = "PSY 31337", "California BOP"
    trainee.save()
    trainer.credentials = "PhD"
    trainer.save(update_fields=["credentials"])
    cohort = CohortFactory(
        course=course,
        name="Autumn 2026",
        starts_on=datetime.date(2026, 8, 4),
        ends_on=datetime.date(2026, 11, 12),
        time_zone="America/New_York",
        delivery_format="live_online",
        trainers=[trainer],
    )
    enrollment = EnrollmentFactory(
        user=trainee,
        cohort=cohort,
        enrolled_at=datetime.datetime(2026, 8, 1, tzinfo=datetime.UTC),
    )
    CompletionRules.objects.create(
        course=course,
        require_post_test=False,
        require_assignments=False,
        require_evaluation=False,
        min_attendance_percent=0,
    )
    # 10 November, 23:30 in New York (04:30 UTC on the 11th): the day in the cohort's zone.
    LessonProgressFactory(
        enrollment=enrollment,
        lesson=module.lessons.get(),
        completed_at=datetime.datetime(2026, 11, 11, 4, 30, tzinfo=datetime.UTC),
    )
    approval = authoring.add_approval(
        course=course,
        profession="Psychologists",
        accrediting_body="American Psychological Association",
        approval_statement=APA_STATEMENT,
        approval_number="APA-1234",
        valid_from=datetime.date(2026, 1, 1),
        valid_until=datetime.date(2027, 12, 31),
        requires_license=True,
    )
    authoring.set_program_signatory(
        course=course,
        name="Marsha Example, PhD",
        title="CE program director",
        signature=SimpleUploadedFile("sig.png", signature_png(), content_type="image/png"),
        by=enrollment_admin,
    )
    claimed_at = datetime.datetime(2026, 12, 2, 15, 0, tzinfo=datetime.UTC)

    certificate = claim_certificate(enrollment=enrollment, approval=approval, now=claimed_at)
    client.force_login(trainee)
    response = client.get(reverse("certificates:pdf", kwargs={"code": certificate.code}))

    lines = pdf_lines(response.content)
    assert lines[:13] == [
        "Linehan Skills Institute",
        "12 Example Street, Seattle, WA 98101, USA · ce@example.org",
        "Certificate of completion",
        "Continuing education",
        "This certifies that",
        "Zoë Ngāti, PsyD",
        "Licence number PSY 31337 · California BOP",
        "completed the training",
        course.title,
        "Autumn 2026 · 4 August 2026 – 12 November 2026 · Live interactive webinar",
        "12.50 CE hours",
        "Profession or board: Psychologists · Accrediting body: American Psychological Association",
        "Provider approval number APA-1234, approval valid from 1 January 2026 until 31 "
        "December 2027",
    ]
    assert APA_STATEMENT in flat(lines)
    assert lines[-10:] == [
        "Marsha Example, PhD",
        "CE program director",
        f"http://testserver/verify/{certificate.code}/",
        "Terry Chen, PhD",
        "Lead trainer",
        "Completed on 10 November 2026",
        "Issued on 2 December 2026",
        f"Verification code: {certificate.code}",
        "Scan the QR code or open the address under it to confirm this certificate.",
        DISCLAIMER,
    ]
    # The claim's day appears once: as the day of issue, never as the end of the training.
    assert flat(lines).count("2 December 2026") == 1
    assert len(PdfReader(BytesIO(response.content)).pages[0].images) == 2
