"""What a claim copies onto the certificate (issue 20, item 1): the cohort's dates and delivery
format, the completion date read from the records (never the claim date), the licence from the
profile, the approval's number and valid period, the provider from settings, the program's
signatory. A claim under an approval that requires a licence is refused until the profile holds
one; under an approval not in force on the completion date, refused with the reason."""

import datetime
from decimal import Decimal
from http import HTTPStatus

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from assessments.completion import certificates
from assessments.completion.checklists import checklist_for
from assessments.completion.dates import completion_date, completion_moment
from assessments.models import (
    Certificate,
    CompletionRules,
    CourseApproval,
    Grade,
    GradeOverride,
    ProgramSignatory,
    Response,
)
from courses.models import Enrollment, EnrollmentStatus
from tests.factories import (
    AssignmentFactory,
    AttemptFactory,
    CohortFactory,
    EnrollmentFactory,
    GradeFactory,
    LessonProgressFactory,
    LiveSessionFactory,
    QuestionFactory,
    QuizFactory,
)

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
# Every record is dated; the claim comes weeks after the cohort ended.
CLAIMED_AT = datetime.datetime(2026, 12, 2, 15, 0, tzinfo=UTC)


def at(month: int, day: int, hour: int = 15) -> datetime.datetime:
    return datetime.datetime(2026, month, day, hour, 0, tzinfo=UTC)


@pytest.fixture
def autumn(course, trainer):
    return CohortFactory(
        course=course,
        name="Autumn 2026",
        starts_on=datetime.date(2026, 8, 4),
        ends_on=datetime.date(2026, 11, 12),
        time_zone="America/New_York",
        delivery_format="live_online",
        trainers=[trainer],
    )


@pytest.fixture
def trainee_in_autumn(autumn, trainee):
    trainee.credentials = "PsyD"
    trainee.save(update_fields=["credentials"])
    return EnrollmentFactory(user=trainee, cohort=autumn, enrolled_at=at(8, 1))


@pytest.fixture
def lessons_only(course):
    return CompletionRules.objects.create(
        course=course,
        require_post_test=False,
        require_assignments=False,
        require_evaluation=False,
        min_attendance_percent=0,
    )


def finish_lesson(enrollment, module, when):
    LessonProgressFactory(
        enrollment=enrollment,
        lesson=module.lessons.get(),
        first_viewed_at=when,
        last_viewed_at=when,
        completed_at=when,
    )


@pytest.fixture
def done(trainee_in_autumn, module, lessons_only):
    """The one required lesson completed on 10 November (New York), the last requirement."""
    finish_lesson(trainee_in_autumn, module, at(11, 10))
    return trainee_in_autumn


@pytest.fixture
def approval(course):
    return CourseApproval.objects.create(
        course=course,
        profession="Psychologists",
        accrediting_body="American Psychological Association",
        approval_statement="Approved by the APA.",
        ce_hours=Decimal("12.00"),
        approval_number="APA-1234",
        valid_from=datetime.date(2026, 1, 1),
        valid_until=datetime.date(2027, 12, 31),
        position=1,
    )


def snapshot():
    return list(Certificate.objects.order_by("pk").values())


# --- what a claim copies ----------------------------------------------------------------------


def test_a_ce_claim_copies_every_field_as_it_stands_that_day(
    done, approval, trainee, settings, course
):
    settings.CE_PROVIDER_NAME = "Linehan Skills Institute"
    settings.CE_PROVIDER_ADDRESS = "12 Example Street, Seattle, WA 98101"
    settings.CE_PROVIDER_CONTACT = "ce@example.org"
    trainee.license_number, trainee.license_jurisdiction = " PSY 31337 ", "California BOP"
    trainee.save()
    ProgramSignatory.objects.create(
        course=course,
        name="Marsha Example, PhD",
        title="CE program director",
        signature="signatures/2026/signature-1.png",
    )

    certificate = certificates.claim_certificate(enrollment=done, approval=approval, now=CLAIMED_AT)

    assert {
        field: getattr(certificate, field)
        for field in (
            "kind",
            "full_name",
            "credentials",
            "license_number",
            "license_jurisdiction",
            "cohort_name",
            "starts_on",
            "ends_on",
            "completed_on",
            "delivery_format",
            "ce_hours",
            "profession",
            "accrediting_body",
            "approval_statement",
            "approval_number",
            "approval_valid_from",
            "approval_valid_until",
            "provider_name",
            "provider_address",
            "provider_contact",
            "lead_trainer",
            "signatory_name",
            "signatory_title",
        )
    } == {
        "kind": "ce",
        "full_name": "Dana Rivera",
        "credentials": "PsyD",
        "license_number": "PSY 31337",
        "license_jurisdiction": "California BOP",
        "cohort_name": "Autumn 2026",
        "starts_on": datetime.date(2026, 8, 4),
        "ends_on": datetime.date(2026, 11, 12),
        "completed_on": datetime.date(2026, 11, 10),
        "delivery_format": "Live interactive webinar",
        "ce_hours": Decimal("12.00"),
        "profession": "Psychologists",
        "accrediting_body": "American Psychological Association",
        "approval_statement": "Approved by the APA.",
        "approval_number": "APA-1234",
        "approval_valid_from": datetime.date(2026, 1, 1),
        "approval_valid_until": datetime.date(2027, 12, 31),
        "provider_name": "Linehan Skills Institute",
        "provider_address": "12 Example Street, Seattle, WA 98101",
        "provider_contact": "ce@example.org",
        "lead_trainer": "Terry Chen",
        "signatory_name": "Marsha Example, PhD",
        "signatory_title": "CE program director",
    }
    assert certificate.signature.name == "signatures/2026/signature-1.png"
    assert certificate.issued_at == CLAIMED_AT


def test_a_certificate_of_attendance_carries_no_approval_number_or_period(done, approval):
    certificate = certificates.claim_certificate(enrollment=done, approval=None, now=CLAIMED_AT)

    assert (certificate.kind, certificate.approval_number) == ("attendance", "")
    assert (certificate.approval_valid_from, certificate.approval_valid_until) == (None, None)
    assert (certificate.ends_on, certificate.completed_on) == (
        datetime.date(2026, 11, 12),
        datetime.date(2026, 11, 10),
    )


@pytest.mark.parametrize(
    ("from_email", "name"),
    [
        ("Linehan Skills Institute <ce@example.org>", "Linehan Skills Institute"),
        ("x@example.org", "DBT Training"),
    ],
)
def test_without_a_provider_name_setting_the_senders_display_name_is_used(
    done, settings, from_email, name
):
    settings.CE_PROVIDER_NAME = ""
    settings.DEFAULT_FROM_EMAIL = from_email

    certificate = certificates.claim_certificate(enrollment=done, approval=None, now=CLAIMED_AT)

    assert certificate.provider_name == name


def test_a_provider_name_the_font_cannot_print_refuses_the_claim(done, settings):
    settings.CE_PROVIDER_NAME = "DBT 研究所"

    with pytest.raises(ValidationError, match="cannot yet print these characters: 研 究 所"):
        certificates.claim_certificate(enrollment=done, approval=None, now=CLAIMED_AT)
    assert snapshot() == []


# --- the completion date, from the records -------------------------------------------------


@pytest.fixture
def everything(course, module, autumn, trainee_in_autumn):
    """Each kind of requirement, each met on its own day: lesson 1 Nov, assignment released
    3 Nov, evaluation 4 Nov, post-test passed 5 Nov (second attempt; the first failed 2 Nov),
    attendance 50% of two sessions (20 Oct attended, 9 Nov missed)."""
    CompletionRules.objects.create(course=course, min_attendance_percent=50)
    enrollment = trainee_in_autumn
    finish_lesson(enrollment, module, at(11, 1))
    post_test = QuizFactory(module=module, title="Post-test", kind="post_test")
    AttemptFactory(
        enrollment=enrollment, quiz=post_test, number=1, percent=Decimal(60), started_at=at(11, 2)
    )
    passed = AttemptFactory(
        enrollment=enrollment, quiz=post_test, number=2, percent=Decimal(90), started_at=at(11, 5)
    )
    assignment = AssignmentFactory(module=module, title="Chain analysis", pass_percent=50)
    GradeFactory(
        submission__enrollment=enrollment,
        submission__assignment=assignment,
        score=Decimal(8),
        graded_at=at(11, 3),
    )
    survey = QuizFactory(module=module, title="Course evaluation", kind="evaluation")
    AttemptFactory(enrollment=enrollment, quiz=survey, percent=None, started_at=at(11, 4))
    first = LiveSessionFactory(cohort=autumn, starts_at=at(10, 20))
    LiveSessionFactory(cohort=autumn, starts_at=at(11, 9))
    enrollment.attendance.create(live_session=first, present=True, source="trainer")
    return {"enrollment": enrollment, "post_test": post_test, "passed": passed, "first": first}


def completed(enrollment) -> datetime.date:
    """The completion date as the claim works it out (from the stored rules and records)."""
    enrollment = Enrollment.objects.select_related("cohort__course", "user").get(pk=enrollment.pk)
    checklist = checklist_for(enrollment, now=CLAIMED_AT)
    assert checklist.complete
    return completion_date(checklist)


def test_the_completion_date_is_the_day_the_last_requirement_was_met(everything):
    assert completed(everything["enrollment"]) == datetime.date(2026, 11, 5)


def test_a_later_essay_release_dates_the_post_test(everything):
    """An essay's score reaches the attempt when its grade is released: that day it counted."""
    enrollment, passed = everything["enrollment"], everything["passed"]
    essay = QuestionFactory(quiz=everything["post_test"], kind="essay")
    response = Response.objects.create(
        attempt=passed, question=essay, answer={"text": "…"}, saved_at=at(11, 5)
    )
    Grade.objects.create(
        response=response,
        enrollment=enrollment,
        score=1,
        max_score=1,
        graded_at=at(11, 7),
        released_at=at(11, 7),
    )

    assert completed(enrollment) == datetime.date(2026, 11, 7)


def test_attendance_is_met_at_the_session_that_reached_the_rule(everything, course, autumn):
    enrollment = everything["enrollment"]
    CompletionRules.objects.filter(course=course).update(min_attendance_percent=100)
    second = autumn.live_sessions.get(starts_at=at(11, 9))
    enrollment.attendance.create(live_session=second, present=True, source="check_in")

    assert completed(enrollment) == datetime.date(2026, 11, 9)


def test_a_trainers_override_is_dated_when_it_was_set(everything, course, trainer):
    enrollment = everything["enrollment"]
    CompletionRules.objects.filter(course=course).update(min_attendance_percent=100)
    GradeOverride.objects.create(
        enrollment=enrollment,
        item="attendance",
        percent=Decimal(100),
        reason="Excused: attended the make-up session.",
        set_by=trainer,
        set_at=at(11, 20),
    )

    assert completed(enrollment) == datetime.date(2026, 11, 20)


def test_the_day_is_the_cohorts_not_utcs(trainee_in_autumn, module, lessons_only):
    # 04:30 UTC on 11 November is 23:30 on 10 November in New York.
    finish_lesson(trainee_in_autumn, module, datetime.datetime(2026, 11, 11, 4, 30, tzinfo=UTC))

    assert completed(trainee_in_autumn) == datetime.date(2026, 11, 10)


def test_with_nothing_required_the_day_counted_is_the_day_the_trainee_joined(
    trainee_in_autumn, course
):
    CompletionRules.objects.create(
        course=course,
        require_lessons=False,
        require_post_test=False,
        require_assignments=False,
        require_evaluation=False,
        min_attendance_percent=0,
    )
    checklist = checklist_for(trainee_in_autumn, now=CLAIMED_AT)

    assert completion_moment(checklist) is None
    # Enrolled on 1 August, before the cohort's first day (4 August): its first day counts.
    assert completion_date(checklist) == datetime.date(2026, 8, 4)


# --- an approval that requires a licence --------------------------------------------------------


@pytest.fixture
def licence_approval(approval):
    CourseApproval.objects.filter(pk=approval.pk).update(requires_license=True)
    approval.refresh_from_db()
    return approval


@pytest.mark.parametrize(
    ("number", "jurisdiction"), [("", ""), ("PSY 31337", ""), ("", "California BOP"), ("  ", " ")]
)
def test_a_claim_needing_a_licence_is_refused_until_the_profile_holds_both(
    done, licence_approval, trainee, number, jurisdiction
):
    trainee.license_number, trainee.license_jurisdiction = number, jurisdiction
    trainee.save()

    with pytest.raises(ValidationError) as refused:
        certificates.claim_certificate(enrollment=done, approval=licence_approval, now=CLAIMED_AT)

    assert refused.value.messages == [
        "The approval for Psychologists prints your licence number and licensing board or "
        "jurisdiction on the certificate, and your profile does not hold both yet. Add them to "
        "your profile, then claim again."
    ]
    assert refused.value.error_list[0].code == certificates.LICENSE_REQUIRED
    assert snapshot() == []
    done.refresh_from_db()
    assert done.status == EnrollmentStatus.ACTIVE


def test_a_certificate_of_attendance_needs_no_licence(done, licence_approval):
    certificate = certificates.claim_certificate(enrollment=done, approval=None, now=CLAIMED_AT)

    assert certificate.kind == "attendance"


def claim_url(cohort) -> str:
    return reverse("certificates:claim", args=[cohort.pk])


def test_the_page_refuses_with_a_link_to_the_profile_then_issues_once_it_is_filled(
    client, trainee, autumn, done, licence_approval
):
    client.force_login(trainee)
    mine = reverse("certificates:mine", args=[autumn.pk])
    page = client.get(mine).content.decode()
    assert (
        "The approval for Psychologists prints your licence number and jurisdiction on the "
        f'certificate: add both to <a href="{reverse("users:profile")}">your profile</a> before '
        "claiming under it." in page
    )
    assert (
        "Psychologists — American Psychological Association, 12 CE hours (licence number required)"
        in page
    )

    refused = client.post(claim_url(autumn), {"approval": str(licence_approval.pk)})

    assert refused.status_code == HTTPStatus.BAD_REQUEST
    body = refused.content.decode()
    assert "your profile does not hold both yet" in body
    assert (
        f'<a href="{reverse("users:profile")}">Add your licence number and jurisdiction to your '
        "profile</a>" in body
    )
    assert snapshot() == []

    trainee.license_number, trainee.license_jurisdiction = "PSY 31337", "California BOP"
    trainee.save()
    issued = client.post(claim_url(autumn), {"approval": str(licence_approval.pk)})

    assert issued.status_code == HTTPStatus.FOUND
    certificate = Certificate.objects.get()
    assert (certificate.kind, certificate.license_number, certificate.license_jurisdiction) == (
        "ce",
        "PSY 31337",
        "California BOP",
    )
    assert (
        "licence number and jurisdiction on the certificate"
        not in client.get(mine).content.decode()
    )


# --- an approval not in force on the completion date ------------------------------------------


@pytest.mark.parametrize(
    ("valid_from", "valid_until", "period"),
    [
        (datetime.date(2026, 11, 11), None, "from 11 November 2026"),
        (None, datetime.date(2026, 11, 9), "until 9 November 2026"),
        (
            datetime.date(2025, 1, 1),
            datetime.date(2025, 12, 31),
            "from 1 January 2025 until 31 December 2025",
        ),
    ],
)
def test_a_completion_outside_the_approvals_period_is_refused_with_the_reason(
    done, approval, valid_from, valid_until, period
):
    CourseApproval.objects.filter(pk=approval.pk).update(
        valid_from=valid_from, valid_until=valid_until
    )
    approval.refresh_from_db()

    with pytest.raises(ValidationError) as refused:
        certificates.claim_certificate(enrollment=done, approval=approval, now=CLAIMED_AT)

    assert refused.value.messages == [
        "The course's approval for Psychologists (approval number APA-1234) is valid "
        f"{period}; you completed the course on 10 November 2026, outside that period, so no "
        "CE certificate can be issued under it. Choose “Other / not listed” for a certificate "
        "of attendance, or contact the institute."
    ]
    assert refused.value.error_list[0].code == certificates.APPROVAL_NOT_VALID
    assert snapshot() == []


@pytest.mark.parametrize(
    ("valid_from", "valid_until"),
    [
        (datetime.date(2026, 11, 10), datetime.date(2026, 11, 10)),  # both ends count
        (None, None),
    ],
)
def test_a_completion_inside_the_period_is_issued(done, approval, valid_from, valid_until):
    CourseApproval.objects.filter(pk=approval.pk).update(
        valid_from=valid_from, valid_until=valid_until
    )
    approval.refresh_from_db()

    certificate = certificates.claim_certificate(enrollment=done, approval=approval, now=CLAIMED_AT)

    assert (certificate.kind, certificate.completed_on) == ("ce", datetime.date(2026, 11, 10))
