"""The course's completion rules and CE approvals, for its authors (`CourseAuthorMixin`), and
the person responsible for its CE program, for enrollment admins (`SignatoryAdminMixin`)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.functional import cached_property
from django.views import View
from django.views.generic import TemplateView

from assessments.completion import authoring as services
from assessments.completion.ce_checks import course_ce_checks
from assessments.completion.checklists import rules_for
from assessments.completion.forms import ApprovalForm, CompletionRulesForm, SignatoryForm
from assessments.models import CourseApproval, ProgramSignatory
from courses.access import CourseAuthorMixin
from dbt_training.core.errors import add_service_errors
from dbt_training.core.formatting import hours_text
from dbt_training.core.http import file_download

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
            ce_checks=course_ce_checks(course),
            signatory=ProgramSignatory.objects.filter(course=course).first(),
            # Enrollment admins name the program's responsible person; authors see who it is.
            can_set_signatory=self.request.user.is_enrollment_admin,
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


# --- enrollment admins: the person responsible for the program ----------------------------------


class SignatoryAdminMixin(CourseAuthorMixin):
    """The course's program signatory is the institute's to name, not its authors': enrollment
    admins only (the role that manages cohorts; `Cohort.objects.managed_by` gives them every
    cohort, `Course.objects.editable_by` every course). 403 for anyone else signed in."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.is_enrollment_admin:
            raise PermissionDenied(
                "Only enrollment administrators name the person responsible for the program."
            )
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def signatory(self) -> ProgramSignatory | None:
        return ProgramSignatory.objects.filter(course=self.course).first()


class SignatoryView(SignatoryAdminMixin, TemplateView):
    """Name, title and signature image of the person responsible for the course's CE program,
    printed on every certificate issued from now on."""

    template_name = "assessments/completion/signatory.html"

    def get(self, request, *args, **kwargs):
        signatory = self.signatory
        initial = {"name": signatory.name, "title": signatory.title} if signatory else {}
        return self.show(SignatoryForm(initial=initial))

    def post(self, request, *args, **kwargs):
        form = SignatoryForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.set_program_signatory(
                    course=self.course, by=request.user, **form.cleaned_data
                )
            except ValidationError as error:
                add_service_errors(form, error, rest="signature")
            else:
                messages.success(
                    request,
                    "Saved the person responsible for the program: certificates issued from "
                    "now on print this name, title and signature.",
                )
                return redirect("certificates:signatory", self.course.slug)
        return self.show(form, status=400)

    def show(self, form, status: int = 200):
        context = self.get_context_data(form=form, signatory=self.signatory)
        return self.render_to_response(context, status=status)


class SignatureImageView(SignatoryAdminMixin, View):
    """The current signature image, for the signatory page's preview only: signature images are
    never at a public address (they are read from storage into the PDF)."""

    def get(self, request, *args, **kwargs):
        signatory = self.signatory
        if signatory is None:
            raise Http404("This course has no signature image.")
        response = file_download(signatory.signature, missing="This course has no signature image.")
        patch_cache_control(response, private=True, no_store=True)
        return response
