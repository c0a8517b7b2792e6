"""The day a trainee completed a course: the day they met the last requirement of their checklist,
read from the records themselves, never the day they claimed the certificate (CE boards ask for
the completion date; a claim may come weeks later).

What each requirement's record is:
- lessons: the latest `completed_at` among the required lessons;
- post-test: the submission of the attempt that counts (as the gradebook counts it: the highest,
  or the last), or the release of its essay grades when they came later;
- assignments: the release of each required assignment's grade (the latest of them);
- evaluation: the first submission of each survey (the latest of them);
- attendance: the start of the attended session that brought attendance up to the rule (the k-th
  attended session, k being the share of every scheduled session the rule asks for);
- a trainer's override of an item (excused attendance, a corrected result): when it was set.
A requirement with no record (a cohort without live sessions) adds no date; when no requirement
has one (nothing is required) the day counted is the day the trainee joined the cohort, or the
cohort's first day if they joined before it.
"""

import math
from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.db.models import Max, Min

from assessments.completion.checklists import Checklist, course_items
from assessments.models import (
    ATTENDANCE_ITEM,
    Attempt,
    Grade,
    GradeOverride,
    Submission,
    item_key,
)
from assessments.quizzes.results import counted_attempt
from courses.models import Attendance, LiveSession
from modules.models import LessonProgress
from modules.progress import course_outlines


def completion_date(checklist: Checklist) -> date:
    """The day (in the cohort's time zone) the trainee met the last requirement of a complete
    checklist."""
    enrollment = checklist.enrollment
    cohort = enrollment.cohort
    zone = ZoneInfo(cohort.time_zone)
    moment = completion_moment(checklist)
    if moment is not None:
        return moment.astimezone(zone).date()
    joined = enrollment.enrolled_at or enrollment.created_at
    return max(joined.astimezone(zone).date(), cohort.starts_on)


def completion_moment(checklist: Checklist) -> datetime | None:
    """When the last requirement was met, or None when no requirement leaves a record. A few
    queries, whatever the course holds: read once, at the claim."""
    enrollment = checklist.enrollment
    course = enrollment.cohort.course
    keys = {requirement.key for requirement in checklist.requirements}
    if not keys:
        return None
    items = course_items(course)
    overrides = dict(
        GradeOverride.objects.filter(enrollment=enrollment).values_list("item", "set_at")
    )
    moments = []
    if "lessons" in keys:
        moments.append(_lessons(enrollment, course))
    if "post_test" in keys:
        moments += _post_tests(enrollment, items.post_tests, overrides)
    if "assignments" in keys:
        moments += _assignments(enrollment, items.assignments, overrides)
    if "evaluation" in keys:
        moments += _surveys(enrollment, items.surveys, overrides)
    if "attendance" in keys:
        moments.append(
            overrides.get(ATTENDANCE_ITEM)
            or _attendance(enrollment, checklist.rules.min_attendance_percent)
        )
    found = [moment for moment in moments if moment is not None]
    return max(found) if found else None


def _lessons(enrollment, course) -> datetime | None:
    outline = course_outlines([course.pk], {course.pk: course.outline_stamp})[course.pk]
    required = [pk for pk, lesson in outline.lessons.items() if lesson.required]
    return LessonProgress.objects.filter(
        enrollment=enrollment, lesson_id__in=required, completed_at__isnull=False
    ).aggregate(last=Max("completed_at"))["last"]


def _post_tests(enrollment, tests, overrides) -> list[datetime]:
    moments, counted = [], {}
    attempts = Attempt.objects.filter(
        enrollment=enrollment, quiz__in=[quiz.pk for quiz in tests], submitted_at__isnull=False
    ).order_by("quiz_id", "number")
    by_quiz: dict[int, list] = {}
    for attempt in attempts.only("pk", "quiz_id", "number", "percent", "submitted_at"):
        by_quiz.setdefault(attempt.quiz_id, []).append(attempt)
    for quiz in tests:
        if item_key(quiz) in overrides:
            moments.append(overrides[item_key(quiz)])
            continue
        attempt = counted_attempt(by_quiz.get(quiz.pk, []), quiz.grading_method)
        if attempt is not None:
            counted[attempt.pk] = attempt.submitted_at
    # An essay's score reaches its attempt when its grade is released: that is when it counted.
    released = dict(
        Grade.objects.filter(response__attempt__in=list(counted), released_at__isnull=False)
        .values("response__attempt")
        .annotate(last=Max("released_at"))
        .values_list("response__attempt", "last")
    )
    for pk, submitted_at in counted.items():
        moments.append(max(submitted_at, released.get(pk, submitted_at)))
    return moments


def _assignments(enrollment, assignments, overrides) -> list[datetime]:
    released = dict(
        Submission.objects.filter(
            enrollment=enrollment,
            assignment__in=[assignment.pk for assignment in assignments],
            grade__released_at__isnull=False,
        ).values_list("assignment_id", "grade__released_at")
    )
    return [
        overrides.get(item_key(assignment)) or released.get(assignment.pk)
        for assignment in assignments
    ]


def _surveys(enrollment, surveys, overrides) -> list[datetime]:
    first = dict(
        Attempt.objects.filter(
            enrollment=enrollment,
            quiz__in=[survey.pk for survey in surveys],
            submitted_at__isnull=False,
        )
        .values("quiz_id")
        .annotate(first=Min("submitted_at"))
        .values_list("quiz_id", "first")
    )
    return [overrides.get(item_key(survey)) or first.get(survey.pk) for survey in surveys]


def _attendance(enrollment, minimum: int) -> datetime | None:
    """The start of the attended session that met the rule: the checklist counts attendance
    against every scheduled session (held or not), so the rule is met at the k-th attended one."""
    scheduled = LiveSession.objects.filter(cohort=enrollment.cohort_id).count()
    if not scheduled or not minimum:
        return None
    needed = math.ceil(minimum * scheduled / 100)
    starts = list(
        Attendance.objects.filter(
            enrollment=enrollment, present=True, live_session__cohort=enrollment.cohort_id
        )
        .order_by("live_session__starts_at")
        .values_list("live_session__starts_at", flat=True)[:needed]
    )
    return starts[needed - 1] if len(starts) >= needed else None
