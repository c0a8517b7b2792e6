"""The home dashboard's read model: what a person sees first, by role, in a fixed number of
queries (the view only renders it)."""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone

from assessments.models import Grade
from courses.models import Announcement, Cohort, Enrollment, EnrollmentStatus, LiveSession
from dbt_training.core.formatting import score_text
from modules.progress import progress_for, with_progress
from reminders.display import inbox_for


def dashboard_for(user) -> dict:
    """The trainee's cohorts with progress, next deadlines and sessions, announcements, released
    grades and notifications; the cohorts a trainer teaches."""
    now = timezone.now()
    enrollments = list(
        with_progress(Enrollment.objects.for_trainee(user))
        .exclude(status__in=[EnrollmentStatus.WITHDRAWN, EnrollmentStatus.INVITED])
        # Saves the grade query on every dashboard of someone with no released grade yet.
        .annotate(
            has_released_grades=Exists(Grade.objects.released().filter(enrollment=OuterRef("pk")))
        )
        .order_by("-cohort__starts_on")
    )
    progress = progress_for(enrollments, now=now)
    cards = [(e, progress[e.pk]) for e in enrollments]
    deadlines = sorted(
        (
            (state.due_on, e.cohort, state)
            for e, p in cards
            if e.status == EnrollmentStatus.ACTIVE
            for state in p.modules
            if state.due_on
            and state.due_on >= now.astimezone(ZoneInfo(e.cohort.time_zone)).date()
            and not state.is_complete
        ),
        key=lambda item: item[0],
    )[:5]
    sessions = (
        LiveSession.objects.filter(
            cohort__in=[e.cohort for e in enrollments if e.status == EnrollmentStatus.ACTIVE],
            starts_at__gte=now,
        )
        .select_related("cohort")
        .order_by("starts_at")[:5]
    )
    return dict(
        cards=cards,
        deadlines=deadlines,
        sessions=sessions,
        taught=Cohort.objects.taught_by(user).select_related("course").order_by("-starts_on"),
        announcements=Announcement.objects.for_trainee(user).select_related("cohort", "author")[:5],
        grade_releases=grade_releases_for(
            user, enrollments=[e for e in enrollments if e.has_released_grades]
        ),
        inbox=inbox_for(user),
    )


@dataclass(frozen=True)
class GradeRelease:
    """One released grade as the dashboard lists it, with the page where its feedback is read."""

    title: str
    cohort_name: str
    score: str
    percent: Decimal | None
    released_at: datetime
    url: str


def grade_releases_for(user, *, enrollments: list, limit: int = 5) -> list[GradeRelease]:
    """The trainee's most recently released grades in these enrollments, newest first, in one
    query (none without enrollments). Unreleased grades never appear: `Grade.objects.for_trainee`
    holds only released ones."""
    if not enrollments:
        return []
    grades = (
        Grade.objects.for_trainee(user)
        .filter(enrollment__in=enrollments)
        .select_related(
            "enrollment__cohort",
            "submission__assignment",
            "response__attempt__quiz",
            "response__question",
        )
        .order_by("-released_at", "-pk")[:limit]
    )
    releases = []
    for grade in grades:
        cohort = grade.enrollment.cohort
        if grade.submission_id:
            title = grade.submission.assignment.title
            url = reverse(
                "assignments:assignment", args=[cohort.pk, grade.submission.assignment_id]
            )
        else:
            attempt = grade.response.attempt
            title = f"{attempt.quiz.title}: {grade.response.question.label}"
            url = reverse("quizzes:review", args=[cohort.pk, attempt.pk])
        releases.append(
            GradeRelease(
                title=title,
                cohort_name=cohort.name,
                score=score_text(grade.score, grade.max_score),
                percent=grade.percent,
                released_at=grade.released_at,
                url=url,
            )
        )
    return releases
