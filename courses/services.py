"""State changes of courses themselves; their modules and lessons change in modules.services."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from dbt_training.users.models import User

from .models import (
    Cohort,
    CohortStatus,
    Course,
    Enrollment,
    EnrollmentEvent,
    EnrollmentStatus,
)

COURSE_FIELDS = (
    "slug",
    "title",
    "summary",
    "audience",
    "learning_objectives",
    "ce_hours",
    "pass_mark",
)


@transaction.atomic
def create_course(*, author: User, **fields) -> Course:
    """A new draft course with the author on its team."""
    course = Course(**{name: fields[name] for name in COURSE_FIELDS if name in fields})
    course.full_clean()
    try:
        with transaction.atomic():
            course.save()
    except IntegrityError:
        # Two people took the same slug at the same moment; full_clean saw it free.
        raise ValidationError({"slug": "A course with this web address already exists."}) from None
    course.authors.add(author)
    return course


@transaction.atomic
def update_course(*, course: Course, **fields) -> Course:
    for name in COURSE_FIELDS:
        if name in fields:
            setattr(course, name, fields[name])
    course.full_clean()
    course.save()
    return course


# --- cohorts and enrollment ---------------------------------------------------------------------

COHORT_FIELDS = ("name", "starts_on", "ends_on", "time_zone", "capacity", "status")


@transaction.atomic
def create_cohort(*, course: Course, trainers=(), **fields) -> Cohort:
    cohort = Cohort(course=course, **{k: fields[k] for k in COHORT_FIELDS if k in fields})
    cohort.full_clean()
    cohort.save()
    cohort.trainers.set(trainers)
    return cohort


@transaction.atomic
def update_cohort(*, cohort: Cohort, trainers=None, **fields) -> Cohort:
    """Change a cohort; a larger capacity offers the new seats to the waitlist at once."""
    cohort = Cohort.objects.select_for_update().get(pk=cohort.pk)
    for name in COHORT_FIELDS:
        if name in fields:
            setattr(cohort, name, fields[name])
    cohort.full_clean()
    cohort.save()
    if trainers is not None:
        cohort.trainers.set(trainers)
    _fill_free_seats(cohort)
    return cohort


@transaction.atomic
def enroll(*, cohort: Cohort, user, by=None, note: str = "") -> Enrollment:
    """Give the person a seat, or a place on the waitlist when the cohort is full."""
    # The cohort row is the lock that serializes every seat decision for this cohort, so two
    # enrollments (or a withdrawal and an enrollment) at the same moment can't share a seat.
    cohort = Cohort.objects.select_for_update().get(pk=cohort.pk)
    enrollment = Enrollment.objects.filter(cohort=cohort, user=user).first()
    if enrollment is not None and enrollment.status not in (
        EnrollmentStatus.WITHDRAWN,
        EnrollmentStatus.INVITED,
    ):
        raise ValidationError(
            f"{user.email} is already {enrollment.get_status_display().lower()} in this cohort."
        )
    again = enrollment is not None and enrollment.status == EnrollmentStatus.WITHDRAWN
    if enrollment is None:
        enrollment = Enrollment(cohort=cohort, user=user)
    now = timezone.now()
    if _free_seats(cohort) > 0:
        enrollment.status, enrollment.enrolled_at = EnrollmentStatus.ACTIVE, now
        action = EnrollmentEvent.Action.REENROLLED if again else EnrollmentEvent.Action.ENROLLED
    else:
        enrollment.status, enrollment.waitlisted_at = EnrollmentStatus.WAITLISTED, now
        action = EnrollmentEvent.Action.WAITLISTED
    enrollment.withdrawn_at = None
    enrollment.save()
    EnrollmentEvent.objects.create(enrollment=enrollment, action=action, actor=by, note=note)
    return enrollment


@transaction.atomic
def self_enroll(*, code: str, user) -> Enrollment:
    """Enroll with a cohort's code, while the cohort is open for enrollment."""
    cohort = Cohort.objects.filter(
        enroll_code=code.strip().upper(), status=CohortStatus.OPEN
    ).first()
    if cohort is None:
        raise ValidationError(
            {"code": "No cohort is open for enrollment with that code. Check it with your trainer."}
        )
    return enroll(cohort=cohort, user=user, by=user, note="self-enrolled with the cohort code")


@transaction.atomic
def withdraw(*, enrollment: Enrollment, by=None, note: str = "") -> Enrollment:
    """Withdraw the person; a seat they held goes to the first person on the waitlist."""
    cohort = Cohort.objects.select_for_update().get(pk=enrollment.cohort_id)
    enrollment = Enrollment.objects.get(pk=enrollment.pk)
    if enrollment.status == EnrollmentStatus.WITHDRAWN:
        return enrollment  # twice is the same as once
    enrollment.status, enrollment.withdrawn_at = EnrollmentStatus.WITHDRAWN, timezone.now()
    enrollment.save(update_fields=["status", "withdrawn_at"])
    EnrollmentEvent.objects.create(
        enrollment=enrollment, action=EnrollmentEvent.Action.WITHDRAWN, actor=by, note=note
    )
    _fill_free_seats(cohort)
    return enrollment


def _free_seats(cohort: Cohort) -> int:
    if cohort.capacity is None:
        return 1_000_000_000
    return cohort.capacity - Enrollment.objects.filter(cohort=cohort).holding_seats().count()


def _fill_free_seats(cohort: Cohort) -> None:
    """Offer free seats to the waitlist, first come first served. Caller holds the cohort lock."""
    free = _free_seats(cohort)
    if free <= 0:
        return
    now = timezone.now()
    for enrollment in Enrollment.objects.filter(cohort=cohort).waitlist()[:free]:
        enrollment.status, enrollment.enrolled_at = EnrollmentStatus.ACTIVE, now
        enrollment.save(update_fields=["status", "enrolled_at"])
        EnrollmentEvent.objects.create(
            enrollment=enrollment,
            action=EnrollmentEvent.Action.PROMOTED,
            note="a seat became free",
        )
