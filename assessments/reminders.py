"""What the reminder scan learns from assessments (registered in `AssessmentsConfig.ready`):
work due soon and overdue, trainees gone quiet, and grades released.

Due soon and overdue are per module: one reminder lists the module's open work (lessons not
done, assignments not handed in, quizzes not attempted), and none goes when nothing is open.
"""

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

from django.urls import reverse

from assessments.grading.behind import BehindRow, last_activity, open_work_in, with_last_activity
from courses.models import Enrollment
from modules.reminders import cohorts_with_dates_near, running_cohorts, schedules
from reminders.kinds import ReminderKind
from reminders.registry import Due
from reminders.timing import end_of_day, next_daytime, start_of_day

DUE_SOON = timedelta(hours=48)
# An overdue reminder is worth sending for a week; after that the trainer's nudge is the tool.
OVERDUE_NEWS = timedelta(days=7)
INACTIVE_AFTER = timedelta(days=7)
# next_daytime() moves a moment by at most twelve hours.
DAYTIME_SHIFT = timedelta(hours=12)


def _items(row: BehindRow, module_id: int) -> list[str]:
    return [
        f"{item.kind}: {item.title}" + (f" ({item.detail})" if item.detail else "")
        for item in row.overdue
        if item.module_id == module_id
    ]


def _open_work_reminders(now: datetime, *, kind: str) -> Iterator[Due]:
    soon = kind == ReminderKind.DUE_SOON
    cohorts = cohorts_with_dates_near(now, ahead_days=4, behind_days=8)
    calendars = schedules(cohorts)
    for cohort in cohorts:
        due_modules = {}
        for dates in calendars[cohort.pk]:
            if dates.due_on is None:
                continue
            due_at = end_of_day(dates.due_on, cohort.time_zone)
            if soon and now < due_at <= now + DUE_SOON + DAYTIME_SHIFT:
                # Never before the module opens, when due and release are under 48 h apart.
                opens = start_of_day(dates.release_on, cohort.time_zone)
                due_modules[dates.module.pk] = (dates, max(due_at - DUE_SOON, opens), due_at)
            elif not soon and due_at <= now < due_at + OVERDUE_NEWS:
                due_modules[dates.module.pk] = (dates, due_at, due_at + OVERDUE_NEWS)
        if not due_modules:
            continue
        due_dates = {dates.due_on for dates, _, _ in due_modules.values()}

        def picks(due_on: date, today: date, due_dates=due_dates) -> bool:
            return due_on in due_dates

        for row in open_work_in(cohort, now=now, is_due=picks):
            enrollment = row.enrollment
            if not enrollment.user.is_active:
                continue
            for module_id, (dates, from_moment, until) in due_modules.items():
                items = _items(row, module_id)
                fire = next_daytime(from_moment, enrollment.user.time_zone)
                if not items or not fire <= now < until:
                    continue
                yield Due(
                    enrollment.pk,
                    cohort.pk,
                    enrollment.user_id,
                    kind,
                    f"module:{module_id}:due:{dates.due_on.isoformat()}",
                    fire,
                    {
                        "title": dates.module.title,
                        "on": dates.due_on.isoformat(),
                        "path": reverse("learn:cohort", args=[cohort.pk]) + f"#module-{module_id}",
                        "items": items,
                    },
                    expires_at=until,
                )


def due_soon(now: datetime) -> Iterator[Due]:
    """48 hours before a module's work is due (the end of its due date in the cohort's zone),
    in the trainee's daytime, when some of it is still open."""
    return _open_work_reminders(now, kind=ReminderKind.DUE_SOON)


def overdue(now: datetime) -> Iterator[Due]:
    """Once, after the due date has passed with work still open."""
    return _open_work_reminders(now, kind=ReminderKind.OVERDUE)


def inactive(now: datetime) -> Iterator[Due]:
    """Seven days without any activity of the trainee's own while the cohort runs, once per
    quiet spell (the key is the last activity). Days before the start do not count."""
    cohorts = {c.pk: c for c in running_cohorts(now, before_start_days=0, after_end_days=0)}
    enrollments = with_last_activity(
        Enrollment.objects.active()
        .filter(cohort__in=list(cohorts), user__is_active=True)
        .select_related("user")
        .order_by("pk")
    )
    for enrollment in enrollments:
        cohort = cohorts[enrollment.cohort_id]
        quiet_since = max(
            last_activity(enrollment),
            end_of_day(cohort.starts_on - timedelta(days=1), cohort.time_zone),
        ).astimezone(UTC)
        fire = next_daytime(quiet_since + INACTIVE_AFTER, enrollment.user.time_zone)
        if fire > now:
            continue
        yield Due(
            enrollment.pk,
            cohort.pk,
            enrollment.user_id,
            ReminderKind.INACTIVE,
            f"inactive:since:{quiet_since.strftime('%Y%m%dT%H%M%S')}",
            fire,
            {
                "title": cohort.course.title,
                "on": quiet_since.date().isoformat(),
                "path": reverse("learn:cohort", args=[cohort.pk]),
                "detail": f"Cohort: {cohort.name}",
            },
        )
