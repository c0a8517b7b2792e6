"""Certificate downloads, public verification and revocation: who may download, what the public
page shows (and what it never shows), one answer and one query for every code that finds nothing,
and revocation by enrollment admins only, refusals changing nothing. Also the Certificate admin."""

import datetime
import re
from http import HTTPStatus

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from assessments.models import Certificate
from courses.models import Enrollment, EnrollmentStatus
from dbt_training.users.roles import Role
from tests.factories import APA_STATEMENT, CertificateFactory, CohortFactory, UserFactory

pytestmark = pytest.mark.django_db

CODE = "DBT-7KQ2-M9XH-4TRW"
ENROLLMENT_ID = 987654  # distinctive, so its absence from a page means something


@pytest.fixture
def ce_enrollment(cohort, trainee):
    trainee.license_number = "PSY-448812"
    trainee.save(update_fields=["license_number"])
    return Enrollment.objects.create(
        pk=ENROLLMENT_ID,
        user=trainee,
        cohort=cohort,
        status=EnrollmentStatus.COMPLETED,
        enrolled_at=timezone.now(),
    )


@pytest.fixture
def certificate(ce_enrollment):
    return CertificateFactory(enrollment=ce_enrollment, code=CODE)


@pytest.fixture
def revoked(certificate, enrollment_admin):
    certificate.revoked_at = datetime.datetime(2027, 7, 2, 12, 0, tzinfo=datetime.UTC)
    certificate.revoked_by = enrollment_admin
    certificate.revoke_reason = "Issued in error: the post-test grade was corrected."
    certificate.save()
    return certificate


def pdf_url(code=CODE):
    return reverse("certificates:pdf", kwargs={"code": code})


def verify_url(code=CODE):
    return reverse("certificates:verify", kwargs={"code": code})


def revoke_url(code=CODE):
    return reverse("certificates:revoke", kwargs={"code": code})


def login(client, user):
    client.force_login(user)
    return client


def snapshot():
    return list(Certificate.objects.order_by("pk").values())


def facts(html: str) -> list[tuple[str, str]]:
    return re.findall(r"<div><dt>(.*?)</dt><dd>(.*?)</dd></div>", html)


VALID_FACTS = [
    ("Kind", "CE certificate"),
    ("Issued to", "Łukasz Żółć, PhD, LCSW"),
    ("Course", "Foundational DBT for clinicians"),
    ("Cohort", "Spring 2027"),
    ("Dates", "11 January 2027 – 30 June 2027"),
    ("CE hours", "12.50"),
    ("Profession or board", "Psychologists"),
    ("Accrediting body", "American Psychological Association"),
    ("Completed on", "30 June 2027"),
    ("Issued on", "30 June 2027"),
    ("Verification code", CODE),
]
NOINDEX = '<meta name="robots" content="noindex">'


# --- the PDF -------------------------------------------------------------------------------------


def test_a_visitor_is_sent_to_sign_in_for_the_pdf(client, certificate):
    response = client.get(pdf_url())

    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize("who", ["trainee", "trainer", "enrollment_admin"])
def test_the_owner_the_cohorts_trainer_and_an_enrollment_admin_download_the_pdf(
    client, certificate, request, who
):
    response = login(client, request.getfixturevalue(who)).get(pdf_url())

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="certificate-{CODE}.pdf"'
    assert response["Cache-Control"] == "private, no-store"
    assert response.content.startswith(b"%PDF-")


@pytest.mark.parametrize("who", ["other_trainee", "other_trainer"])
def test_another_trainee_or_another_cohorts_trainer_gets_404_for_the_pdf(
    client, certificate, request, who
):
    response = login(client, request.getfixturevalue(who)).get(pdf_url())

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_a_trainer_of_another_cohort_of_the_same_course_gets_404_for_the_pdf(
    client, certificate, course
):
    colleague = UserFactory(roles=[Role.TRAINER])
    CohortFactory(course=course, trainers=[colleague])

    response = login(client, colleague).get(pdf_url())

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_an_unknown_code_gets_404_for_the_pdf(client, certificate, trainee):
    response = login(client, trainee).get(pdf_url("DBT-AAAA-BBBB-CCCC"))

    assert response.status_code == HTTPStatus.NOT_FOUND


@pytest.mark.parametrize("who", ["trainee", "trainer"])
def test_a_revoked_certificate_is_gone_not_downloaded(client, revoked, request, who):
    response = login(client, request.getfixturevalue(who)).get(pdf_url())

    assert response.status_code == HTTPStatus.GONE
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert "<h1>This certificate was revoked</h1>" in html
    assert "Issued in error: the post-test grade was corrected." in html


def test_a_revoked_certificate_of_someone_else_is_still_404(client, revoked, other_trainee):
    response = login(client, other_trainee).get(pdf_url())

    assert response.status_code == HTTPStatus.NOT_FOUND


# --- public verification -------------------------------------------------------------------------


def test_the_verification_form_is_public_and_not_indexed(client):
    response = client.get(reverse("certificates:verify_form"))

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert '<label for="id_code">Verification code:</label>' in html
    assert NOINDEX in html
    assert html.count("<h1>") == 1


def test_a_typed_code_is_normalised_and_sent_to_its_page(client, certificate):
    response = client.get(reverse("certificates:verify_form"), {"code": " dbt 7kq2 m9xh-4trw "})

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == verify_url()


@pytest.mark.parametrize("typed", ["x", "7" * 500, "<script>alert(1)</script>", "DBT-0000-0000"])
def test_a_malformed_typed_code_gets_the_not_found_answer(client, certificate, typed):
    response = client.get(reverse("certificates:verify_form"), {"code": typed})

    assert response.status_code == HTTPStatus.NOT_FOUND
    html = response.content.decode()
    assert "No certificate with this code was found" in html
    assert "<script>alert" not in html


def test_a_valid_certificate_shows_exactly_the_allowed_facts(client, certificate, trainee):
    response = client.get(verify_url())

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "<h1>Valid certificate</h1>" in html
    assert facts(html) == VALID_FACTS
    assert NOINDEX in html
    for private in (trainee.email, "PSY-448812", str(ENROLLMENT_ID), APA_STATEMENT[:40], "Terry"):
        assert private not in html


def test_a_certificate_of_attendance_shows_no_profession_or_body(client, ce_enrollment):
    CertificateFactory(enrollment=ce_enrollment, code=CODE, kind=Certificate.Kind.ATTENDANCE)

    html = client.get(verify_url()).content.decode()

    assert [label for label, _ in facts(html)] == [
        "Kind",
        "Issued to",
        "Course",
        "Cohort",
        "Dates",
        "CE hours",
        "Completed on",
        "Issued on",
        "Verification code",
    ]
    assert ("Kind", "Certificate of attendance") in facts(html)


def test_a_revoked_certificate_shows_the_date_and_reason(client, revoked):
    response = client.get(verify_url())

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "<h1>Revoked certificate</h1>" in html
    assert (
        "<strong>Revoked on 2 July 2027:</strong> "
        "Issued in error: the post-test grade was corrected." in html
    )
    assert "Valid certificate" not in html
    assert facts(html) == VALID_FACTS


def test_a_code_typed_in_lowercase_with_spaces_finds_the_certificate(client, certificate):
    response = client.get(verify_url("dbt 7kq2 m9xh 4trw"))

    assert response.status_code == HTTPStatus.OK
    assert facts(response.content.decode()) == VALID_FACTS


@pytest.mark.parametrize(
    "code", ["DBT-AAAA-BBBB-CCCC", "x", "7" * 500, "<script>alert(1)", "DBT-7KQ2-M9XH-4TR"]
)
def test_an_unknown_or_malformed_code_is_a_plain_not_found(client, certificate, code):
    response = client.get(verify_url(code))

    assert response.status_code == HTTPStatus.NOT_FOUND
    html = response.content.decode()
    assert "<h1>Certificate not found</h1>" in html
    assert "No certificate with this code was found" in html
    assert "<script>" not in html
    assert NOINDEX in html
    assert "Łukasz" not in html


def test_the_not_found_page_escapes_what_was_typed(client):
    html = client.get(verify_url("<script>alert(1)")).content.decode()

    assert 'value="&lt;script&gt;alert(1)"' in html


@pytest.mark.parametrize(
    "code",
    [CODE, "DBT-AAAA-BBBB-CCCC", "x", "7" * 500, "<script>alert(1)", "dbt 7kq2 m9xh 4trw"],
)
def test_every_code_costs_the_same_one_query(client, certificate, code, django_assert_num_queries):
    with django_assert_num_queries(1):
        client.get(verify_url(code))


# --- revoking ------------------------------------------------------------------------------------


def test_a_visitor_is_sent_to_sign_in_to_revoke(client, certificate):
    before = snapshot()

    for response in (client.get(revoke_url()), client.post(revoke_url(), {"reason": "Fraud"})):
        assert response.status_code == HTTPStatus.FOUND
        assert response.url.startswith(reverse("account_login"))
    assert snapshot() == before


@pytest.mark.parametrize("who", ["trainee", "other_trainee", "trainer", "other_trainer"])
def test_anyone_but_an_enrollment_admin_gets_404_and_revokes_nothing(
    client, certificate, request, who
):
    before = snapshot()
    login(client, request.getfixturevalue(who))

    assert client.get(revoke_url()).status_code == HTTPStatus.NOT_FOUND
    assert client.post(revoke_url(), {"reason": "Fraud"}).status_code == HTTPStatus.NOT_FOUND
    assert snapshot() == before


def test_an_enrollment_admin_sees_the_revoke_form(client, certificate, enrollment_admin):
    response = login(client, enrollment_admin).get(revoke_url())

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert f"<h1>Revoke certificate {CODE}</h1>" in html
    assert '<label for="id_reason">Reason for revoking:</label>' in html
    assert facts(html) == VALID_FACTS


def test_an_enrollment_admin_revokes_with_a_reason(client, certificate, enrollment_admin):
    login(client, enrollment_admin)

    response = client.post(revoke_url(), {"reason": "  Issued in error:\n grade corrected. "})

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == verify_url()
    certificate.refresh_from_db()
    assert certificate.revoked_at is not None
    assert certificate.revoked_by == enrollment_admin
    assert certificate.revoke_reason == "Issued in error: grade corrected."
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        f"Certificate {CODE} is revoked: its verification page now says so, with your reason."
    ]
    page = client.get(verify_url()).content.decode()
    assert "<h1>Revoked certificate</h1>" in page
    assert "Issued in error: grade corrected." in page


@pytest.mark.parametrize("reason", ["", "   \n  ", "x" * 501])
def test_a_missing_or_too_long_reason_is_refused_and_changes_nothing(
    client, certificate, enrollment_admin, reason
):
    before = snapshot()

    response = login(client, enrollment_admin).post(revoke_url(), {"reason": reason})

    assert response.status_code == HTTPStatus.BAD_REQUEST
    html = response.content.decode()
    assert 'id="form-error-summary"' in html
    assert (
        "This field is required." in html
        or "Ensure this value has at most 500 characters (it has 501)." in html
    )
    assert snapshot() == before


def test_an_already_revoked_certificate_cannot_be_revoked_again(client, revoked, enrollment_admin):
    before = snapshot()
    login(client, enrollment_admin)

    page = client.get(revoke_url())
    response = client.post(revoke_url(), {"reason": "Another reason"})

    assert page.status_code == HTTPStatus.OK
    assert "<strong>Already revoked on 2 July 2027:</strong>" in page.content.decode()
    assert "Reason for revoking" not in page.content.decode()
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "This certificate is already revoked." in response.content.decode()
    assert snapshot() == before


# --- the admin -----------------------------------------------------------------------------------


@pytest.fixture
def superuser(db):
    return UserFactory(is_staff=True, is_superuser=True)


def test_the_admin_lists_searches_and_filters_certificates(client, certificate, superuser):
    login(client, superuser)
    changelist = reverse("admin:assessments_certificate_changelist")

    found = client.get(changelist, {"q": CODE})
    by_name = client.get(changelist, {"q": "Żółć"})
    valid = client.get(changelist, {"revoked": "no", "kind": "ce"})
    revoked_only = client.get(changelist, {"revoked": "yes"})

    assert found.status_code == HTTPStatus.OK
    assert found.context["cl"].result_count == 1
    assert by_name.context["cl"].result_count == 1
    assert valid.context["cl"].result_count == 1
    assert revoked_only.context["cl"].result_count == 0


def test_the_admin_shows_a_certificate_read_only_with_a_link_to_revoke(
    client, certificate, superuser
):
    login(client, superuser)
    change = reverse("admin:assessments_certificate_change", args=[certificate.pk])
    before = snapshot()

    page = client.get(change)
    post = client.post(change, {"full_name": "Someone Else", "revoke_reason": "x"})

    assert page.status_code == HTTPStatus.OK
    html = page.content.decode()
    assert f'<a href="{revoke_url()}">Revoke this certificate (with a reason)…</a>' in html
    assert 'name="full_name"' not in html
    assert 'name="_save"' not in html
    assert post.status_code == HTTPStatus.FORBIDDEN
    assert client.get(reverse("admin:assessments_certificate_add")).status_code == 403
    assert snapshot() == before


@pytest.mark.parametrize("who", ["trainee", "trainer", "enrollment_admin"])
def test_the_pdf_download_takes_the_same_queries_however_many_certificates(
    client, certificate, course, trainer, request, who, django_assert_max_num_queries
):
    for number in range(15):
        cohort = CohortFactory(course=course, trainers=[trainer])
        enrollment = Enrollment.objects.create(
            user=UserFactory(), cohort=cohort, status=EnrollmentStatus.COMPLETED
        )
        CertificateFactory(
            enrollment=enrollment, code=f"DBT-AAAA-BBBB-{'CDEFGHJKLMNPQRS'[number]}CCC"
        )
    login(client, request.getfixturevalue(who))

    # Session, user, permissions (one or two, by backend), certificate: at most 5 with 15 others.
    with django_assert_max_num_queries(5):
        response = client.get(pdf_url())

    assert response.status_code == HTTPStatus.OK


def test_the_page_gives_the_same_issue_date_as_the_pdf(client, certificate):
    # Claimed at 02:00 UTC on 1 July: still 30 June in the cohort's New York, as the PDF says.
    certificate.issued_at = datetime.datetime(2027, 7, 1, 2, 0, tzinfo=datetime.UTC)
    certificate.save(update_fields=["issued_at"])
    assert ("Issued on", "30 June 2027") in facts(client.get(verify_url()).content.decode())
