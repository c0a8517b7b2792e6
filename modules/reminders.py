"""What the reminder scan learns from the course schedule: module releases (registered in
`ModulesConfig.ready`), and the dates the due-work reminders of `assessments` start from."""

from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta

from django.db.models import Q
from django.urls import reverse

from courses.models import Cohort, CohortStatus
from reminders.delivery import date_text
from reminders.kinds import ReminderKind
from reminders.registry import Due
from reminders.sources import active_enrollments_by_cohort
from reminders.timing import next_daytime, start_of_day

from .models import MAX_OFFSET_DAYS, Module, ModuleScheduleOverride
from .schedule import ModuleDates, module_dates

# A release is announced for three days; a trainee who joins later finds it on the cohort page.
RELEASE_NEWS_DAYS = 3


def running_cohorts(now: datetime, *, before_start_days: int, after_end_days: int) -> list[Cohort]:
    """Cohorts not archived whose dates, widened by the given days, include today."""
    today = now.date()
    return list(
        Cohort.objects.exclude(status=CohortStatus.ARCHIVED)
        .filter(
            starts_on__lte=today + timedelta(days=before_start_days),
            ends_on__gte=today - timedelta(days=after_end_days),
        )
        .select_related("course")
        .order_by("pk")
    )


def cohorts_with_dates_near(now: datetime, *, ahead_days: int, behind_days: int) -> list[Cohort]:
    """Cohorts not archived that may have a module released or due between `behind_days` ago
    and `ahead_days` ahead: by the course offsets (never before the start, at most
    MAX_OFFSET_DAYS after it) or by a cohort's own dates, which may fall before its start
    (pre-work) or after its end (a final project)."""
    today = now.date()
    earliest, latest = today - timedelta(days=behind_days), today + timedelta(days=ahead_days)
    moved = ModuleScheduleOverride.objects.filter(
        Q(release_on__range=(earliest, latest)) | Q(due_on__range=(earliest, latest))
    ).values("cohort_id")
    return list(
        Cohort.objects.exclude(status=CohortStatus.ARCHIVED)
        .filter(
            Q(starts_on__range=(earliest - timedelta(days=MAX_OFFSET_DAYS), latest))
            | Q(pk__in=moved)
        )
        .select_related("course")
        .order_by("pk")
    )


def schedules(cohorts: Iterable[Cohort]) -> dict[int, list[ModuleDates]]:
    """Each cohort's modules in order with their dates, in two queries for any number of
    cohorts (the per-cohort `schedule.cohort_schedule` would take two each)."""
    cohorts = list(cohorts)
    modules = defaultdict(list)
    for module in Module.objects.filter(course__in={c.course_id for c in cohorts}).order_by(
        "position", "pk"
    ):
        modules[module.course_id].append(module)
    overrides = {
        (o.cohort_id, o.module_id): o
        for o in ModuleScheduleOverride.objects.filter(cohort__in=[c.pk for c in cohorts])
    }
    result = {}
    for cohort in cohorts:
        result[cohort.pk] = []
        for module in modules[cohort.course_id]:
            override = overrides.get((cohort.pk, module.pk))
            release, due = module_dates(cohort, module, override)
            result[cohort.pk].append(ModuleDates(module, release, due, override is not None))
    return result


def module_released(now: datetime) -> Iterator[Due]:
    """A module opened (midnight of its release date in the cohort's zone): told in each
    trainee's daytime, for three days after the release."""
    cohorts = cohorts_with_dates_near(now, ahead_days=1, behind_days=RELEASE_NEWS_DAYS + 1)
    calendars = schedules(cohorts)
    enrollments = active_enrollments_by_cohort(c.pk for c in cohorts)
    for cohort in cohorts:
        for dates in calendars[cohort.pk]:
            released_at = start_of_day(dates.release_on, cohort.time_zone)
            if not released_at <= now < released_at + timedelta(days=RELEASE_NEWS_DAYS):
                continue
            module = dates.module
            payload = {
                "title": module.title,
                "on": dates.release_on.isoformat(),
                "path": reverse("learn:cohort", args=[cohort.pk]) + f"#module-{module.pk}",
                "detail": f"Due {date_text(dates.due_on)}." if dates.due_on else "",
            }
            key = f"module:{module.pk}:released:{dates.release_on.isoformat()}"
            for enrollment_id, user_id, time_zone in enrollments[cohort.pk]:
                fire = next_daytime(released_at, time_zone)
                if fire <= now:
                    yield Due(
                        enrollment_id,
                        cohort.pk,
                        user_id,
                        ReminderKind.MODULE_RELEASED,
                        key,
                        fire,
                        payload,
                        expires_at=released_at + timedelta(days=RELEASE_NEWS_DAYS),
                    )
