"""A cohort's reminders, for its trainers and the enrollment admins: which kinds it sends, and
how delivery went. Found through `CohortStaffMixin` (`Cohort.objects.visible_to`): anyone else
gets 403."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views import View

from courses.access import CohortStaffMixin
from courses.models import Cohort

from .. import delivery, display, services
from ..forms import CohortKindsForm
from ..kinds import ReminderKind


class CohortRemindersView(CohortStaffMixin, View):
    """Switch the cohort's reminder kinds on and off; see what was sent and what failed."""

    template_name = "reminders/cohort_reminders.html"

    def get(self, request, cohort_id):
        cohort = self.get_cohort()
        switched_off = set(cohort.reminder_switches.values_list("kind", flat=True))
        form = CohortKindsForm(
            initial={"enabled_kinds": [k for k in ReminderKind.values if k not in switched_off]}
        )
        return self.show(cohort, form)

    def post(self, request, cohort_id):
        cohort = self.get_cohort()
        form = CohortKindsForm(request.POST)
        if not form.is_valid():
            return self.show(cohort, form, status=400)
        enabled = set(form.cleaned_data["enabled_kinds"])
        services.set_cohort_kinds(cohort=cohort, enabled_kinds=enabled, by=request.user)
        messages.success(
            request,
            f"Reminders saved: {len(enabled)} of {len(ReminderKind.values)} kinds on "
            f"for {cohort.name}.",
        )
        return redirect("reminders:cohort", cohort.pk)

    def show(self, cohort: Cohort, form: CohortKindsForm, status: int = 200):
        return render(
            self.request,
            self.template_name,
            {
                "cohort": cohort,
                "form": form,
                "summary": display.delivery_summary(cohort),
                "problems": display.delivery_problems(cohort),
                "max_attempts": delivery.MAX_ATTEMPTS,
            },
            status=status,
        )
