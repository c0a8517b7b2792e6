"""A cohort's module calendar: the course's day offsets from the cohort start, with the
cohort's own overrides applied. The one place release and due dates are computed."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction

from courses.models import Cohort

from .models import Module, ModuleScheduleOverride


@dataclass(frozen=True)
class ModuleDates:
    module: Module
    release_on: date
    due_on: date | None
    overridden: bool


def module_dates(
    cohort: Cohort, module: Module, override: ModuleScheduleOverride | None
) -> tuple[date, date | None]:
    """Release and due date of one module in one cohort: offsets, then the cohort's own dates."""
    release = cohort.starts_on + timedelta(days=module.release_offset_days)
    due = (
        cohort.starts_on + timedelta(days=module.due_offset_days)
        if module.due_offset_days is not None
        else None
    )
    if override is not None:
        release = override.release_on or release
        due = override.due_on or due
    return release, due


def cohort_schedule(cohort: Cohort) -> list[ModuleDates]:
    """Every module of the cohort's course in order, with its dates (two queries)."""
    overrides = {o.module_id: o for o in ModuleScheduleOverride.objects.filter(cohort=cohort)}
    schedule = []
    for module in Module.objects.filter(course=cohort.course_id).order_by("position"):
        override = overrides.get(module.pk)
        release, due = module_dates(cohort, module, override)
        schedule.append(ModuleDates(module, release, due, override is not None))
    return schedule


@transaction.atomic
def set_cohort_dates(*, cohort: Cohort, dates: dict[int, tuple[date | None, date | None]]) -> None:
    """Save the cohort's own release/due dates per module id; (None, None) removes an override.
    Modules of other courses and due dates before release dates are refused."""
    modules = {m.pk: m for m in Module.objects.filter(course=cohort.course_id, pk__in=dates)}
    if set(dates) - set(modules):
        raise ValidationError("Only the modules of this cohort's course can be rescheduled.")
    problems = []
    for module_id, (release, due) in dates.items():
        module = modules[module_id]
        effective_release = release or cohort.starts_on + timedelta(days=module.release_offset_days)
        if due is not None and due < effective_release:
            problems.append(f"“{module.title}”: the due date comes before the release date.")
    if problems:
        raise ValidationError(problems)
    for module_id, (release, due) in dates.items():
        if release is None and due is None:
            ModuleScheduleOverride.objects.filter(cohort=cohort, module_id=module_id).delete()
        else:
            ModuleScheduleOverride.objects.update_or_create(
                cohort=cohort,
                module_id=module_id,
                defaults={"release_on": release, "due_on": due},
            )
