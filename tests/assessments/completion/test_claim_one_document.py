"""One document per enrollment (issue 20, item 2): a CE certificate, a certificate of attendance
or a letter of participation. Claiming one makes the others unavailable, with the reason on the
trainee's page; under two concurrent claims of different kinds exactly one document exists."""

from http import HTTPStatus

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse

from assessments.completion import certificates
from assessments.models import Certificate, CompletionRules, CourseApproval
from courses.models import EnrollmentStatus
from tests import threads
from tests.factories import LessonFactory, LessonProgressFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def lessons(module):
    return [module.lessons.get(), LessonFactory(module=module, title="Validation", position=2)]


@pytest.fixture
def rules(course):
    """Lessons only, and a letter of participation from half of them."""
    return CompletionRules.objects.create(
        course=course,
        require_post_test=False,
        require_assignments=False,
        require_evaluation=False,
        min_attendance_percent=0,
        participation_letter_percent=50,
    )


@pytest.fixture
def approval(course):
    return CourseApproval.objects.create(
        course=course,
        profession="Psychologists",
        accrediting_body="American Psychological Association",
        approval_statement="Approved.",
        position=1,
    )


def complete(enrollment, *lessons):
    for lesson in lessons:
        LessonProgressFactory(
            enrollment=enrollment, lesson=lesson, completed_at=enrollment.enrolled_at
        )


@pytest.fixture
def finished(enrollment, lessons, rules):
    complete(enrollment, *lessons)
    return enrollment


def snapshot():
    return list(Certificate.objects.order_by("pk").values())


def mine(cohort) -> str:
    return reverse("certificates:mine", args=[cohort.pk])


# --- the services ----------------------------------------------------------------------------------


def test_a_letter_holder_cannot_claim_a_ce_certificate(finished, approval):
    letter = certificates.claim_participation_letter(enrollment=finished)
    before = snapshot()

    with pytest.raises(ValidationError) as refused:
        certificates.claim_certificate(enrollment=finished, approval=approval)

    assert refused.value.messages == [
        f"You hold a letter of participation for this enrollment ({letter.code}); a CE "
        "certificate can no longer be claimed. Contact the institute if that was a mistake."
    ]
    assert refused.value.error_list[0].code == certificates.OTHER_DOCUMENT
    assert snapshot() == before
    finished.refresh_from_db()
    assert finished.status == EnrollmentStatus.ACTIVE


def test_a_letter_holder_cannot_claim_a_certificate_of_attendance(finished):
    letter = certificates.claim_participation_letter(enrollment=finished)

    with pytest.raises(ValidationError) as refused:
        certificates.claim_certificate(enrollment=finished, approval=None)

    assert refused.value.messages == [
        f"You hold a letter of participation for this enrollment ({letter.code}); a "
        "certificate of attendance can no longer be claimed. Contact the institute if that "
        "was a mistake."
    ]
    assert list(Certificate.objects.values_list("kind", flat=True)) == ["participation"]


@pytest.mark.parametrize(
    ("with_approval", "held"), [(True, "a CE certificate"), (False, "a certificate of attendance")]
)
def test_a_certificate_holder_cannot_claim_a_letter(finished, approval, with_approval, held):
    certificate = certificates.claim_certificate(
        enrollment=finished, approval=approval if with_approval else None
    )
    before = snapshot()

    with pytest.raises(ValidationError) as refused:
        certificates.claim_participation_letter(enrollment=finished)

    assert refused.value.messages == [
        f"You hold {held} for this enrollment ({certificate.code}); a letter of participation "
        "can no longer be claimed. Contact the institute if that was a mistake."
    ]
    assert snapshot() == before


def test_claiming_the_same_kind_again_returns_the_document_held(finished, approval):
    letter = certificates.claim_participation_letter(enrollment=finished)

    assert certificates.claim_participation_letter(enrollment=finished).pk == letter.pk
    assert Certificate.objects.count() == 1


def test_a_revoked_letter_still_counts_as_the_enrollments_document(
    finished, approval, enrollment_admin
):
    letter = certificates.claim_participation_letter(enrollment=finished)
    certificates.revoke_certificate(
        certificate=letter, by=enrollment_admin, reason="Claimed by mistake."
    )

    with pytest.raises(ValidationError, match="was revoked on .*Claimed by mistake"):
        certificates.claim_certificate(enrollment=finished, approval=approval)
    assert Certificate.objects.count() == 1


# --- the trainee's page ------------------------------------------------------------------------------


def test_the_page_says_why_a_certificate_can_no_longer_be_claimed(
    client, trainee, cohort, finished, approval
):
    letter = certificates.claim_participation_letter(enrollment=finished)
    client.force_login(trainee)

    body = client.get(mine(cohort)).content.decode()

    assert (
        f"You hold a letter of participation for this enrollment ({letter.code}); a CE "
        "certificate or a certificate of attendance can no longer be claimed. Contact the "
        "institute if that was a mistake." in body
    )
    assert 'action="' + reverse("certificates:claim", args=[cohort.pk]) + '"' not in body
    assert "Your letter has been issued: see below." in body


def test_the_page_says_why_a_letter_can_no_longer_be_claimed(
    client, trainee, cohort, finished, approval
):
    certificate = certificates.claim_certificate(enrollment=finished, approval=approval)
    client.force_login(trainee)

    body = client.get(mine(cohort)).content.decode()

    assert (
        f"You hold a CE certificate for this enrollment ({certificate.code}); a letter of "
        "participation can no longer be claimed. Contact the institute if that was a "
        "mistake." in body
    )
    assert 'action="' + reverse("certificates:letter", args=[cohort.pk]) + '"' not in body


def test_before_any_claim_both_offers_say_only_one_document_is_issued(
    client, trainee, cohort, finished, approval
):
    client.force_login(trainee)

    body = client.get(mine(cohort)).content.decode()

    assert (
        "once you claim a certificate, a letter of participation can no longer be claimed" in body
    )
    assert "once you claim a letter, a certificate can no longer be claimed" in body


def test_a_posted_claim_after_a_letter_is_refused_on_the_page(
    client, trainee, cohort, finished, approval
):
    letter = certificates.claim_participation_letter(enrollment=finished)
    client.force_login(trainee)
    before = snapshot()

    response = client.post(
        reverse("certificates:claim", args=[cohort.pk]), {"approval": str(approval.pk)}
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert f"({letter.code}); a CE certificate can no longer be claimed" in (
        response.content.decode()
    )
    assert snapshot() == before


# --- two claims at once ---------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("rounds", range(3))
def test_two_claims_of_different_kinds_at_once_leave_exactly_one_document(
    finished, approval, rounds
):
    """A CE claim and a letter claim race on PostgreSQL: each locks the enrollment row first,
    so the second waits, then finds the first's document and is refused."""
    if connection.vendor != "postgresql":
        pytest.skip("row locks (select_for_update) are what is under test; SQLite has none")

    results = threads.run_together(
        [
            lambda: certificates.claim_certificate(enrollment=finished, approval=approval),
            lambda: certificates.claim_participation_letter(enrollment=finished),
        ],
        refusals=(ValidationError,),
    )

    documents = list(Certificate.objects.filter(enrollment=finished))
    assert len(documents) == 1
    issued = [r for r in results if isinstance(r, Certificate)]
    refused = [r for r in results if isinstance(r, ValidationError)]
    assert [c.pk for c in issued] == [documents[0].pk]
    assert len(refused) == 1
    assert refused[0].error_list[0].code == certificates.OTHER_DOCUMENT
    assert f"({documents[0].code})" in refused[0].messages[0]
