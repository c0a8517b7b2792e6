"""The grading queue: a trainer grades a cohort's submitted worksheets and quiz essays one at a
time, returns work for revision, and releases grades.

Every view finds the cohort through `TaughtCohortMixin` (another trainer's cohort: 403) and the
work inside that cohort (a draft or another cohort's work: 404).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.views import View

from assessments.grading import services as grading
from assessments.grading.forms import GradeForm
from assessments.models import Grade
from courses.access import TaughtCohortMixin
from dbt_training.core.errors import add_service_errors
from dbt_training.core.http import file_download, posted_id

RECENTLY_RELEASED = 50


class QueueView(TaughtCohortMixin, View):
    """What waits for a grade (per item), and the grades not yet released."""

    template_name = "assessments/grading/queue.html"

    def get(self, request, cohort_id):
        cohort = self.get_cohort()
        entries = grading.grading_queue(cohort)
        return render(
            request,
            self.template_name,
            {
                "cohort": cohort,
                "entries": entries,
                "items": grading.queue_items(entries),
                "unreleased": grading.grade_rows(cohort, released=False),
                "released": grading.grade_rows(cohort, released=True, limit=RECENTLY_RELEASED),
            },
        )


class EntryView(TaughtCohortMixin, View):
    """One piece of work at a time; the subclasses say which kind and how it is graded."""

    template_name = "assessments/grading/entry.html"
    kind = ""
    actions: tuple[str, ...] = ()

    def get_work(self, cohort):
        raise NotImplementedError

    def form_for(self, work, data=None, *, returning=False) -> GradeForm:
        raise NotImplementedError

    def get(self, request, cohort_id, **kwargs):
        cohort = self.get_cohort()
        work = self.get_work(cohort)
        return self.render_page(cohort, work, self.form_for(work))

    def render_page(self, cohort, work, form):
        entries = grading.grading_queue(cohort, with_unreleased=True)
        context = {
            "cohort": cohort,
            "work": work,
            "kind": self.kind,
            "grade": _grade_of(work),
            "form": form,
            "position": grading.queue_position(entries, kind=self.kind, pk=work.pk),
            **self.extra_context(work),
        }
        return render(self.request, self.template_name, context)

    def extra_context(self, work) -> dict:
        return {}

    def post(self, request, cohort_id, **kwargs):
        cohort = self.get_cohort()
        work = self.get_work(cohort)
        action = request.POST.get("action")
        if action not in self.actions:
            return HttpResponseBadRequest("Choose Grade, Grade and release, or Return.")
        form = self.form_for(work, request.POST, returning=action == "return")
        # Where to go next is decided from the round as it stood before this grade.
        position = grading.queue_position(
            grading.grading_queue(cohort, with_unreleased=True), kind=self.kind, pk=work.pk
        )
        if form.is_valid():
            try:
                message = self.act(work, form, action)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, message)
                # On through the round; a released grade regraded goes back to the overview.
                if position.number and position.following:
                    return redirect(position.following.url)
                return redirect("grading:queue", cohort.pk)
        return self.render_page(cohort, work, form)


def _saved(grade, released: bool) -> str:
    shown = "and released to the trainee" if released else "(not released yet)"
    return f"Graded {grade.score.normalize():f} of {grade.max_score.normalize():f} {shown}."


class SubmissionGradingView(EntryView):
    kind = grading.SUBMISSION
    actions = ("grade", "grade_release", "return")

    def get_work(self, cohort):
        return get_object_or_404(
            grading.gradable_submissions(cohort), pk=self.kwargs["submission_id"]
        )

    def form_for(self, work, data=None, *, returning=False) -> GradeForm:
        assignment = work.assignment
        criteria = (
            list(assignment.rubric.criteria.prefetch_related("levels", "bank_comments"))
            if assignment.rubric_id
            else []
        )
        grade = _grade_of(work)
        if grade is not None:
            grade = Grade.objects.prefetch_related("criterion_scores").get(pk=grade.pk)
        return GradeForm(
            data,
            criteria=criteria,
            max_score=assignment.points,
            grade=grade,
            returning=returning,
        )

    def extra_context(self, work) -> dict:
        return {
            "trainee": work.enrollment.user,
            "item_title": work.assignment.title,
            "submitted_at": work.submitted_at,
            "assignment": work.assignment,
            "fields": grading.worksheet_fields(work),
            "max_score": work.assignment.points if not work.assignment.rubric_id else None,
        }

    def act(self, work, form, action) -> str:
        trainee = work.enrollment.user.full_name
        if action == "return":
            grading.return_submission(
                submission=work, grader=self.request.user, feedback=form.cleaned_data["feedback"]
            )
            return f"Returned to {trainee} for revision."
        grade = grading.grade_submission(
            submission=work,
            grader=self.request.user,
            levels=form.levels(),
            comments=form.comments(),
            score=form.cleaned_data.get("score"),
            feedback=form.cleaned_data["feedback"],
            release=action == "grade_release",
        )
        return f"{trainee}: " + _saved(grade, grade.is_released)


class EssayGradingView(EntryView):
    kind = grading.ESSAY
    actions = ("grade", "grade_release")

    def get_work(self, cohort):
        response = get_object_or_404(grading.gradable_essays(cohort), pk=self.kwargs["response_id"])
        if not (response.answer.get("text") or "").strip() and _grade_of(response) is None:
            raise Http404("A blank essay answer has nothing to grade.")
        return response

    def form_for(self, work, data=None, *, returning=False) -> GradeForm:
        return GradeForm(data, max_score=work.question.points, grade=_grade_of(work))

    def extra_context(self, work) -> dict:
        return {
            "trainee": work.attempt.enrollment.user,
            "item_title": grading.essay_title(work),
            "submitted_at": work.attempt.submitted_at,
            "quiz": work.attempt.quiz,
            "question": work.question,
            "max_score": work.question.points,
        }

    def act(self, work, form, action) -> str:
        grade = grading.grade_essay(
            response=work,
            grader=self.request.user,
            score=form.cleaned_data["score"],
            feedback=form.cleaned_data["feedback"],
            release=action == "grade_release",
        )
        return f"{work.attempt.enrollment.user.full_name}: " + _saved(grade, grade.is_released)


def _grade_of(work) -> Grade | None:
    try:
        return work.grade
    except Grade.DoesNotExist:
        return None


class SubmissionFileView(TaughtCohortMixin, View):
    """The file a trainee uploaded, downloaded (never shown inline: it is the trainee's file)."""

    def get(self, request, cohort_id, submission_id):
        submission = get_object_or_404(
            grading.gradable_submissions(self.get_cohort()), pk=submission_id
        )
        if not submission.file:
            raise Http404("This submission has no file.")
        return file_download(submission.file, filename=submission.file_name)


class ReleaseView(TaughtCohortMixin, View):
    """Release the chosen grades, or every unreleased grade of the cohort."""

    def post(self, request, cohort_id):
        cohort = self.get_cohort()
        unreleased = Grade.objects.filter(enrollment__cohort=cohort).unreleased()
        if request.POST.get("scope") == "all":
            grades = list(unreleased)
        else:
            ids = [posted_id(value) for value in request.POST.getlist("grade")]
            if None in ids:
                return HttpResponseBadRequest("Those are not grades of this page.")
            grades = list(Grade.objects.filter(enrollment__cohort=cohort, pk__in=ids))
            if len(grades) != len(set(ids)):
                raise Http404("Some of those grades are not in this cohort.")
            if not grades:
                messages.error(request, "Choose the grades to release, or use “Release all”.")
                return redirect("grading:queue", cohort.pk)
        count = grading.release_grades(grades=grades, by=request.user)
        if count:
            messages.success(
                request,
                f"Released {count} grade{'s' if count != 1 else ''}; trainees are told by email.",
            )
        else:
            messages.info(request, "Those grades were already released.")
        return redirect("grading:queue", cohort.pk)


class ReleaseOneView(TaughtCohortMixin, View):
    def post(self, request, cohort_id, grade_id):
        cohort = self.get_cohort()
        grade = get_object_or_404(Grade.objects.filter(enrollment__cohort=cohort), pk=grade_id)
        if grading.release_grades(grades=[grade], by=request.user):
            messages.success(request, "Released; the trainee is told by email.")
        else:
            messages.info(request, "That grade was already released.")
        return redirect("grading:queue", cohort.pk)
