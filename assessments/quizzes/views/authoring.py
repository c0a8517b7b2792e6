"""Quiz authoring for a course's authors: settings, questions of every kind, preview, GIFT
import and export, item analysis.

The course comes through `CourseAuthorMixin` (`Course.objects.editable_by(user)`): someone who
is not one of its authors gets 403, a visitor is sent to sign in. Quizzes and questions are
looked up inside that course, so another course's ids answer 404.
"""

from dataclasses import dataclass

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
from assessments.quizzes import bank, services
from assessments.quizzes.analysis import MIN_ATTEMPTS, analyse
from assessments.quizzes.display import question_views
from assessments.quizzes.forms import (
    GIFT,
    XML,
    DrawForm,
    QuestionForm,
    QuestionImportForm,
    QuizForm,
    answer_formset,
)
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
    QuestionKind.SHORT: ("Accepted answers", ["text", "variants", "fraction", "feedback"]),
    QuestionKind.NUMERIC: (
        "Accepted numbers",
        ["value", "tolerance", "low", "high", "fraction", "feedback"],
    ),
    QuestionKind.ESSAY: ("", []),
    QuestionKind.LIKERT: ("Scale points", ["text"]),
    QuestionKind.DESCRIPTION: ("", []),
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
    QuestionKind.SHORT: "Spaces and the punctuation around an answer are ignored, and so is case "
    "unless you tick “case sensitive”; a dash counts as a space. Under each answer, list "
    "other spellings and synonyms that count as it, one a line; misspellings of answers of 4 "
    "letters or more may be allowed too. A * stands for any letters.",
    QuestionKind.NUMERIC: "Give a value with a tolerance (e.g. 24 ± 0), or a range (from, to). "
    "Partial credit by weight.",
    QuestionKind.ESSAY: "Scored by a trainer; the attempt's result waits until then.",
    QuestionKind.LIKERT: "Not scored: for the course evaluation and opinions.",
    QuestionKind.DESCRIPTION: "Text shown among the questions (a case vignette, a passage to "
    "read): never answered, never scored.",
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
        draws = list(quiz.draws.select_related("category").order_by("position"))
        available = bank.pool_sizes(quiz)
        for draw in draws:
            draw.available = available[draw.pk]
        questions = list(quiz.questions.order_by("position").prefetch_related("answers"))
        objectives = objective_rows(self.course, questions) if quiz.is_survey else None
        return super().get_context_data(
            quiz=quiz,
            module=quiz.module,
            questions=questions,
            objectives=objectives,
            objectives_unrated=sum(row.item is None for row in objectives or []),
            kinds=QuestionKind.choices,
            attempt_count=quiz.attempts.submitted().count(),
            delete_refusal=DELETE_REFUSAL,
            draws=draws,
            question_count=bank.question_count(quiz),
            draw_form=None if quiz.is_survey else DrawForm(course=self.course),
            **kwargs,
        )


@dataclass(frozen=True)
class ObjectiveRow:
    """One learning objective of the course, and the evaluation's rating item for it if any."""

    number: int
    text: str
    item: Question | None


def objective_rows(course, questions: list[Question]) -> list[ObjectiveRow]:
    by_number = {q.learning_objective: q for q in questions if q.learning_objective}
    return [
        ObjectiveRow(number, text, by_number.get(number))
        for number, text in enumerate(course.objectives, start=1)
    ]


# Shown where deleting would be offered, so an author never meets a button that is then refused.
DELETE_REFUSAL = "Trainees have submitted attempts: it cannot be deleted."


class QuizDeleteView(QuizAuthorMixin, TemplateView):
    template_name = "assessments/quizzes/authoring/quiz_delete.html"

    def get_context_data(self, **kwargs):
        quiz = self.get_quiz()
        return super().get_context_data(
            quiz=quiz,
            module=quiz.module,
            deletable=not quiz.attempts.submitted().exists(),
            delete_refusal=DELETE_REFUSAL,
            **kwargs,
        )

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
    """Add a question of one kind, or edit one: its text and settings, and its answers. For a
    quiz's own question; `BankQuestionFormView` reuses it for the bank's."""

    template_name = "assessments/quizzes/authoring/question_form.html"
    category = None

    def setup_target(self):
        self.quiz = self.get_quiz()

    def questions(self):
        return Question.objects.filter(quiz=self.quiz)

    def back_url(self, question=None) -> str:
        return self.quiz_url(self.quiz, f"question-{question.pk}" if question else "")

    def another_url(self) -> str:
        return reverse(
            "quiz_authoring:question_create", args=[self.course.slug, self.quiz.pk, self.kind]
        )

    def setup_objects(self):
        self.setup_target()
        if "question_id" in self.kwargs:
            self.question = get_object_or_404(
                self.questions().prefetch_related("answers"), pk=self.kwargs["question_id"]
            )
            self.kind = self.question.kind
        else:
            self.question = None
            self.kind = self.kwargs["kind"]
            if self.kind not in QuestionKind.values:
                raise Http404("No such kind of question.")

    def get(self, request, *args, **kwargs):
        self.setup_objects()
        form = QuestionForm(instance=self.question, kind=self.kind)
        formset = answer_formset(self.kind, question=self.question)
        return self.render_to_response(self.get_context_data(form=form, formset=formset))

    def post(self, request, *args, **kwargs):
        self.setup_objects()
        form = QuestionForm(request.POST, instance=self.question, kind=self.kind)
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
                    category=self.category,
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
                    return redirect(self.another_url())
                return redirect(self.back_url(question))
        context = self.get_context_data(form=form, formset=formset, answer_errors=answer_errors)
        return self.render_to_response(context, status=200)

    def get_context_data(self, **kwargs):
        title, columns = ANSWER_COLUMNS[self.kind]
        answered = 0
        if self.question is not None:
            answered = self.question.responses.filter(attempt__submitted_at__isnull=False).count()
        return super().get_context_data(
            quiz=self.quiz,
            module=self.quiz.module if self.quiz else None,
            category=self.category,
            place=self.quiz.title if self.quiz else self.category.name,
            back_url=self.back_url(),
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
            draws=list(quiz.draws.select_related("category").order_by("position")),
            **kwargs,
        )


class QuestionImportView(QuizAuthorMixin, FormView):
    """Moodle XML or GIFT into the quiz (`BankImportView` does it into a bank category)."""

    form_class = QuestionImportForm
    template_name = "assessments/quizzes/authoring/question_import.html"

    def target(self) -> dict:
        return {"quiz": self.get_quiz()}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "into_bank": "category" in self.target()}

    def get_context_data(self, **kwargs):
        target = self.target()
        quiz, category = target.get("quiz"), target.get("category")
        return super().get_context_data(
            quiz=quiz,
            module=quiz.module if quiz else None,
            category=category,
            place=quiz.title if quiz else category.name,
            back_url=self.quiz_url(quiz) if quiz else bank_category_url(category),
            **kwargs,
        )

    def form_valid(self, form):
        data = form.cleaned_data
        importer = services.import_moodle_xml if data["format"] == XML else services.import_gift
        source = {"data": data["source"]} if data["format"] == XML else {"text": data["source"]}
        try:
            options = {"skip_invalid": data["skip_invalid"]}
            if "file_categories" in data:
                options["file_categories"] = data["file_categories"]
            report = importer(**source, **self.target(), **options)
        except ValidationError as error:  # an image that is not an image, and the like
            form.add_error(None, error_text(error))
            return self.form_invalid(form)
        if report.imported and not report.errors:
            messages.success(self.request, f"Imported {len(report.imported)} questions.")
        return self.render_to_response(self.get_context_data(form=form, report=report))


def question_file_response(content, *, name: str, fmt: str) -> HttpResponse:
    if fmt == XML:
        response = HttpResponse(content, content_type="application/xml; charset=utf-8")
        attachment_headers(response, f"{slugify(name) or 'questions'}.xml")
    else:
        response = HttpResponse(content, content_type="text/plain; charset=utf-8")
        attachment_headers(response, f"{slugify(name) or 'questions'}.gift.txt")
    return response


class QuestionExportView(QuizAuthorMixin, View):
    fmt = GIFT
    exporters = {GIFT: services.export_gift, XML: services.export_moodle_xml}

    def get(self, request, slug, quiz_id):
        quiz = self.get_quiz()
        exporter = self.exporters[self.fmt]
        return question_file_response(exporter(quiz=quiz), name=quiz.title, fmt=self.fmt)


class DrawCreateView(QuizAuthorMixin, View):
    def post(self, request, slug, quiz_id):
        quiz = self.get_quiz()
        form = DrawForm(request.POST, course=self.course)
        if not form.is_valid():
            messages.error(request, error_text(ValidationError(form.errors)))
            return redirect(self.quiz_url(quiz, "draws-title"))
        try:
            draw = bank.add_draw(quiz=quiz, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, error_text(error))
            return redirect(self.quiz_url(quiz, "draws-title"))
        messages.success(request, f"Each attempt now draws {draw.count} from “{draw.category}”.")
        return redirect(self.quiz_url(quiz, "draws-title"))


class DrawDeleteView(QuizAuthorMixin, View):
    def post(self, request, slug, quiz_id, draw_id):
        quiz = self.get_quiz()
        draw = get_object_or_404(quiz.draws.select_related("category"), pk=draw_id)
        bank.delete_draw(draw=draw)
        messages.success(
            request,
            f"Removed the draw from “{draw.category}”; attempts already taken keep what they drew.",
        )
        return redirect(self.quiz_url(quiz, "draws-title"))


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


def bank_category_url(category, anchor: str = "") -> str:
    url = reverse("quiz_authoring:bank_category", args=[category.course.slug, category.pk])
    return f"{url}#{anchor}" if anchor else url
