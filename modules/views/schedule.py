"""A cohort's module calendar, with per-cohort release and due dates (trainers and admins)."""

from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views import View

from courses.access import CohortStaffMixin

from ..schedule import cohort_schedule, set_cohort_dates


class CohortScheduleView(CohortStaffMixin, View):
    template_name = "modules/cohort_schedule.html"

    def get(self, request, cohort_id):
        return self.show(self.get_cohort())

    def post(self, request, cohort_id):
        cohort = self.get_cohort()
        schedule = cohort_schedule(cohort)
        try:
            dates = {
                d.module.pk: (
                    parse_date(request.POST.get(f"release-{d.module.pk}", "")),
                    parse_date(request.POST.get(f"due-{d.module.pk}", "")),
                )
                for d in schedule
            }
            set_cohort_dates(cohort=cohort, dates=dates)
        except ValidationError as error:
            return self.show(cohort, errors=error.messages, status=400)
        messages.success(request, "The cohort's schedule is saved.")
        return redirect("schedule:cohort", cohort.pk)

    def show(self, cohort, errors=(), status=200):
        return render(
            self.request,
            self.template_name,
            {"cohort": cohort, "schedule": cohort_schedule(cohort), "errors": errors},
            status=status,
        )


def parse_date(value: str) -> date | None:
    value = value.strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValidationError(f"“{value}” is not a date (use YYYY-MM-DD).") from None
