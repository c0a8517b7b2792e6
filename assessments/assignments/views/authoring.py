"""Authoring a course's assignments and rubrics, and its gradebook weights.

The course comes through `CourseAuthorMixin`: a visitor is sent to sign in, anyone who may not
edit this course gets 403. Assignments, rubrics and criteria are looked up inside that course, so
another course's ids answer 404.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.views import View
from django.views.generic import FormView, TemplateView

from assessments.assignments import authoring as services
from assessments.assignments.rubric_forms import (
    AssignmentForm,
    CriterionForm,
    GradebookWeightsForm,
    RubricForm,
    level_formset,
)
from assessments.models import Assignment, Criterion, Grade, GradebookWeights, Rubric
from assessments.taxonomy import CLIENT_WORKSHEETS, GradeCategory, SubmissionStatus, WorksheetKind
from courses.access import CourseAuthorMixin
from dbt_training.core.errors import (
    ServiceFormMixin,
    add_errors_around,
    add_service_errors,
    error_text,
)
from dbt_training.core.formatting import share_percent
from modules.models import Module
from modules.views.authoring import move_offset, moved_message


class AssignmentAuthorMixin(CourseAuthorMixin):
    """Course authoring (`CourseAuthorMixin`'s access), with the rubric pages' addresses."""

    def rubric_url(self, rubric: Rubric, anchor: str = "") -> str:
        url = reverse("assignment_authoring:rubric", args=[self.course.slug, rubric.pk])
        return f"{url}#{anchor}" if anchor else url


# --- assignments --------------------------------------------------------------------------------


class AssignmentFormMixin(AssignmentAuthorMixin):
    form_class = AssignmentForm
    template_name = "assessments/assignments/authoring/assignment_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "course": self.course}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            client_kinds=" ".join(sorted(CLIENT_WORKSHEETS)),
            case_formulation=WorksheetKind.CASE_FORMULATION,
            **kwargs,
        )


class AssignmentCreateView(ServiceFormMixin, AssignmentFormMixin, FormView):
    @cached_property
    def module(self) -> Module:
        return get_object_or_404(Module, pk=self.kwargs["module_id"], course=self.course)

    def get_initial(self):
        return AssignmentForm.initial_for(self.request.GET.get("worksheet", ""))

    def get_context_data(self, **kwargs):
        return super().get_context_data(module=self.module, kinds=WorksheetKind.choices, **kwargs)

    def call_service(self, form):
        assignment = services.create_assignment(module=self.module, **form.cleaned_data)
        messages.success(self.request, f"Created the assignment “{assignment.title}”.")
        return redirect(self.editor_url(f"module-{self.module.pk}"))


class AssignmentSelectMixin(AssignmentAuthorMixin):
    @cached_property
    def assignment(self) -> Assignment:
        return get_object_or_404(
            Assignment.objects.select_related("module", "rubric"),
            pk=self.kwargs["assignment_id"],
            module__course=self.course,
        )


class AssignmentView(AssignmentSelectMixin, AssignmentFormMixin, FormView):
    """Edit an assignment; says so when grades already given will keep their scores."""

    def get_form_kwargs(self):
        # A fresh copy, so a failed save does not leave half-changed values on `self.assignment`.
        return {
            **super().get_form_kwargs(),
            "instance": Assignment.objects.get(pk=self.assignment.pk),
        }

    def get_context_data(self, **kwargs):
        assignment = self.assignment
        counts = dict(
            assignment.submissions.values_list("status").annotate(n=Count("pk")).order_by()
        )
        siblings = list(
            Assignment.objects.filter(module_id=assignment.module_id)
            .order_by("position", "pk")
            .values_list("pk", flat=True)
        )
        return super().get_context_data(
            assignment=assignment,
            module=assignment.module,
            drafts=counts.get(SubmissionStatus.DRAFT, 0),
            handed_in=sum(n for status, n in counts.items() if status != SubmissionStatus.DRAFT),
            graded=Grade.objects.filter(submission__assignment=assignment).count(),
            is_first=siblings[:1] == [assignment.pk],
            is_last=siblings[-1:] == [assignment.pk],
            **kwargs,
        )

    def form_valid(self, form):
        before = (self.assignment.rubric_id, self.assignment.points)
        try:
            assignment = services.update_assignment(assignment=self.assignment, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        message = f"Saved the assignment “{assignment.title}”."
        if (assignment.rubric_id, assignment.points) != before and Grade.objects.filter(
            submission__assignment=assignment
        ).exists():
            message += " Grades already given keep their scores; new grades use the new scale."
        messages.success(self.request, message)
        return redirect(self.editor_url(f"module-{assignment.module_id}"))


class AssignmentDeleteView(AssignmentSelectMixin, TemplateView):
    template_name = "assessments/assignments/authoring/assignment_delete.html"

    def get_context_data(self, **kwargs):
        assignment = self.assignment
        statuses = list(assignment.submissions.values_list("status", flat=True))
        return super().get_context_data(
            assignment=assignment,
            module=assignment.module,
            drafts=statuses.count(SubmissionStatus.DRAFT),
            handed_in=len(statuses) - statuses.count(SubmissionStatus.DRAFT),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        assignment = self.assignment
        try:
            services.delete_assignment(assignment=assignment)
        except ValidationError as error:
            messages.error(request, error_text(error))
            return redirect("assignment_authoring:assignment", self.course.slug, assignment.pk)
        messages.success(request, f"Deleted the assignment “{assignment.title}”.")
        return redirect(self.editor_url(f"module-{assignment.module_id}"))


class AssignmentMoveView(AssignmentSelectMixin, View):
    def post(self, request, *args, **kwargs):
        assignment = self.assignment
        offset, before = move_offset(request), assignment.position
        moved = services.move_assignment(assignment=assignment, offset=offset)
        messages.success(request, moved_message(assignment.title, before, moved.position, offset))
        return redirect("assignment_authoring:assignment", self.course.slug, assignment.pk)


# --- rubrics ------------------------------------------------------------------------------------


class RubricListView(ServiceFormMixin, AssignmentAuthorMixin, FormView):
    """The course's rubrics with their maximum points, and a form to start a new one."""

    form_class = RubricForm
    template_name = "assessments/assignments/authoring/rubric_list.html"

    def get_context_data(self, **kwargs):
        rubrics = (
            Rubric.objects.filter(course=self.course)
            .annotate(criterion_count=Count("criteria", distinct=True))
            .annotate(assignment_count=Count("assignments", distinct=True))
            .prefetch_related("criteria__levels")
            .order_by("title", "pk")
        )
        return super().get_context_data(rubrics=rubrics, **kwargs)

    def call_service(self, form):
        rubric = services.create_rubric(course=self.course, **form.cleaned_data)
        messages.success(
            self.request, f"Created the rubric “{rubric.title}”. Now add its criteria."
        )
        return redirect(self.rubric_url(rubric))


class RubricSelectMixin(AssignmentAuthorMixin):
    @cached_property
    def rubric(self) -> Rubric:
        return get_object_or_404(Rubric, pk=self.kwargs["rubric_id"], course=self.course)


class RubricView(ServiceFormMixin, RubricSelectMixin, FormView):
    """The rubric editor: its title, and its criteria with their levels and comment banks."""

    form_class = RubricForm
    template_name = "assessments/assignments/authoring/rubric_editor.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": Rubric.objects.get(pk=self.rubric.pk)}

    def get_context_data(self, **kwargs):
        # One read of the criteria with their levels and comments; max_points() sums them too.
        rubric = Rubric.objects.prefetch_related(
            Prefetch(
                "criteria",
                queryset=Criterion.objects.prefetch_related("levels", "bank_comments"),
            ),
            Prefetch(
                "assignments",
                queryset=Assignment.objects.select_related("module").order_by(
                    "module__position", "position"
                ),
            ),
        ).get(pk=self.rubric.pk)
        return super().get_context_data(
            rubric=rubric,
            criteria=rubric.criteria.all(),
            assignments=rubric.assignments.all(),
            graded=Grade.objects.filter(submission__assignment__rubric=rubric).count(),
            **kwargs,
        )

    def call_service(self, form):
        services.update_rubric(rubric=self.rubric, **form.cleaned_data)
        messages.success(self.request, "Rubric saved.")
        return redirect(self.rubric_url(self.rubric))


class RubricDeleteView(RubricSelectMixin, TemplateView):
    template_name = "assessments/assignments/authoring/rubric_delete.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            rubric=self.rubric,
            assignments=list(self.rubric.assignments.order_by("module__position", "position")),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        try:
            services.delete_rubric(rubric=self.rubric)
        except ValidationError as error:
            messages.error(request, error_text(error))
            return redirect(self.rubric_url(self.rubric))
        messages.success(request, f"Deleted the rubric “{self.rubric.title}”.")
        return redirect("assignment_authoring:rubrics", self.course.slug)


class CriterionFormView(RubricSelectMixin, TemplateView):
    """Add a criterion to a rubric, or edit one: its levels and its comment bank."""

    template_name = "assessments/assignments/authoring/rubric_criterion_form.html"

    @cached_property
    def criterion(self) -> Criterion | None:
        if "criterion_id" not in self.kwargs:
            return None
        return get_object_or_404(
            Criterion.objects.prefetch_related("levels", "bank_comments"),
            pk=self.kwargs["criterion_id"],
            rubric=self.rubric,
        )

    def get(self, request, *args, **kwargs):
        form = CriterionForm(instance=self.criterion)
        formset = level_formset(criterion=self.criterion)
        return self.render_to_response(self.get_context_data(form=form, formset=formset))

    def post(self, request, *args, **kwargs):
        instance = Criterion.objects.get(pk=self.criterion.pk) if self.criterion else None
        form = CriterionForm(request.POST, instance=instance)
        formset = level_formset(data=request.POST, criterion=self.criterion)
        level_errors = []
        if form.is_valid() and formset.is_valid():
            try:
                criterion = services.save_criterion(
                    rubric=self.rubric,
                    criterion=self.criterion,
                    title=form.cleaned_data["title"],
                    description=form.cleaned_data["description"],
                    comments=form.cleaned_data["comments"],
                    levels=formset.levels(),
                )
            except ValidationError as error:
                level_errors = add_errors_around(form, error, rows="levels")
            else:
                messages.success(request, f"Saved the criterion “{criterion.title}”.")
                return redirect(self.rubric_url(self.rubric, f"criterion-{criterion.pk}"))
        context = self.get_context_data(form=form, formset=formset, level_errors=level_errors)
        return self.render_to_response(context)

    def get_context_data(self, **kwargs):
        return super().get_context_data(rubric=self.rubric, criterion=self.criterion, **kwargs)


class CriterionSelectMixin(RubricSelectMixin):
    @cached_property
    def criterion(self) -> Criterion:
        return get_object_or_404(Criterion, pk=self.kwargs["criterion_id"], rubric=self.rubric)


class CriterionDeleteView(CriterionSelectMixin, TemplateView):
    template_name = "assessments/assignments/authoring/rubric_criterion_delete.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(rubric=self.rubric, criterion=self.criterion, **kwargs)

    def post(self, request, *args, **kwargs):
        try:
            services.delete_criterion(criterion=self.criterion)
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, f"Deleted the criterion “{self.criterion.title}”.")
        return redirect(self.rubric_url(self.rubric))


class CriterionMoveView(CriterionSelectMixin, View):
    def post(self, request, *args, **kwargs):
        criterion = self.criterion
        offset, before = move_offset(request), criterion.position
        moved = services.move_criterion(criterion=criterion, offset=offset)
        messages.success(request, moved_message(criterion.title, before, moved.position, offset))
        return redirect(self.rubric_url(self.rubric, f"criterion-{criterion.pk}"))


# --- gradebook weights --------------------------------------------------------------------------


class GradebookWeightsView(ServiceFormMixin, AssignmentAuthorMixin, FormView):
    form_class = GradebookWeightsForm
    template_name = "assessments/assignments/authoring/gradebook_weights.html"

    def get_initial(self):
        weights = GradebookWeights.objects.filter(course=self.course).first() or GradebookWeights()
        return {name: weights.weight_of(name) for name in GradeCategory.values}

    def get_context_data(self, **kwargs):
        initial = self.get_initial()
        total = sum(initial.values())
        shares = [
            (label, initial[value], share_percent(initial[value], total) if total else 0)
            for value, label in GradeCategory.choices
        ]
        return super().get_context_data(shares=shares, **kwargs)

    def call_service(self, form):
        services.set_gradebook_weights(course=self.course, **form.cleaned_data)
        messages.success(self.request, "Gradebook weights saved.")
        return redirect("assignment_authoring:weights", self.course.slug)
