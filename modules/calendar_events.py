"""Module due dates as all-day calendar events, registered with the reminders feed in
`ModulesConfig.ready()` (reminders sits below and never imports this layer)."""

from collections import defaultdict
from collections.abc import Iterator

from django.urls import reverse

from courses.models import Enrollment, EnrollmentStatus
from dbt_training.core.sites import absolute_url, site_domain
from reminders.registry import CalendarEvent

from .models import Module, ModuleScheduleOverride
from .schedule import module_dates

IN_CALENDAR = (EnrollmentStatus.ACTIVE, EnrollmentStatus.COMPLETED)


def due_date_events(enrollments: list[Enrollment]) -> Iterator[CalendarEvent]:
    """Each module due date of the cohorts of the active or completed enrollments (with
    `cohort__course` loaded), with the cohort's own dates applied: two queries for any number."""
    cohorts = {e.cohort_id: e.cohort for e in enrollments if e.status in IN_CALENDAR}
    if not cohorts:
        return
    modules_by_course = defaultdict(list)
    # Every module, not only those with a due offset: a cohort may give one its own due date.
    modules = Module.objects.filter(course__in={c.course_id for c in cohorts.values()}).order_by(
        "course", "position"
    )
    for module in modules.only(
        "id", "course_id", "title", "position", "release_offset_days", "due_offset_days"
    ):
        modules_by_course[module.course_id].append(module)
    overrides = {
        (o.cohort_id, o.module_id): o
        for o in ModuleScheduleOverride.objects.filter(cohort__in=list(cohorts))
    }
    domain = site_domain()
    for cohort in cohorts.values():
        url = absolute_url(reverse("learn:cohort", args=[cohort.pk]))
        for module in modules_by_course[cohort.course_id]:
            _, due_on = module_dates(cohort, module, overrides.get((cohort.pk, module.pk)))
            if due_on is None:
                continue
            yield CalendarEvent(
                uid=f"module-due-{cohort.pk}-{module.pk}@{domain}",
                summary=f"Due: {module.title}",
                url=url,
                description=(
                    f"Module {module.position} of {cohort.course.title}, cohort {cohort.name}."
                ),
                on=due_on,
            )
