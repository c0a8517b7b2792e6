"""The trainee's quiz pages: the quiz's front page, the attempt (autosaved answer by answer, or
saved and submitted with plain form posts without JavaScript), and the review.

Everything is found through `Enrollment.objects.for_trainee(user)` and the trainee's own
attempts (`Attempt.objects.for_trainee`): another trainee's attempt or another course's quiz
answers 404. Every page that shows an attempt first submits it if its time is up.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views import View

from assessments.models import Attempt, Question, Quiz
from assessments.quizzes import bank, services
from assessments.quizzes.display import question_views
from assessments.quizzes.forms import BadAnswer, read_answer
from assessments.quizzes.results import standings_for
from assessments.taxonomy import UNANSWERED_KINDS, FeedbackTiming
from courses.models import EnrollmentStatus
from dbt_training.core.errors import error_text
from modules.progress import cohort_progress
from modules.views.learn import VISIBLE, EnrollmentMixin


class QuizMixin(EnrollmentMixin):
    def get_quiz(self, enrollment) -> Quiz:
        return get_object_or_404(
            Quiz.objects.select_related("module__course"),
            pk=self.kwargs["quiz_id"],
            module__course=enrollment.cohort.course_id,
        )

    def get_attempt(self, enrollment, *, lock_check=True) -> Attempt:
        attempt = get_object_or_404(
            Attempt.objects.for_trainee(self.request.user).select_related("quiz__module__course"),
            pk=self.kwargs["attempt_id"],
            enrollment=enrollment,
        )
        return services.close_if_out_of_time(attempt=attempt) if lock_check else attempt


def _questions(attempt: Attempt) -> list[Question]:
    return list(Question.objects.filter(pk__in=attempt.question_order).prefetch_related("answers"))


def _attempt_question(attempt: Attempt, question_id: int) -> Question | None:
    """One question of the attempt with its answers; None for a question the attempt never
    showed (a tampered or stale id)."""
    if question_id not in attempt.question_order:
        return None
    return Question.objects.prefetch_related("answers").filter(pk=question_id).first()


class QuizView(QuizMixin, View):
    template_name = "assessments/quizzes/quiz.html"

    def get(self, request, cohort_id, quiz_id):
        enrollment = self.get_enrollment()
        quiz = self.get_quiz(enrollment)
        if enrollment.status == EnrollmentStatus.WAITLISTED:
            raise PermissionDenied("You are on this cohort's waitlist; quizzes open with a seat.")
        progress = cohort_progress(enrollment)
        state = progress.state_of(quiz.module_id)
        if not state.is_open:
            raise PermissionDenied(f"“{quiz.title}” is locked. {state.lock_reason}")
        standing = standings_for(enrollment, [quiz])[quiz.pk]
        if standing.open_attempt is not None:
            services.close_if_out_of_time(attempt=standing.open_attempt)
            standing = standings_for(enrollment, [quiz])[quiz.pk]
        can_start = standing.open_attempt is not None or (
            enrollment.status == EnrollmentStatus.ACTIVE and standing.left != 0
        )
        return render(
            request,
            self.template_name,
            {
                "enrollment": enrollment,
                "cohort": enrollment.cohort,
                "quiz": quiz,
                "module": quiz.module,
                "state": state,
                "standing": standing,
                "question_count": bank.question_count(quiz),
                "can_start": can_start,
                "no_attempt_reason": "" if can_start else _no_attempt_reason(progress, standing),
            },
        )


def _no_attempt_reason(progress, standing) -> str:
    """Why the quiz page offers no attempt, in the terms `services.start_attempt` refuses one
    (only an active place may start one; the attempts allowed). A withdrawn trainee's page says
    it in its own banner."""
    enrollment = progress.enrollment
    if enrollment.status == EnrollmentStatus.COMPLETED:
        ends_on = enrollment.cohort.ends_on
        if progress.today > ends_on:
            return (
                f"The cohort ended on {ends_on:%-d %B %Y} and you have completed it: "
                "no new attempts."
            )
        return "You have completed this cohort: your results are final, so no new attempts."
    if enrollment.status == EnrollmentStatus.ACTIVE and standing.left == 0:
        return "You have used all your attempts."
    return ""


class StartAttemptView(QuizMixin, View):
    def post(self, request, cohort_id, quiz_id):
        enrollment = self.get_enrollment()
        quiz = self.get_quiz(enrollment)
        try:
            attempt = services.start_attempt(enrollment=enrollment, quiz=quiz)
        except services.QuizUnavailable as error:
            messages.error(request, error.reason)
            return redirect("quizzes:quiz", cohort_id, quiz.pk)
        return redirect("quizzes:attempt", cohort_id, attempt.pk)


class AttemptView(QuizMixin, View):
    """The attempt page (GET), and its plain form post: "Save answers" or "Submit"."""

    template_name = "assessments/quizzes/attempt.html"

    def get(self, request, cohort_id, attempt_id):
        enrollment = self.get_enrollment()
        attempt = self.get_attempt(enrollment)
        if attempt.submitted_at is not None:
            if attempt.submitted_by_time_limit:
                messages.info(request, "Time was up: your saved answers were submitted.")
            return redirect("quizzes:review", cohort_id, attempt.pk)
        return render(request, self.template_name, self.context(enrollment, attempt))

    def context(self, enrollment, attempt, **extra) -> dict:
        responses = {r.question_id: r for r in attempt.responses.all()}
        views = question_views(
            _questions(attempt),
            order=attempt.question_order,
            choice_order=attempt.choice_order,
            responses=responses,
        )
        return {
            "enrollment": enrollment,
            "cohort": enrollment.cohort,
            "attempt": attempt,
            "quiz": attempt.quiz,
            "questions": views,
            "unanswered": [
                v for v in views if not v.answered and v.question.kind not in UNANSWERED_KINDS
            ],
            "immediate": attempt.quiz.feedback_timing == FeedbackTiming.IMMEDIATE,
            **extra,
        }

    def post(self, request, cohort_id, attempt_id):
        enrollment = self.get_enrollment()
        attempt = self.get_attempt(enrollment, lock_check=False)
        answers = {}
        # The "submit anyway" confirmation carries no answers: they were saved a moment ago.
        if request.POST.get("keep_saved") != "yes":
            try:
                answers = {
                    q: read_answer(q, list(q.answers.all()), request.POST)
                    for q in _questions(attempt)
                    if q.kind not in UNANSWERED_KINDS
                }
            except BadAnswer as error:
                return HttpResponseBadRequest(
                    f"That answer is not one this page offered ({error})."
                )
        try:
            services.save_responses(attempt=attempt, answers=answers)
        except services.AttemptClosed as closed:
            messages.warning(request, closed.reason)
            return redirect("quizzes:review", cohort_id, attempt.pk)
        if request.POST.get("action") != "submit":
            messages.success(request, "Your answers are saved.")
            return redirect("quizzes:attempt", cohort_id, attempt.pk)
        context = self.context(enrollment, attempt)
        if context["unanswered"] and request.POST.get("confirmed") != "yes":
            return render(request, "assessments/quizzes/attempt_confirm.html", context)
        services.submit_attempt(attempt=attempt)
        messages.success(request, "Your attempt is submitted.")
        return redirect("quizzes:review", cohort_id, attempt.pk)


class SaveAnswerView(QuizMixin, View):
    """Autosave of one answer (HTMX). Answers with the status line for that question.

    A hot path (issue 17): two queries of its own, the attempt locked and read with its
    enrollment and the question (`services.save_answer`), then the write. The attempt is looked
    up among the trainee's own, in this cohort, through a visible enrollment (as
    `get_enrollment` finds it): anything else answers 404."""

    template_name = "assessments/quizzes/includes/save_status.html"

    def post(self, request, cohort_id, attempt_id, question_id):
        attempts = Attempt.objects.for_trainee(request.user).filter(
            enrollment__cohort_id=cohort_id, enrollment__status__in=VISIBLE
        )
        try:
            response = services.save_answer(
                attempts=attempts,
                attempt_id=attempt_id,
                question_id=question_id,
                read=lambda question, answers: read_answer(question, answers, request.POST),
            )
        except Attempt.DoesNotExist:
            raise Http404("No such attempt.") from None
        except services.QuestionNotInAttempt as error:
            return HttpResponseBadRequest(error.reason)
        except BadAnswer as error:
            return HttpResponseBadRequest(f"That answer is not one this page offered ({error}).")
        except services.AttemptClosed as closed:
            attempt = closed.attempt
            if not request.htmx:
                messages.warning(request, closed.reason)
                return redirect("quizzes:review", cohort_id, attempt.pk)
            return render(
                request,
                self.template_name,
                {
                    "question_id": question_id,
                    "cohort": attempt.enrollment.cohort,
                    "attempt": attempt,
                    "error": closed.reason,
                },
            )
        attempt = response.attempt
        if not request.htmx:
            return redirect("quizzes:attempt", cohort_id, attempt.pk)
        question = response.question
        view = question_views(
            [question],
            order=[question.pk],
            choice_order=attempt.choice_order,
            responses={question.pk: response},
        )[0]
        return render(
            request,
            self.template_name,
            {
                "question_id": question_id,
                "cohort": attempt.enrollment.cohort,
                "attempt": attempt,
                "saved_at": timezone.localtime(response.saved_at),
                "view": view,
            },
        )


class CheckAnswerView(QuizMixin, View):
    """Immediate feedback: "Check" saves the answer, scores it and shows its feedback."""

    def post(self, request, cohort_id, attempt_id, question_id):
        enrollment = self.get_enrollment()
        attempt = self.get_attempt(enrollment, lock_check=False)
        question = _attempt_question(attempt, question_id)
        if question is None:
            return HttpResponseBadRequest("That question is not part of this attempt.")
        try:
            answer = read_answer(question, list(question.answers.all()), request.POST)
            services.check_response(attempt=attempt, question=question, answer=answer)
        except BadAnswer as error:
            return HttpResponseBadRequest(f"That answer is not one this page offered ({error}).")
        except services.AttemptClosed as closed:
            messages.warning(request, closed.reason)
        except ValidationError as error:
            messages.error(request, error_text(error))
        return redirect(
            reverse("quizzes:attempt", args=[cohort_id, attempt.pk]) + f"#question-{question_id}"
        )


class ReviewView(QuizMixin, View):
    template_name = "assessments/quizzes/review.html"

    def get(self, request, cohort_id, attempt_id):
        enrollment = self.get_enrollment()
        attempt = self.get_attempt(enrollment)
        if attempt.submitted_at is None:
            return redirect("quizzes:attempt", cohort_id, attempt.pk)
        cohort = enrollment.cohort
        state = cohort_progress(enrollment).state_of(attempt.quiz.module_id)
        show_feedback = services.feedback_visible(
            attempt,
            due_on=state.due_on if state else None,
            time_zone=cohort.time_zone,
        )
        responses = {r.question_id: r for r in attempt.responses.all()}
        return render(
            request,
            self.template_name,
            {
                "enrollment": enrollment,
                "cohort": cohort,
                "attempt": attempt,
                "quiz": attempt.quiz,
                "show_feedback": show_feedback,
                "due_on": state.due_on if state else None,
                "questions": question_views(
                    _questions(attempt),
                    order=attempt.question_order,
                    choice_order=attempt.choice_order,
                    responses=responses,
                ),
            },
        )
