"""Completion and certificates: the trainee's checklist and claim, the course's completion rules
and CE approvals (authors), and a cohort's completion at a glance (its trainers and admins).

The trainee's enrollment comes from `Enrollment.objects.for_trainee(user)` (another cohort: 404);
the course and the cohort follow the one access policy of `courses.access` (`CourseAuthorMixin`,
`CohortStaffMixin`).
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.views import View
from django.views.generic import TemplateView

from assessments.completion import authoring as services
from assessments.completion import certificates
from assessments.completion.checklists import (
    checklist_for,
    checklists,
    course_approvals,
    rules_for,
    scheduled_sessions,
)
from assessments.completion.exports import completion_sheet
from assessments.completion.forms import ApprovalForm, ClaimForm, CompletionRulesForm
from assessments.models import Certificate, CourseApproval
from courses.access import CohortStaffMixin, CourseAuthorMixin
from courses.models import SEAT_HOLDING, Cohort, Enrollment
from dbt_training.core.errors import add_service_errors
from dbt_training.core.formatting import hours_text
from dbt_training.core.spreadsheets import spreadsheet_download
from modules.views.learn import EnrollmentMixin

COMPLETION_KINDS = (Certificate.Kind.CE, Certificate.Kind.ATTENDANCE)
# The link under a requirement that is not met yet: where to go to meet it.
ACTION_TEXT = {
    "lessons": "Open the course schedule to finish these lessons",
    "post_test": "Take the post-test",
    "assignments": "Open the course schedule for these assignments",
    "evaluation": "Complete the course evaluation",
    "attendance": "See the live sessions",
}

# --- the trainee ---------------------------------------------------------------------------------


class CertificatePageMixin(EnrollmentMixin):
    template_name = "assessments/completion/mine.html"

    def enrollment_queryset(self):
        """With what the checklist reads in the same query: the course's rules and the cohort's
        count of scheduled sessions (the progress read model comes with EnrollmentMixin's)."""
        return (
            super()
            .enrollment_queryset()
            .select_related("cohort__course__completion_rules")
            .annotate(scheduled_sessions=scheduled_sessions())
        )

    def render_page(self, enrollment: Enrollment, *, status: int = 200, **extra):
        """Session, user, the enrollment, the certificates issued and the gradebook's row (its
        trainee, attempts, submissions, overrides): eight queries at most, however many lessons,
        approvals or trainees (the course's items and approvals are kept in memory)."""
        cohort = enrollment.cohort
        course = cohort.course
        approvals = course_approvals(course)
        issued = list(
            Certificate.objects.for_trainee(self.request.user).filter(enrollment=enrollment)
        )
        completion = next((c for c in issued if c.kind in COMPLETION_KINDS), None)
        letter = next((c for c in issued if c.kind == Certificate.Kind.PARTICIPATION), None)
        checklist = checklist_for(enrollment)
        may_claim = enrollment.status in SEAT_HOLDING
        context = {
            "enrollment": enrollment,
            "cohort": cohort,
            "course": course,
            "checklist": checklist,
            "lines": [(r, ACTION_TEXT.get(r.key, "Go there")) for r in checklist.requirements],
            "approvals": approvals,
            "course_hours": hours_text(course.ce_hours),
            "certificates": issued,
            "may_claim": may_claim,
            "show_claim": may_claim and checklist.complete and completion is None,
            "show_letter": may_claim and checklist.letter_available and letter is None,
            "letter_threshold": checklist.rules.participation_letter_percent,
            "letter": letter,
            "claim_form": ClaimForm(approvals=approvals),
            **extra,
        }
        return render(self.request, self.template_name, context, status=status)


class MyCertificateView(CertificatePageMixin, View):
    """What is done and what is left, the claim, and the certificates issued."""

    def get(self, request, cohort_id):
        return self.render_page(self.get_enrollment())


class ClaimCertificateView(CertificatePageMixin, View):
    def post(self, request, cohort_id):
        enrollment = self.get_enrollment()
        approvals = CourseApproval.objects.filter(course=enrollment.cohort.course).select_related(
            "course"
        )
        form = ClaimForm(request.POST, approvals=approvals)
        if not form.is_valid():
            errors = [message for field in form.errors.values() for message in field]
            return self.render_page(enrollment, status=400, claim_errors=errors)
        try:
            certificates.claim_certificate(
                enrollment=enrollment, approval=form.cleaned_data["approval"]
            )
        except ValidationError as error:
            return self.render_page(enrollment, status=400, claim_errors=error.messages)
        messages.success(request, "Your certificate is ready.")
        return redirect("certificates:mine", cohort_id)


class ClaimLetterView(CertificatePageMixin, View):
    def post(self, request, cohort_id):
        enrollment = self.get_enrollment()
        try:
            certificates.claim_participation_letter(enrollment=enrollment)
        except ValidationError as error:
            return self.render_page(enrollment, status=400, letter_errors=error.messages)
        messages.success(request, "Your letter of participation is ready.")
        return redirect("certificates:mine", cohort_id)


# --- authors: completion rules and CE approvals --------------------------------------------------


class CompletionRulesPageMixin(CourseAuthorMixin):
    template_name = "assessments/completion/rules.html"

    def page_url(self, anchor: str = "") -> str:
        url = reverse("certificates:rules", args=[self.course.slug])
        return f"{url}#{anchor}" if anchor else url

    def render_page(self, *, status: int = 200, rules_form=None, add_form=None, edited=None):
        """The rules form, then each approval with its own form; `edited` is a bound form of one
        approval that failed, shown in its place."""
        course = self.course
        rules = rules_for(course)
        approvals = list(CourseApproval.objects.filter(course=course))
        lines = []
        for approval in approvals:
            approval.course = course
            if edited is not None and edited.instance.pk == approval.pk:
                form = edited
            else:
                form = ApprovalForm(instance=approval, prefix=f"approval-{approval.pk}")
            lines.append((approval, form, hours_text(approval.hours)))
        context = self.get_context_data(
            rules=rules,
            rules_form=rules_form or CompletionRulesForm(instance=rules),
            approvals=lines,
            add_form=add_form or ApprovalForm(prefix="new"),
            course_hours=hours_text(course.ce_hours),
        )
        return self.render_to_response(context, status=status)


class CompletionRulesView(CompletionRulesPageMixin, TemplateView):
    """The course's completion rules, and its CE approvals below them."""

    def get(self, request, *args, **kwargs):
        return self.render_page()

    def post(self, request, *args, **kwargs):
        form = CompletionRulesForm(request.POST, instance=rules_for(self.course))
        if form.is_valid():
            fields = {name: form.cleaned_data[name] for name in CompletionRulesForm._meta.fields}
            try:
                services.save_completion_rules(course=self.course, by=request.user, **fields)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, "Completion rules saved.")
                return redirect(self.page_url())
        return self.render_page(status=400, rules_form=form)


class ApprovalAddView(CompletionRulesPageMixin, TemplateView):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        form = ApprovalForm(request.POST, prefix="new")
        if form.is_valid():
            try:
                approval = services.add_approval(course=self.course, **approval_fields(form))
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, f"Added the CE approval for {approval.profession}.")
                return redirect(self.page_url(f"approval-{approval.pk}"))
        return self.render_page(status=400, add_form=form)


class ApprovalSelectMixin(CompletionRulesPageMixin):
    http_method_names = ["post"]

    @cached_property
    def approval(self) -> CourseApproval:
        return get_object_or_404(CourseApproval, pk=self.kwargs["approval_id"], course=self.course)


class ApprovalEditView(ApprovalSelectMixin, TemplateView):
    def post(self, request, *args, **kwargs):
        approval = self.approval
        # A fresh copy, so a failed save leaves the page's other lines as they are stored.
        form = ApprovalForm(
            request.POST,
            instance=CourseApproval.objects.get(pk=approval.pk),
            prefix=f"approval-{approval.pk}",
        )
        if form.is_valid():
            try:
                saved = services.update_approval(approval=approval, **approval_fields(form))
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, f"Saved the CE approval for {saved.profession}.")
                return redirect(self.page_url(f"approval-{saved.pk}"))
        return self.render_page(status=400, edited=form)


class ApprovalDeleteView(ApprovalSelectMixin, TemplateView):
    def post(self, request, *args, **kwargs):
        approval = self.approval
        services.delete_approval(approval=approval)
        messages.success(
            request,
            f"Deleted the CE approval for {approval.profession}. Certificates already issued "
            "under it keep its wording.",
        )
        return redirect(self.page_url("approvals"))


def approval_fields(form: ApprovalForm) -> dict:
    return {name: form.cleaned_data[name] for name in ApprovalForm._meta.fields}


# --- trainers and admins: a cohort's completion --------------------------------------------------


class CompletionFilterForm(forms.Form):
    show = forms.ChoiceField(
        label="Show",
        required=False,
        choices=[
            ("", "Everyone"),
            ("complete", "Complete"),
            ("incomplete", "Not complete"),
        ],
    )

    def wanted(self) -> str:
        return self.cleaned_data.get("show", "") if self.is_valid() else ""


class CohortCompletionMixin(CohortStaffMixin):
    def cohort_queryset(self):
        """The cohort with what the checklists read (its course's rules, its count of scheduled
        sessions) and whether the viewer manages it (enrollment admins revoke certificates)."""
        managed = Cohort.objects.managed_by(self.request.user).filter(pk=OuterRef("pk"))
        return Cohort.objects.select_related("course__completion_rules").annotate(
            scheduled_sessions=scheduled_sessions("pk"), viewer_manages=Exists(managed)
        )


class CohortCompletionTableMixin(CohortCompletionMixin):
    """Every active or completed trainee's checklist and certificates, for the page and its
    downloads alike; a fixed number of queries however many trainees, lessons or items."""

    def completion(self, cohort: Cohort):
        """(every checklist, the (checklist, certificates) pairs the `?show=` filter keeps)."""
        wanted = CompletionFilterForm(self.request.GET or None).wanted()
        enrollments = Enrollment.objects.filter(cohort=cohort, status__in=SEAT_HOLDING)
        found = list(checklists(cohort, enrollments, scheduled=cohort.scheduled_sessions).values())
        issued: dict[int, list[Certificate]] = {}
        for certificate in Certificate.objects.filter(enrollment__in=enrollments).only(
            "pk", "enrollment_id", "kind", "code", "issued_at", "revoked_at"
        ):
            issued.setdefault(certificate.enrollment_id, []).append(certificate)
        shown = [
            (checklist, issued.get(checklist.enrollment.pk, []))
            for checklist in found
            if not wanted or checklist.complete == (wanted == "complete")
        ]
        return found, shown


class CohortCompletionView(CohortCompletionTableMixin, View):
    """Every active or completed trainee: share done, where each requirement stands (how many
    items met), certificates issued; what is left item by item is on each trainee's own page."""

    template_name = "assessments/completion/cohort.html"

    def get(self, request, cohort_id):
        cohort = self.get_cohort()
        form = CompletionFilterForm(request.GET or None)
        wanted = form.wanted()
        found, shown = self.completion(cohort)
        complete = sum(1 for checklist in found if checklist.complete)
        columns = found[0].requirements if found else []
        # How many trainees meet each requirement (every checklist has the same requirements).
        met = [0] * len(columns)
        for checklist in found:
            for index, requirement in enumerate(checklist.requirements):
                met[index] += requirement.done
        # Each trainee's page, and each requirement's cell made here: a few hundred trainees
        # times a handful of requirements is most of the page, and one string a cell keeps it
        # quick to render.
        trainee_url = reverse("certificates:trainee", args=[cohort.pk, 0])[: -len("0/")]
        lines = [
            (
                checklist,
                certificates_issued,
                f"{trainee_url}{checklist.enrollment.pk}/",
                [requirement_cell(requirement) for requirement in checklist.requirements],
            )
            for checklist, certificates_issued in shown
        ]
        return render(
            request,
            self.template_name,
            {
                "cohort": cohort,
                "form": form,
                "wanted": wanted,
                "rows": shown,
                "lines": lines,
                "total": len(found),
                "complete": complete,
                "columns": columns,
                "by_requirement": [
                    (requirement, count, len(found) - count)
                    for requirement, count in zip(columns, met, strict=True)
                ],
                "rules": found[0].rules if found else rules_for(cohort.course),
                # Enrollment admins revoke; trainers see the certificates only.
                "can_revoke": cohort.viewer_manages,
                "export_query": f"?{request.GET.urlencode()}" if request.GET else "",
            },
        )


class CohortCompletionExportView(CohortCompletionTableMixin, View):
    """The page's table of trainees as CSV or XLSX, with the same `?show=` filter."""

    def get(self, request, cohort_id, fmt):
        cohort = self.get_cohort()
        found, shown = self.completion(cohort)
        columns = found[0].requirements if found else []
        return spreadsheet_download(
            completion_sheet(cohort, columns, shown),
            fmt=fmt,
            filename=f"cohort-{cohort.pk}-completion",
        )


def requirement_cell(requirement) -> str:
    """One trainee's standing on one requirement, as a table cell: done, or how much is."""
    css, icon = ("is-done", "✓") if requirement.done else ("is-left", "✗")
    return format_html(
        '<td data-label="{}" class="{}"><span class="checklist-icon" aria-hidden="true">{}</span>'
        " {}</td>",
        requirement.label,
        css,
        icon,
        requirement.standing,
    )


class TraineeCompletionView(CohortCompletionMixin, View):
    """One trainee of the cohort: every requirement with what is left, item by item, and the
    certificates issued (the details the cohort's page summarises)."""

    template_name = "assessments/completion/trainee.html"

    def get(self, request, cohort_id, enrollment_id):
        cohort = self.get_cohort()
        enrollment = get_object_or_404(
            Enrollment.objects.filter(cohort=cohort).select_related("user"), pk=enrollment_id
        )
        enrollment.cohort = cohort  # loaded with its course and rules
        enrollment.scheduled_sessions = cohort.scheduled_sessions
        checklist = checklist_for(enrollment)
        return render(
            request,
            self.template_name,
            {
                "cohort": cohort,
                "enrollment": enrollment,
                "checklist": checklist,
                "lines": [(requirement, "") for requirement in checklist.requirements],
                "certificates": list(
                    Certificate.objects.filter(enrollment=enrollment).order_by("issued_at", "pk")
                ),
                "can_revoke": cohort.viewer_manages,
            },
        )
