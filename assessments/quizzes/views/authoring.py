"""Quiz authoring for a course's authors: settings, questions of every kind, preview, GIFT
import and export, item analysis.

The course comes through `CourseAuthorMixin` (`Course.objects.editable_by(user)`): someone who
is not one of its authors gets 403, a visitor is sent to sign in. Quizzes and questions are
looked up inside that course, so another course's ids answer 404.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.views import View
from django.views.generic import FormView, TemplateView

from assessments.models import Question, Quiz
from assessments.quizzes import services
from assessments.quizzes.analysis import MIN_ATTEMPTS, analyse
from assessments.quizzes.display import question_views
from assessments.quizzes.forms import GiftImportForm, QuestionForm, QuizForm, answer_formset
from assessments.taxonomy import QuestionKind
from courses.access import CourseAuthorMixin
from courses.models import Cohort
from dbt_training.core.errors import ServiceFormMixin, add_errors_around, error_text
from dbt_training.core.http import attachment_headers
from modules.models import Module
from modules.views.authoring import move_offset, moved_message

# Which answer columns each kind's form shows, and what a row is called there.
ANSWER_COLUMNS = {
    QuestionKind.SINGLE: ("Choices", ["text", "fraction", "feedback"]),
    QuestionKind.MULTIPLE: ("Choices", ["text", "fraction", "feedback"]),
    QuestionKind.TRUE_FALSE: ("Answers", ["fraction", "feedback"]),
    QuestionKind.MATCHING: ("Pairs", ["text", "match"]),
    QuestionKind.ORDERING: ("Items, in the right order", ["text"]),
    QuestionKind.SHORT: ("Accepted answers", ["text", "fraction", "feedback"]),
    QuestionKind.NUMERIC: (
        "Accepted numbers",
        ["value", "tolerance", "low", "high", "fraction", "feedback"],
    ),
    QuestionKind.ESSAY: ("", []),
    QuestionKind.LIKERT: ("Scale points", ["text"]),
}
HELP = {
    QuestionKind.SINGLE: "One choice at 100%; others 0% or partial credit.",
    QuestionKind.MULTIPLE: "Positive weights add up to 100%; wrong choices may carry a negative "
    "weight (the question's score never goes below 0).",
    QuestionKind.TRUE_FALSE: "Give the right answer 100% and the other 0%.",
    QuestionKind.MATCHING: "Each item on the left is matched from the list of right-hand sides. "
    "A row with only a right-hand side adds a distractor.",
    QuestionKind.ORDERING: "List the items in their right order; trainees see them shuffled and "
    "score for each item in its place.",
    QuestionKind.SHORT: "Spaces are trimmed; case is ignored unless you tick “case sensitive”.",
    QuestionKind.NUMERIC: "Give a value with a tolerance (e.g. 24 ± 0), or a range (from, to). "
    "Partial credit by weight.",
    QuestionKind.ESSAY: "Scored by a trainer; the attempt's result waits until then.",
    QuestionKind.LIKERT: "Not scored: for the course evaluation and opinions.",
}


class QuizAuthorMixin(CourseAuthorMixin):
    @cached_property
    def quiz(self) -> Quiz:
        return self.get_quiz()

    def get_quiz(self) -> Quiz:
        return get_object_or_404(
            Quiz.objects.select_related("module__course"),
            pk=self.kwargs["quiz_id"],
            module__course=self.course,
        )

    def quiz_url(self, quiz: Quiz, anchor: str = "") -> str:
        url = reverse("quiz_authoring:quiz", args=[self.course.slug, quiz.pk])
        return f"{url}#{anchor}" if anchor else url


class QuizCreateView(ServiceFormMixin, QuizAuthorMixin, FormView):
    form_class = QuizForm
    template_name = "assessments/quizzes/authoring/quiz_form.html"

    def get_module(self) -> Module:
        return get_object_or_404(Module, pk=self.kwargs["module_id"], course=self.course)

    def get_context_data(self, **kwargs):
        return super().get_context_data(module=self.get_module(), **kwargs)

    def call_service(self, form):
        quiz = services.create_quiz(module=self.get_module(), **form.cleaned_data)
        messages.success(self.request, f"Created “{quiz.title}”. Now add its questions.")
        return redirect(self.quiz_url(quiz))


class QuizSettingsView(ServiceFormMixin, QuizAuthorMixin, FormView):
    form_class = QuizForm
    template_name = "assessments/quizzes/authoring/quiz_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": Quiz.objects.get(pk=self.quiz.pk)}

    def get_context_data(self, **kwargs):
        return super().get_context_data(quiz=self.quiz, module=self.quiz.module, **kwargs)

    def call_service(self, form):
        services.update_quiz(quiz=self.quiz, **form.cleaned_data)
        messages.success(self.request, "Quiz settings saved.")
        return redirect(self.quiz_url(self.quiz))


class QuizEditorView(QuizAuthorMixin, TemplateView):
    template_name = "assessments/quizzes/authoring/quiz_editor.html"

    def get_context_data(self, **kwargs):
        quiz = self.get_quiz()
        return super().get_context_data(
            quiz=quiz,
            module=quiz.module,
            questions=list(quiz.questions.order_by("position").prefetch_related("answers")),
            kinds=QuestionKind.choices,
            attempt_count=quiz.attempts.submitted().count(),
            **kwargs,
        )


class QuizDeleteView(QuizAuthorMixin, TemplateView):
    template_name = "modules/authoring/confirm_delete.html"

    def get_context_data(self, **kwargs):
        quiz = self.get_quiz()
        return super().get_context_data(thing=f"the quiz “{quiz.title}”", **kwargs)

    def post(self, request, slug, quiz_id):
        quiz = self.get_quiz()
        try:
            services.delete_quiz(quiz=quiz)
        except ValidationError as error:
            messages.error(request, error_text(error))
            return redirect(self.quiz_url(quiz))
        messages.success(request, f"Deleted quiz “{quiz.title}”.")
        return redirect(reverse("authoring:course", args=[slug]) + f"#module-{quiz.module_id}")


class QuestionFormView(QuizAuthorMixin, TemplateView):
    """Add a question of one kind, or edit one: its text and settings, and its answers."""

    template_name = "assessments/quizzes/authoring/question_form.html"

    def setup_objects(self):
        self.quiz = self.get_quiz()
        if "question_id" in self.kwargs:
            self.question = get_object_or_404(
                Question.objects.prefetch_related("answers"),
                pk=self.kwargs["question_id"],
                quiz=self.quiz,
            )
            self.kind = self.question.kind
        else:
            self.question = None
            self.kind = self.kwargs["kind"]
            if self.kind not in QuestionKind.values:
                raise Http404("No such kind of question.")

    def get(self, request, *args, **kwargs):
        self.setup_objects()
        form = QuestionForm(instance=self.question)
        formset = answer_formset(self.kind, question=self.question)
        return self.render_to_response(self.get_context_data(form=form, formset=formset))

    def post(self, request, *args, **kwargs):
        self.setup_objects()
        form = QuestionForm(request.POST, instance=self.question)
        formset = answer_formset(self.kind, data=request.POST, question=self.question)
        answer_errors = []
        if form.is_valid() and formset.is_valid():
            answers = [
                row.to_answer()
                for row in formset.forms
                if row.cleaned_data and not row.cleaned_data.get("DELETE") and not row.is_blank()
            ]
            fields = {name: form.cleaned_data[name] for name in QuestionForm.Meta.fields}
            try:
                question = services.save_question(
                    quiz=self.quiz,
                    question=self.question,
                    kind=self.kind,
                    answers=answers,
                    **fields,
                )
            except ValidationError as error:
                answer_errors = add_errors_around(form, error, rows="answers")
            else:
                messages.success(request, f"Saved question {question.position}.")
                if request.POST.get("then") == "another":
                    return redirect(
                        "quiz_authoring:question_create",
                        slug=self.course.slug,
                        quiz_id=self.quiz.pk,
                        kind=self.kind,
                    )
                return redirect(self.quiz_url(self.quiz, f"question-{question.pk}"))
        context = self.get_context_data(form=form, formset=formset, answer_errors=answer_errors)
        return self.render_to_response(context, status=200)

    def get_context_data(self, **kwargs):
        title, columns = ANSWER_COLUMNS[self.kind]
        answered = 0
        if self.question is not None:
            answered = self.question.responses.filter(attempt__submitted_at__isnull=False).count()
        return super().get_context_data(
            quiz=self.quiz,
            module=self.quiz.module,
            question=self.question,
            kind=self.kind,
            kind_label=QuestionKind(self.kind).label,
            answers_title=title,
            columns=columns,
            kind_help=HELP[self.kind],
            answered=answered,
            **kwargs,
        )


class QuestionDeleteView(QuizAuthorMixin, TemplateView):
    template_name = "modules/authoring/confirm_delete.html"

    def get_question(self) -> Question:
        return get_object_or_404(Question, pk=self.kwargs["question_id"], quiz=self.get_quiz())

    def get_context_data(self, **kwargs):
        question = self.get_question()
        return super().get_context_data(thing=f"the question “{question.label}”", **kwargs)

    def post(self, request, slug, quiz_id, question_id):
        question = self.get_question()
        try:
            services.delete_question(question=question)
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, "Deleted the question.")
        return redirect(self.quiz_url(question.quiz))


class QuestionMoveView(QuizAuthorMixin, View):
    def post(self, request, slug, quiz_id, question_id):
        question = get_object_or_404(Question, pk=question_id, quiz=self.get_quiz())
        offset, before = move_offset(request), question.position
        moved = services.move_question(question=question, offset=offset)
        messages.success(
            request, moved_message(f"question {before}", before, moved.position, offset)
        )
        return redirect(self.quiz_url(question.quiz, f"question-{question.pk}"))


class QuizPreviewView(QuizAuthorMixin, TemplateView):
    """The quiz as a trainee sees it (nothing saved), with the answer key under each question."""

    template_name = "assessments/quizzes/authoring/quiz_preview.html"

    def get_context_data(self, **kwargs):
        quiz = self.get_quiz()
        questions = list(quiz.questions.order_by("position").prefetch_related("answers"))
        return super().get_context_data(
            quiz=quiz,
            module=quiz.module,
            questions=question_views(
                questions, order=[q.pk for q in questions], choice_order={}, responses={}
            ),
            **kwargs,
        )


class GiftImportView(QuizAuthorMixin, FormView):
    form_class = GiftImportForm
    template_name = "assessments/quizzes/authoring/gift_import.html"

    def get_context_data(self, **kwargs):
        quiz = self.get_quiz()
        return super().get_context_data(quiz=quiz, module=quiz.module, **kwargs)

    def form_valid(self, form):
        quiz = self.get_quiz()
        report = services.import_gift(
            quiz=quiz,
            text=form.cleaned_data["source"],
            skip_invalid=form.cleaned_data["skip_invalid"],
        )
        if report.imported and not report.errors:
            messages.success(self.request, f"Imported {len(report.imported)} questions.")
        return self.render_to_response(self.get_context_data(form=form, report=report))


class GiftExportView(QuizAuthorMixin, View):
    def get(self, request, slug, quiz_id):
        quiz = self.get_quiz()
        response = HttpResponse(
            services.export_gift(quiz=quiz), content_type="text/plain; charset=utf-8"
        )
        name = slugify(quiz.title) or "quiz"
        attachment_headers(response, f"{name}.gift.txt")
        return response


class ItemAnalysisView(QuizAuthorMixin, TemplateView):
    template_name = "assessments/quizzes/authoring/item_analysis.html"

    def get_context_data(self, **kwargs):
        quiz = self.get_quiz()
        cohorts = list(Cohort.objects.filter(course=self.course).order_by("-starts_on", "name"))
        raw = self.request.GET.get("cohort", "")
        cohort_id = int(raw) if raw.isdigit() and int(raw) in {c.pk for c in cohorts} else None
        return super().get_context_data(
            quiz=quiz,
            module=quiz.module,
            cohorts=cohorts,
            cohort_id=cohort_id,
            analysis=analyse(quiz, cohort_id=cohort_id),
            min_attempts=MIN_ATTEMPTS,
            **kwargs,
        )
