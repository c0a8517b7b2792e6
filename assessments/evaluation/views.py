"""The course evaluation report (aggregate, anonymous) and its download (CSV or XLSX); and, for
the course's authors, the step that adds one rating item per learning objective.

For people who may edit the course (`Course.objects.editable_by`: its authors, enrollment admins)
and the trainers of any of its cohorts (`Cohort.objects.reported_to`); anyone else gets 403, a
visitor is sent to sign in. Only evaluation surveys have a report: another quiz answers 404. The
cohort filter (`?cohort=<id>`) offers the cohorts the viewer may see: every cohort of the course
to its editors, their own to trainers (whose unfiltered report covers only their cohorts); any
other id answers 404.

Adding the objective items is authoring: it takes the quiz authoring pages' access
(`QuizAuthorMixin`: 403 for anyone who may not edit the course, 404 for another course's quiz).
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views import View

from assessments.evaluation import report as evaluation
from assessments.models import Quiz
from assessments.quizzes import services
from assessments.quizzes.views.authoring import QuizAuthorMixin
from assessments.taxonomy import QuizKind
from courses.models import Cohort, Course
from dbt_training.core.errors import error_text
from dbt_training.core.spreadsheets import spreadsheet_download


@dataclass
class Scope:
    course: Course
    can_edit: bool
    cohorts: list  # the cohorts the viewer may filter by
    quiz: Quiz
    cohort: Cohort | None  # the one chosen; None for all of `cohorts`' course

    @property
    def within(self) -> list | None:
        """A trainer's report covers only the cohorts they teach: another cohort's answers,
        even aggregated, are not theirs to read (and a total minus their own would give them
        away). Editors see every cohort."""
        return None if self.can_edit else self.cohorts


class EvaluationScopeMixin(LoginRequiredMixin):
    def get_scope(self) -> Scope:
        user = self.request.user
        editable = Course.objects.editable_by(user).filter(pk=OuterRef("pk"))
        course = get_object_or_404(
            Course.objects.annotate(viewer_may_edit=Exists(editable)), slug=self.kwargs["slug"]
        )
        can_edit = course.viewer_may_edit
        cohorts = list(
            Cohort.objects.reported_to(user).filter(course=course).order_by("-starts_on", "name")
        )
        if not can_edit and not cohorts:
            raise PermissionDenied("Only the course's authors and trainers can read its report.")
        quiz = get_object_or_404(
            Quiz.objects.select_related("module__course"),
            pk=self.kwargs["quiz_id"],
            module__course=course,
            kind=QuizKind.EVALUATION,
        )
        return Scope(course, can_edit, cohorts, quiz, self.chosen_cohort(cohorts))

    def chosen_cohort(self, cohorts: list) -> Cohort | None:
        raw = self.request.GET.get("cohort", "")
        if not raw:
            return None
        chosen = next((c for c in cohorts if str(c.pk) == raw), None)
        if chosen is None:
            raise Http404("No such cohort among those you may see.")
        return chosen


class ReportView(EvaluationScopeMixin, View):
    """The aggregate answers to a course evaluation survey, per question."""

    template_name = "assessments/evaluation/report.html"

    def get(self, request, slug, quiz_id):
        scope = self.get_scope()
        query = f"?{urlencode({'cohort': scope.cohort.pk})}" if scope.cohort else ""
        return render(
            request,
            self.template_name,
            {
                "scope": scope,
                "course": scope.course,
                "module": scope.quiz.module,
                "quiz": scope.quiz,
                "report": evaluation.report(scope.quiz, cohort=scope.cohort, within=scope.within),
                "min_responses": evaluation.MIN_RESPONSES,
                "withheld_message": evaluation.WITHHELD,
                "export_query": query,
            },
        )


class ReportExportView(EvaluationScopeMixin, View):
    """The same aggregate as a spreadsheet (CSV or XLSX)."""

    def get(self, request, slug, quiz_id, fmt):
        scope = self.get_scope()
        found = evaluation.report(scope.quiz, cohort=scope.cohort, within=scope.within)
        suffix = f"-cohort-{scope.cohort.pk}" if scope.cohort else ""
        return spreadsheet_download(
            evaluation.evaluation_sheet(found),
            fmt=fmt,
            filename=f"evaluation-{scope.quiz.pk}{suffix}",
        )


class ObjectiveItemsView(QuizAuthorMixin, View):
    """Add the missing rating items, one per learning objective, to a course evaluation."""

    def post(self, request, slug, quiz_id):
        quiz = self.get_quiz()
        try:
            added = services.add_objective_items(quiz=quiz)
        except ValidationError as error:
            messages.error(request, error_text(error))
            return redirect(self.quiz_url(quiz, "objectives-title"))
        if not added:
            messages.info(
                request, "Every learning objective already has its rating item: nothing added."
            )
        else:
            numbers = ", ".join(str(q.learning_objective) for q in added)
            messages.success(
                request,
                f"Added {len(added)} rating item{'s' if len(added) != 1 else ''}, for "
                f"learning objective{'s' if len(added) != 1 else ''} {numbers}.",
            )
        return redirect(self.quiz_url(quiz, "objectives-title"))
