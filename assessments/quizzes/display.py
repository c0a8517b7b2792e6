"""What the player, the review and the preview print for each question: its controls in the
attempt's order with the saved answer filled in, and (when allowed) the verdict, the feedback
for what was picked and the right answer."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString

from assessments.models import Grade
from assessments.quizzes import formats
from assessments.quizzes.rules import variant_lines
from assessments.quizzes.scoring import accepted_answer, is_answered, parse_number
from assessments.taxonomy import UNANSWERED_KINDS, QuestionKind

CHOICE_INPUT = {
    QuestionKind.SINGLE: "radio",
    QuestionKind.TRUE_FALSE: "radio",
    QuestionKind.LIKERT: "radio",
    QuestionKind.MULTIPLE: "checkbox",
}


@dataclass
class Option:
    answer: object
    label: SafeString  # the answer's text as inline HTML, in its format
    selected: bool = False
    position: int | None = None  # ordering: the position the trainee chose
    picked_id: int | None = None  # matching: the right-hand answer chosen for this item


@dataclass(frozen=True)
class RightOption:
    """A matching question's right-hand side, as plain text: a `<select>` option holds no HTML."""

    pk: int
    label: str


@dataclass(frozen=True)
class AnswerFeedback:
    label: SafeString
    feedback: SafeString


@dataclass
class QuestionView:
    number: int
    question: object
    answers: list  # the question's answers in their stored (correct) order
    options: list = field(default_factory=list)  # Options in the attempt's order
    right_options: list = field(default_factory=list)  # matching: the right-hand column
    text: str = ""
    response: object = None
    answered: bool = False
    warning: str = ""
    checked: bool = False  # immediate feedback given; the answer is final
    grade: object = None  # an essay's trainer grade, once released

    @property
    def field_name(self) -> str:
        return f"q{self.question.pk}"

    @property
    def input_type(self) -> str:
        return CHOICE_INPUT.get(self.question.kind, "")

    @property
    def positions(self) -> range:
        return range(1, len(self.answers) + 1)

    @property
    def verdict(self) -> str:
        """right / partly right / wrong / awaiting grading / not scored."""
        if self.question.kind == QuestionKind.LIKERT:
            return "Not scored"
        if not self.answered:
            return "Not answered"
        fraction = self.response.fraction
        if fraction is None:
            return "Awaiting grading"  # an essay no trainer has scored yet
        if fraction >= 1:
            return "Correct"
        return "Partly correct" if fraction > 0 else "Incorrect"

    @property
    def picked_feedback(self) -> list[SafeString]:
        """The feedback written for the answers the trainee picked or typed, as HTML."""
        chosen = self._matched_answers()
        return [formats.answer_feedback(a, self.question) for a in chosen if a.feedback]

    @property
    def answer_feedback(self) -> list[AnswerFeedback]:
        """Every answer's feedback with the answer it is for: the preview's answer key."""
        return [
            AnswerFeedback(
                self._label(a) if a.text.strip() else self._match(a),
                formats.answer_feedback(a, self.question),
            )
            for a in self.answers
            if a.feedback
        ]

    @property
    def general_feedback(self) -> SafeString:
        return formats.general_feedback(self.question) if self.question.general_feedback else ""

    def _label(self, answer) -> SafeString:
        if self.question.kind == QuestionKind.SHORT:
            # A pattern to type, `*` a wildcard: never formatted. Its other spellings count too.
            variants = variant_lines(answer.variants)
            if variants:
                return format_html("{} (also: {})", answer.text, ", ".join(variants))
            return escape(answer.text)
        return formats.answer_label(answer, self.question)

    def _match(self, answer) -> str:
        return formats.plain_text(answer.match, formats.answer_format(answer, self.question))

    def _matched_answers(self) -> list:
        kind, answer = self.question.kind, (self.response.answer if self.response else {})
        if kind in CHOICE_INPUT:
            ids = set(answer.get("choices", [])) | {answer.get("choice")}
            return [a for a in self.answers if a.pk in ids]
        if kind in (QuestionKind.SHORT, QuestionKind.NUMERIC):
            best = accepted_answer(self.question, self.answers, answer)
            return [best] if best else []
        return []

    @property
    def right_answer(self) -> list[str]:
        """The right answer in words, as HTML lines for the review."""
        kind, label = self.question.kind, self._label
        if kind in (QuestionKind.SINGLE, QuestionKind.TRUE_FALSE, QuestionKind.SHORT):
            return [label(a) for a in self.answers if a.fraction == 100]
        if kind == QuestionKind.MULTIPLE:
            return [
                format_html("{} ({}%)", label(a), f"{a.fraction.normalize():f}")
                for a in self.answers
                if a.fraction > 0
            ]
        if kind == QuestionKind.MATCHING:
            return [
                format_html("{} → {}", label(a), self._match(a))
                for a in self.answers
                if a.text.strip()
            ]
        if kind == QuestionKind.ORDERING:
            return [format_html("{}. {}", i, label(a)) for i, a in enumerate(self.answers, 1)]
        if kind == QuestionKind.NUMERIC:
            return [numeric_key(a) for a in self.answers if a.fraction == 100]
        return []


def numeric_key(answer) -> str:
    """A numeric answer as the key shows it: "24", "24 ± 0.5" or "from 3 to 7"."""
    if answer.value is None:
        return f"from {answer.low.normalize():f} to {answer.high.normalize():f}"
    tolerance = (answer.tolerance or Decimal(0)).normalize()
    value = f"{answer.value.normalize():f}"
    return f"{value} ± {tolerance:f}" if tolerance else value


def question_views(questions: list, *, order: list[int], choice_order: dict, responses: dict):
    """QuestionViews for the attempt's questions in the attempt's order. `questions` have their
    answers prefetched; `responses` is {question id: Response}."""
    by_id = {q.pk: q for q in questions}
    views, number = [], 0
    for question_id in order:
        question = by_id.get(question_id)
        if question is None:
            continue  # deleted since the attempt began
        # Text to read takes no question number (the questions around it keep theirs).
        number += question.kind not in UNANSWERED_KINDS
        views.append(_view(number, question, choice_order, responses.get(question_id)))
    _attach_released_grades(views)
    return views


def _attach_released_grades(views: list[QuestionView]) -> None:
    """Released essay grades with their answers, for the trainer's feedback in the review. An
    essay's response has a score only once its grade is released, so no query is made before."""
    scored = {
        v.response.pk: v
        for v in views
        if v.question.kind == QuestionKind.ESSAY and v.response and v.response.score is not None
    }
    if scored:
        for grade in Grade.objects.released().filter(response_id__in=scored):
            scored[grade.response_id].grade = grade


def _view(number, question, choice_order, response) -> QuestionView:
    answers = list(question.answers.all())
    by_id = {a.pk: a for a in answers}
    shown = [by_id[i] for i in choice_order.get(str(question.pk), []) if i in by_id]
    # Answers added after the attempt began still show, at the end.
    shown += [a for a in answers if a not in shown]
    saved = response.answer if response else {}
    view = QuestionView(number, question, answers, response=response)
    view.answered = is_answered(question, saved)
    view.checked = bool(response and response.checked_at)
    kind = question.kind
    if kind in CHOICE_INPUT:
        picked = set(saved.get("choices", [])) | {saved.get("choice")}
        view.options = [Option(a, view._label(a), selected=a.pk in picked) for a in shown]
    elif kind == QuestionKind.MATCHING:
        pairs = saved.get("pairs", {})
        view.options = [
            Option(a, view._label(a), picked_id=pairs.get(str(a.pk)))
            for a in answers
            if a.text.strip()
        ]
        view.right_options = [RightOption(a.pk, view._match(a)) for a in shown]
    elif kind == QuestionKind.ORDERING:
        positions = saved.get("positions", {})
        view.options = [Option(a, view._label(a), position=positions.get(str(a.pk))) for a in shown]
        chosen = [p for p in positions.values() if p]
        if len(chosen) != len(set(chosen)):
            view.warning = "Two items share a position; give each item its own."
    else:
        view.text = saved.get("text", "")
        if kind == QuestionKind.NUMERIC and view.text.strip() and parse_number(view.text) is None:
            view.warning = "This is not a number; it scores 0 as it stands."
    return view
