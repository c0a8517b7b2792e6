"""The certificate PDF: what its text says for each kind (read back with pypdf), that it stays on
one page whatever it holds, and that its QR code decodes to the verification page."""

import datetime
from decimal import Decimal
from http import HTTPStatus
from io import BytesIO

import pytest
import zxingcpp
from django.urls import reverse
from pypdf import PdfReader

from assessments.completion import pdf as certificate_pdf
from assessments.completion.certificates import claim_certificate
from assessments.models import Certificate, CompletionRules
from tests.factories import APA_STATEMENT, CertificateFactory

pytestmark = pytest.mark.django_db

CODE = "DBT-7KQ2-M9XH-4TRW"
VERIFY_URL = f"http://testserver/verify/{CODE}/"
DISCLAIMER = (
    "This certificate documents completion of a training course. It is not a clinical "
    "certification."
)


def pdf_lines(data: bytes) -> list[str]:
    reader = PdfReader(BytesIO(data))
    assert len(reader.pages) == 1
    return reader.pages[0].extract_text().splitlines()


def flat(lines: list[str]) -> str:
    return " ".join(" ".join(lines).split())


def qr_text(data: bytes) -> list[str]:
    page = PdfReader(BytesIO(data)).pages[0]
    assert len(page.images) == 1
    return [barcode.text for barcode in zxingcpp.read_barcodes(page.images[0].image)]


def test_a_ce_certificate_prints_every_line_a_ce_provider_needs(enrollment):
    certificate = CertificateFactory(enrollment=enrollment, code=CODE)

    lines = pdf_lines(certificate_pdf.render(certificate, verify_url=VERIFY_URL))

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
    assert lines[-7:] == [
        VERIFY_URL,
        "Terry Chen, PhD",
        "Lead trainer",
        "Issued on 30 June 2027",
        f"Verification code: {CODE}",
        "Scan the QR code or open the address under it to confirm this certificate.",
        DISCLAIMER,
    ]


def test_the_qr_code_decodes_to_the_verification_url(enrollment):
    certificate = CertificateFactory(enrollment=enrollment, code=CODE)

    data = certificate_pdf.render(certificate, verify_url=VERIFY_URL)

    assert qr_text(data) == [VERIFY_URL]


def test_the_pdf_metadata_names_the_certificate_and_the_institute(enrollment, settings):
    settings.DEFAULT_FROM_EMAIL = "Linehan Skills Institute <ce@example.org>"
    certificate = CertificateFactory(enrollment=enrollment, code=CODE)

    data = certificate_pdf.render(certificate, verify_url=VERIFY_URL)

    metadata = PdfReader(BytesIO(data)).metadata
    assert metadata.title == "Certificate of completion: Łukasz Żółć"
    assert metadata.author == "Linehan Skills Institute"
    assert pdf_lines(data)[0] == "Linehan Skills Institute"


def test_without_a_display_name_in_the_sender_the_institute_is_dbt_training(enrollment, settings):
    settings.DEFAULT_FROM_EMAIL = "ce@example.org"
    certificate = CertificateFactory(enrollment=enrollment, code=CODE)

    lines = pdf_lines(certificate_pdf.render(certificate, verify_url=VERIFY_URL))

    assert lines[0] == "DBT Training"


def test_a_certificate_of_attendance_has_hours_but_no_ce_approval(enrollment):
    certificate = CertificateFactory(
        enrollment=enrollment, code=CODE, kind=Certificate.Kind.ATTENDANCE, credentials=""
    )

    lines = pdf_lines(certificate_pdf.render(certificate, verify_url=VERIFY_URL))

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

    data = certificate_pdf.render(certificate, verify_url=VERIFY_URL)

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
        certificate_pdf.render(certificate, verify_url=VERIFY_URL)


def test_whole_hours_print_without_decimals(enrollment):
    certificate = CertificateFactory(enrollment=enrollment, code=CODE, ce_hours=Decimal("30.00"))

    lines = pdf_lines(certificate_pdf.render(certificate, verify_url=VERIFY_URL))

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

    data = certificate_pdf.render(certificate, verify_url=VERIFY_URL)

    lines = pdf_lines(data)  # asserts one page
    assert " ".join(statement.split()) in flat(lines)
    assert "Aroha Ngāti Wairere-Pōtae" in flat(lines)
    assert lines[-1] == DISCLAIMER
    assert qr_text(data) == [VERIFY_URL]


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
