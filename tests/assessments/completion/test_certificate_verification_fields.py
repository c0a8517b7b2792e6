"""The public verification page shows the facts the PDF prints (issue 20, item 1): the licence,
the cohort's dates (or a self-paced run's completion date), the delivery format, the approval's
number and period, the provider, the responsible person, the completion and issue dates. Never
the signature image, the email or the enrollment."""

import datetime
import re

import pytest
from django.urls import reverse

from tests.factories import APA_STATEMENT, CertificateFactory

pytestmark = pytest.mark.django_db

CODE = "DBT-7KQ2-M9XH-4TRW"


def facts(html: str) -> list[tuple[str, str]]:
    return re.findall(r"<div><dt>(.*?)</dt><dd>(.*?)</dd></div>", html)


def verify(client, code=CODE) -> str:
    return client.get(reverse("certificates:verify", kwargs={"code": code})).content.decode()


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
    "provider_contact": "ce@example.org",
    "signatory_name": "Marsha Example, PhD",
    "signatory_title": "CE program director",
    "signature": "signatures/2026/signature-1.png",
    # 02:00 UTC on 3 December is still 2 December in the cohort's New York.
    "issued_at": datetime.datetime(2026, 12, 3, 2, 0, tzinfo=datetime.UTC),
}


def test_the_page_shows_every_fact_the_pdf_prints(client, enrollment):
    CertificateFactory(enrollment=enrollment, code=CODE, **EVERY_FIELD)

    html = verify(client)

    assert facts(html) == [
        ("Kind", "CE certificate"),
        ("Issued to", "Łukasz Żółć, PhD, LCSW"),
        ("Licence", "Licence number PSY-448812 · California Board of Psychology"),
        ("Course", "Foundational DBT for clinicians"),
        ("Cohort", "Spring 2027"),
        ("Dates", "4 August 2026 – 12 November 2026"),
        ("Delivery format", "Live interactive webinar"),
        ("CE hours", "12.50"),
        ("Profession or board", "Psychologists"),
        ("Accrediting body", "American Psychological Association"),
        ("Provider approval number", "APA-1234"),
        ("Approval valid", "from 1 January 2026 until 31 December 2027"),
        ("Provider", "Linehan Skills Institute"),
        ("Provider address", "12 Example Street, Seattle, WA 98101, USA"),
        ("Provider contact", "ce@example.org"),
        ("Responsible for the program", "Marsha Example, PhD, CE program director"),
        ("Completed on", "10 November 2026"),
        ("Issued on", "2 December 2026"),
        ("Verification code", CODE),
    ]
    assert "<strong>Valid.</strong> Linehan Skills Institute issued this certificate" in html
    for private in ("signature-1.png", "/media/", enrollment.user.email, APA_STATEMENT[:40]):
        assert private not in html


def test_a_self_paced_run_shows_its_completion_date_instead_of_the_cohort_range(client, enrollment):
    CertificateFactory(
        enrollment=enrollment,
        code=CODE,
        kind="attendance",
        starts_on=datetime.date(2026, 1, 5),
        ends_on=datetime.date(2026, 12, 31),
        completed_on=datetime.date(2026, 3, 17),
        delivery_format="Self-paced online (home study)",
    )

    labels = facts(verify(client))

    assert [label for label, _ in labels] == [
        "Kind",
        "Issued to",
        "Course",
        "Cohort",
        "Delivery format",
        "CE hours",
        "Completed on",
        "Issued on",
        "Verification code",
    ]
    assert ("Completed on", "17 March 2026") in labels


def test_a_letter_of_participation_shows_the_cohort_range_and_no_completion(client, enrollment):
    CertificateFactory(
        enrollment=enrollment,
        code=CODE,
        kind="participation",
        ends_on=datetime.date(2027, 7, 9),
    )

    labels = facts(verify(client))

    assert ("Dates", "11 January 2027 – 9 July 2027") in labels
    assert "Completed on" not in [label for label, _ in labels]
    assert "CE hours" not in [label for label, _ in labels]
