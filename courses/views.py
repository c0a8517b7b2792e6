"""Cohort pages: admins run enrollment; trainers see the cohorts they teach; anyone signed in
can enroll with a cohort code. Cohorts are found through `Cohort.objects.managed_by(user)` or
`taught_by(user)`, never by id alone."""

import csv

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views import View
from django.views.generic import FormView, TemplateView

from dbt_training.users.models import User

from . import services
from .forms import CohortForm, EnrollByEmailForm, RosterFilterForm, SelfEnrollForm
from .models import Cohort, Enrollment


class EnrollmentAdminMixin(LoginRequiredMixin):
    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.is_enrollment_admin:
            raise PermissionDenied("Only enrollment administrators can do this.")
        return super().dispatch(request, *args, **kwargs)

    def get_cohort(self) -> Cohort:
        return get_object_or_404(Cohort.objects.managed_by(self.request.user), pk=self.kwargs["pk"])


def visible_cohorts(user):
    """Cohorts a person may look at: every cohort for admins, their own for trainers."""
    return Cohort.objects.filter(
        Q(pk__in=Cohort.objects.managed_by(user)) | Q(pk__in=Cohort.objects.taught_by(user))
    )


class CohortListView(LoginRequiredMixin, TemplateView):
    template_name = "courses/cohort_list.html"

    def get(self, request, *args, **kwargs):
        if not (request.user.is_enrollment_admin or request.user.is_trainer):
            raise PermissionDenied("Cohorts are for trainers and enrollment administrators.")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        cohorts = (
            visible_cohorts(self.request.user)
            .select_related("course")
            .with_seat_counts()
            .order_by("-starts_on", "name")
        )
        return super().get_context_data(cohorts=cohorts, **kwargs)


class CohortCreateView(EnrollmentAdminMixin, FormView):
    form_class = CohortForm
    template_name = "courses/cohort_form.html"

    def form_valid(self, form):
        data = dict(form.cleaned_data)
        cohort = services.create_cohort(
            course=data.pop("course"), trainers=data.pop("trainers"), **data
        )
        messages.success(self.request, f"Created cohort “{cohort.name}”.")
        return redirect("cohorts:detail", cohort.pk)


class CohortEditView(EnrollmentAdminMixin, FormView):
    form_class = CohortForm
    template_name = "courses/cohort_form.html"

    def get_form_kwargs(self):
        self.cohort = self.get_cohort()
        return {**super().get_form_kwargs(), "instance": Cohort.objects.get(pk=self.cohort.pk)}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)  # builds the form, which finds the cohort
        return {**context, "cohort": self.cohort}

    def form_valid(self, form):
        data = dict(form.cleaned_data)
        data.pop("course", None)
        try:
            services.update_cohort(cohort=self.cohort, trainers=data.pop("trainers"), **data)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, "Cohort saved.")
        return redirect("cohorts:detail", self.cohort.pk)


class CohortDetailView(LoginRequiredMixin, TemplateView):
    """The cohort and its roster, filterable by status; admins also enroll and withdraw here."""

    template_name = "courses/cohort_detail.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        cohort = get_object_or_404(
            visible_cohorts(user).select_related("course").with_seat_counts(), pk=self.kwargs["pk"]
        )
        filters = RosterFilterForm(self.request.GET or None)
        roster = roster_for(cohort, filters)
        return super().get_context_data(
            cohort=cohort,
            roster=roster,
            filters=filters,
            can_manage=user.is_enrollment_admin,
            enroll_form=kwargs.pop("enroll_form", None) or EnrollByEmailForm(),
            trainers=list(cohort.trainers.order_by("full_name")),
            **kwargs,
        )


def roster_for(cohort: Cohort, filters: RosterFilterForm):
    roster = (
        Enrollment.objects.filter(cohort=cohort)
        .select_related("user")
        .order_by("status", "waitlisted_at", "user__full_name")
    )
    if filters.is_valid() and filters.cleaned_data["status"]:
        roster = roster.filter(status=filters.cleaned_data["status"])
    return roster


class CohortEnrollView(EnrollmentAdminMixin, View):
    def post(self, request, pk):
        cohort = self.get_cohort()
        form = EnrollByEmailForm(request.POST)
        if form.is_valid():
            person = User.objects.with_email(form.cleaned_data["email"]).first()
            if person is None:
                form.add_error(
                    "email",
                    "Nobody has an account with this email yet. Ask them to sign up first, "
                    "then enroll them.",
                )
            else:
                try:
                    enrollment = services.enroll(cohort=cohort, user=person, by=request.user)
                except ValidationError as error:
                    form.add_error("email", error)
                else:
                    messages.success(
                        request,
                        f"{person} is {enrollment.get_status_display().lower()} in this cohort.",
                    )
                    return redirect("cohorts:detail", cohort.pk)
        view = CohortDetailView(request=request, kwargs={"pk": pk})
        context = view.get_context_data(enroll_form=form)
        return view.render_to_response(context)


class EnrollmentWithdrawView(EnrollmentAdminMixin, View):
    def post(self, request, pk, enrollment_id):
        cohort = self.get_cohort()
        enrollment = get_object_or_404(Enrollment, pk=enrollment_id, cohort=cohort)
        services.withdraw(
            enrollment=enrollment, by=request.user, note=request.POST.get("note", "")[:300]
        )
        messages.success(request, f"{enrollment.user} is withdrawn.")
        return redirect("cohorts:detail", cohort.pk)


class _Echo:
    def write(self, value):
        return value


class RosterCsvView(LoginRequiredMixin, View):
    """The roster as CSV, streamed row by row so a large cohort never sits in memory."""

    def get(self, request, pk):
        cohort = get_object_or_404(visible_cohorts(request.user), pk=pk)
        roster = roster_for(cohort, RosterFilterForm(request.GET or None))
        writer = csv.writer(_Echo())

        def rows():
            yield writer.writerow(["email", "full_name", "status", "enrolled_at", "withdrawn_at"])
            for e in roster.iterator(chunk_size=500):
                yield writer.writerow(
                    [
                        e.user.email,
                        e.user.full_name,
                        e.status,
                        e.enrolled_at.isoformat() if e.enrolled_at else "",
                        e.withdrawn_at.isoformat() if e.withdrawn_at else "",
                    ]
                )

        response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="cohort-{cohort.pk}-roster.csv"'
        return response


class SelfEnrollView(LoginRequiredMixin, FormView):
    form_class = SelfEnrollForm
    template_name = "courses/self_enroll.html"

    def form_valid(self, form):
        try:
            enrollment = services.self_enroll(
                code=form.cleaned_data["code"], user=self.request.user
            )
        except ValidationError as error:
            form.add_error("code", error.message_dict.get("code", error.messages))
            return self.form_invalid(form)
        if enrollment.status == "waitlisted":
            messages.info(
                self.request,
                f"“{enrollment.cohort.name}” is full: you are on its waitlist and will be "
                "enrolled as soon as a seat frees.",
            )
        else:
            messages.success(self.request, f"You are enrolled in “{enrollment.cohort.name}”.")
        return redirect("dashboard")
