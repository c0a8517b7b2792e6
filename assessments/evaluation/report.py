"""The course evaluation report: what trainees answered on an evaluation survey, aggregated and
anonymous.

Each trainee counts once, with their latest submitted attempt (drafts never count). Per question,
in the survey's order: a Likert question gives the count on every scale point (zeros included)
and the mean on the scale's values (1 for the first point, 2 for the next, ...); a choice
question the count for each choice; a free-text question the answers, sorted alphabetically so
that their order says nothing about who answered when, blanks dropped. The report carries no
names, attempt ids or dates. Below MIN_RESPONSES trainees it withholds everything: with one or
two answers, the trainers could tell who said what.

The Likert items that rate one of the course's learning objectives (`Question.learning_objective`)
are also gathered per objective, with the objective's text as the course states it now: CE
sponsors (APA's standards among them) are asked to collect ratings for each stated objective.
Percentages follow the app's one rule (`share_percent`: whole, rounded down).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Exists, OuterRef, Q

from assessments.models import Attempt, Question, Quiz, Response
from assessments.quizzes import formats
from assessments.taxonomy import QuestionKind
from dbt_training.core.formatting import share_percent
from dbt_training.core.spreadsheets import Column, Sheet

MIN_RESPONSES = 3
WITHHELD = (
    f"At least {MIN_RESPONSES} responses are needed before results are shown, "
    "so that no one can be identified."
)

CHOICE_KINDS = {QuestionKind.SINGLE, QuestionKind.TRUE_FALSE, QuestionKind.MULTIPLE}
TEXT_KINDS = {QuestionKind.ESSAY, QuestionKind.SHORT, QuestionKind.NUMERIC}


class SummaryKind:
    LIKERT = "likert"
    CHOICE = "choice"
    TEXT = "text"
    OTHER = "other"  # matching and ordering: not summarised


@dataclass(frozen=True)
class PointCount:
    """One scale point or choice: how many picked it, and their share of the question's answers."""

    label: str
    count: int
    percent: int
    value: int | None = None  # Likert: the point's value on the scale


@dataclass
class QuestionSummary:
    number: int
    question: Question
    kind: str  # a SummaryKind
    answered: int = 0
    points: list[PointCount] = field(default_factory=list)
    mean: Decimal | None = None
    texts: list[str] = field(default_factory=list)

    @property
    def shows_text(self) -> bool:
        """Whether the heading (the question's label) leaves part of its text unsaid."""
        return bool(self.question.name) or self.question.label != self.question.text

    @property
    def several_allowed(self) -> bool:
        return self.question.kind == QuestionKind.MULTIPLE


@dataclass(frozen=True)
class ObjectiveSummary:
    """One learning objective and the ratings of the evaluation's item on it."""

    number: int  # the objective's place in the course's list, from 1
    text: str  # as the course states it now; "" when the course no longer lists it
    summary: QuestionSummary


@dataclass
class EvaluationReport:
    quiz: Quiz
    cohort: object = None
    withheld: bool = True
    respondents: int | None = None  # None while withheld
    questions: list[QuestionSummary] = field(default_factory=list)
    left_out_cohorts: int = 0  # cohorts with 1-2 answers, not counted in an all-cohorts total
    objectives: list[ObjectiveSummary] = field(default_factory=list)  # in objective order

    @property
    def other_questions(self) -> list[QuestionSummary]:
        """The questions not shown under the learning objectives."""
        shown = {objective.summary.question.pk for objective in self.objectives}
        return [summary for summary in self.questions if summary.question.pk not in shown]


def counted_attempts(quiz: Quiz, *, cohort=None, within=None):
    """Each trainee's latest submitted attempt at `quiz` (in `cohort`, if given; else in the
    cohorts `within`, if given)."""
    submitted = Attempt.objects.submitted().filter(quiz=quiz)
    if cohort is not None:
        submitted = submitted.filter(enrollment__cohort=cohort)
    elif within is not None:
        submitted = submitted.filter(enrollment__cohort__in=within)
    later = submitted.filter(enrollment__user=OuterRef("enrollment__user")).filter(
        Q(submitted_at__gt=OuterRef("submitted_at"))
        | Q(submitted_at=OuterRef("submitted_at"), pk__gt=OuterRef("pk"))
    )
    return submitted.filter(~Exists(later))


def report(quiz: Quiz, *, cohort=None, within=None) -> EvaluationReport:
    """The anonymous aggregate of `quiz`'s answers, over all its cohorts (or those `within`) or
    one; one query while withheld, four otherwise (five when `quiz` comes without its module
    and course selected: the objectives' texts are the course's), however many trainees and
    questions."""
    attempts = counted_attempts(quiz, cohort=cohort, within=within)
    left_out = 0
    if cohort is None:
        # A cohort too small to report on its own is left out of every total too: otherwise the
        # total minus the other cohorts' reports would give its few answers away.
        small = [
            cohort_id
            for cohort_id, count in attempts.order_by()
            .values_list("enrollment__cohort")
            .annotate(count=Count("pk"))
            if count < MIN_RESPONSES
        ]
        if small:
            attempts, left_out = attempts.exclude(enrollment__cohort__in=small), len(small)
    respondents = attempts.count()
    if respondents < MIN_RESPONSES:
        return EvaluationReport(quiz=quiz, cohort=cohort, left_out_cohorts=left_out)
    answers = defaultdict(list)  # question id -> [saved answer]
    for question_id, answer in Response.objects.filter(attempt__in=attempts).values_list(
        "question_id", "answer"
    ):
        answers[question_id].append(answer or {})
    questions = quiz.questions.order_by("position", "pk").prefetch_related("answers")
    summaries = [
        summarise(number, question, answers[question.pk])
        for number, question in enumerate(questions, start=1)
    ]
    return EvaluationReport(
        quiz=quiz,
        cohort=cohort,
        withheld=False,
        respondents=respondents,
        left_out_cohorts=left_out,
        questions=summaries,
        objectives=objective_summaries(quiz.module.course.objectives, summaries),
    )


def objective_summaries(
    objectives: list[str], summaries: list[QuestionSummary]
) -> list[ObjectiveSummary]:
    """The Likert items on a learning objective, by objective number (then survey order), each
    with the objective's text."""
    rated = [
        summary
        for summary in summaries
        if summary.kind == SummaryKind.LIKERT and summary.question.learning_objective
    ]
    rated.sort(key=lambda summary: (summary.question.learning_objective, summary.number))
    return [
        ObjectiveSummary(
            number=(number := summary.question.learning_objective),
            text=objectives[number - 1] if number <= len(objectives) else "",
            summary=summary,
        )
        for summary in rated
    ]


def summarise(number: int, question: Question, saved: list[dict]) -> QuestionSummary:
    """One question's aggregate from its saved answers (the `Response.answer` dicts)."""
    kind = question.kind
    if kind == QuestionKind.LIKERT:
        return _likert(number, question, saved)
    if kind in CHOICE_KINDS:
        return _choices(number, question, saved)
    if kind in TEXT_KINDS:
        texts = [(a.get("text") or "").strip() for a in saved]
        texts = sorted((t for t in texts if t), key=lambda t: (t.casefold(), t))
        return QuestionSummary(number, question, SummaryKind.TEXT, len(texts), texts=texts)
    return QuestionSummary(number, question, SummaryKind.OTHER)


def _picked(question: Question, saved: list[dict]) -> tuple[list, list[set[int]]]:
    """The question's choices, and for each answer the set of its choices picked (only answers
    that picked at least one of them)."""
    choices = list(question.answers.all())
    ids = {choice.pk for choice in choices}
    picks = []
    for answer in saved:
        picked = set(answer.get("choices") or []) | {answer.get("choice")}
        picked &= ids  # a point deleted since, or nothing
        if picked:
            picks.append(picked)
    return choices, picks


def _likert(number: int, question: Question, saved: list[dict]) -> QuestionSummary:
    choices, picks = _picked(question, saved)
    counts = {choice.pk: sum(choice.pk in p for p in picks) for choice in choices}
    answered = len(picks)
    points = [
        PointCount(
            formats.plain_text(choice.text, formats.answer_format(choice, question)),
            counts[choice.pk],
            percent(counts[choice.pk], answered),
            value,
        )
        for value, choice in enumerate(choices, start=1)
    ]
    mean = None
    if answered:
        total = sum(point.value * point.count for point in points)
        mean = (Decimal(total) / answered).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return QuestionSummary(number, question, SummaryKind.LIKERT, answered, points, mean)


def _choices(number: int, question: Question, saved: list[dict]) -> QuestionSummary:
    choices, picks = _picked(question, saved)
    answered = len(picks)
    points = []
    for choice in choices:
        count = sum(choice.pk in p for p in picks)
        label = formats.plain_text(choice.text, formats.answer_format(choice, question))
        points.append(PointCount(label, count, percent(count, answered)))
    return QuestionSummary(number, question, SummaryKind.CHOICE, answered, points)


def percent(count: int, of: int) -> int:
    """`count` of `of` by the app's rule for percentages (whole, rounded down); 0 of 0 is 0,
    since nothing was picked."""
    return share_percent(count, of) if of else 0


SHEET_HEADER = [
    "Question number",
    "Question",
    "Type",
    "Answer",
    "Count",
    Column("Percent", percent=True),
    "Answered",
    "Mean",
]


def evaluation_sheet(evaluation: EvaluationReport) -> Sheet:
    """The report as a spreadsheet, a row per scale point, choice or comment, in the survey's
    order (an item on a learning objective named by the objective). While withheld, the header
    and one row that says why."""
    return Sheet("Evaluation", SHEET_HEADER, _sheet_rows(evaluation))


def _sheet_rows(evaluation: EvaluationReport) -> list[list]:
    if evaluation.withheld:
        return [[WITHHELD]]
    # An item on a learning objective is named by the objective it rates, as the page does.
    objective_names = {
        objective.summary.question.pk: f"Objective {objective.number}: {objective.text}"
        if objective.text
        else f"Objective {objective.number} (no longer among the course's objectives)"
        for objective in evaluation.objectives
    }
    rows = []
    for summary in evaluation.questions:
        question = summary.question
        head = [
            summary.number,
            objective_names.get(question.pk) or formats.question_label(question),
            question.get_kind_display(),
        ]
        answered = summary.answered
        if summary.kind in (SummaryKind.LIKERT, SummaryKind.CHOICE):
            for point in summary.points:
                rows.append(
                    [*head, point.label, point.count, point.percent, answered, summary.mean]
                )
        elif summary.kind == SummaryKind.TEXT:
            for text in summary.texts or [""]:
                rows.append([*head, text, None, None, answered, None])
        else:
            rows.append([*head, "Not summarised", None, None, None, None])
    return rows
