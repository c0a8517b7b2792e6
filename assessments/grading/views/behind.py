"""Who is behind (trainers): a cohort's active trainees with overdue work or no recent activity,
each with a one-click nudge. The cohort is found through `TaughtCohortMixin` (a cohort the viewer
does not teach: 403) and the enrollment within it (another cohort's trainee: 404)."""

from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views import View

from assessments.grading import behind
from courses.access import TaughtCohortMixin
from courses.models import Enrollment, EnrollmentStatus
from dbt_training.core.errors import error_text


class IdleDaysForm(forms.Form):
    days = forms.IntegerField(
        label="No activity for at least (days)",
        min_value=behind.IDLE_DAYS_RANGE[0],
        max_value=behind.IDLE_DAYS_RANGE[1],
        initial=behind.DEFAULT_IDLE_DAYS,
        required=False,
        help_text="From 1 to 90. Trainees with overdue work are listed whatever this says.",
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )

    def idle_days(self) -> int:
        """The number asked for, or the default when it is missing or out of range."""
        days = self.cleaned_data.get("days") if self.is_valid() else None
        return days or behind.DEFAULT_IDLE_DAYS


class BehindListView(TaughtCohortMixin, View):
    template_name = "assessments/grading/behind/behind_list.html"

    def cohort_queryset(self):
        active = Count("enrollments", filter=Q(enrollments__status=EnrollmentStatus.ACTIVE))
        return super().cohort_queryset().annotate(active_count=active)

    def get(self, request, cohort_id):
        cohort = self.get_cohort()
        form = IdleDaysForm(request.GET or None)
        idle_days = form.idle_days()
        rows = behind.behind_in(cohort, idle_days=idle_days, now=timezone.now())
        return render(
            request,
            self.template_name,
            {"cohort": cohort, "form": form, "idle_days": idle_days, "rows": rows},
        )


class NudgeView(TaughtCohortMixin, View):
    """One nudge: an HTMX request gets the row's nudge cell back, a plain form post is sent
    back to the list with a message."""

    fragment = "assessments/grading/behind/nudge_cell.html"

    def post(self, request, cohort_id, enrollment_id):
        cohort = self.get_cohort()
        enrollment = get_object_or_404(
            Enrollment.objects.filter(cohort=cohort).select_related("user"), pk=enrollment_id
        )
        name = enrollment.user.full_name or enrollment.user.email
        try:
            behind.nudge(enrollment=enrollment, by=request.user)
        except ValidationError as error:
            reason = error_text(error)
            if request.htmx:
                # htmx does not swap error responses: the reason goes into the row's live cell.
                return render(request, self.fragment, {"fragment": True, "error": reason})
            messages.error(request, reason)
            return redirect(self.list_url(cohort))
        if request.htmx:
            return render(request, self.fragment, {"fragment": True, "just_nudged": True})
        messages.success(request, f"{name} is nudged: an email is on its way.")
        return redirect(self.list_url(cohort))

    def list_url(self, cohort) -> str:
        """Back to the list as the trainer left it (the idle days they chose, if valid)."""
        url = reverse("behind:list", args=[cohort.pk])
        form = IdleDaysForm({"days": self.request.POST.get("days", "")})
        if form.is_valid() and form.cleaned_data["days"]:
            return f"{url}?{urlencode({'days': form.cleaned_data['days']})}"
        return url
