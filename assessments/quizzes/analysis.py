"""Item analysis of a quiz, as psychometrics (and Moodle's quiz statistics) define it.

For each question, over the attempt that counts for each trainee (the quiz's own rule):
- facility index: the mean score on the question, as a share of its points (0..1, high = easy);
- discrimination: the correlation (Pearson, -1..1) between the question's score and the score on
  the rest of the quiz; a question that strong trainees get right and weak ones wrong scores
  high, one that does the opposite goes negative and deserves a second look;
- how often each choice was picked (choice questions) or each answer typed (short answer; numeric
  answers counted by their value, so "1991", "1991.0" and "1 991" are one answer, shown "1991").
The page shows them as people read them: facility "73%", discrimination "0.45".
Figures show only from MIN_ATTEMPTS attempts: below that they say more about chance than items.
"""

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.template.defaultfilters import floatformat

from assessments.models import Attempt, Question, Response
from assessments.quizzes import formats
from assessments.quizzes.results import QuizStanding
from assessments.quizzes.scoring import accepted_answer, normalise_typed, parse_number
from assessments.taxonomy import CHOICE_KINDS, UNANSWERED_KINDS, QuestionKind
from dbt_training.core.formatting import percent_text, share_percent

MIN_ATTEMPTS = 5
TOP_TYPED = 5
# Below this a question separates strong from weak trainees too little: worth a second look.
LOW_DISCRIMINATION = 0.2


@dataclass
class ChoiceCount:
    label: str
    count: int
    percent: int
    correct: bool = False


@dataclass
class ItemStats:
    number: int
    question: Question
    answered: int = 0
    shown: int = 0  # attempts that showed it (fewer than all for a question drawn at random)
    drawn: bool = False  # a bank question an attempt drew, not one of the quiz's own
    facility: float | None = None
    discrimination: float | None = None
    choices: list = field(default_factory=list)  # of ChoiceCount

    @property
    def facility_text(self) -> str:
        return "—" if self.facility is None else percent_text(self.facility)

    @property
    def discrimination_text(self) -> str:
        return "—" if self.discrimination is None else floatformat(self.discrimination, 2)

    @property
    def low_discrimination(self) -> bool:
        return self.discrimination is not None and self.discrimination < LOW_DISCRIMINATION


@dataclass
class QuizAnalysis:
    attempt_count: int
    items: list

    @property
    def enough(self) -> bool:
        return self.attempt_count >= MIN_ATTEMPTS


def pearson(xs: list[float], ys: list[float]) -> float | None:
    """The correlation of two equally long series; None when either does not vary."""
    n = len(xs)
    if n < 2:
        return None
    mean_x, mean_y = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mean_x) ** 2 for x in xs)
    syy = sum((y - mean_y) ** 2 for y in ys)
    if sxx == 0 or syy == 0:
        return None
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    return sxy / math.sqrt(sxx * syy)


def analyse(quiz, *, cohort_id: int | None = None) -> QuizAnalysis:
    """Item analysis of `quiz` (optionally one cohort's attempts), in four queries."""
    attempts = Attempt.objects.filter(quiz=quiz).submitted().order_by("number")
    if cohort_id is not None:
        attempts = attempts.filter(enrollment__cohort_id=cohort_id)
    by_enrollment = defaultdict(list)
    for attempt in attempts:
        by_enrollment[attempt.enrollment_id].append(attempt)
    counted = []
    for enrollment_attempts in by_enrollment.values():
        standing = QuizStanding(quiz, enrollment_attempts)
        counted.append(standing.counted)
    questions = list(quiz.questions.order_by("position").prefetch_related("answers"))
    # Questions drawn from the bank count per question, across every draw that showed them.
    fixed = {q.pk for q in questions}
    drawn = {pk for a in counted for pk in a.question_order if pk not in fixed}
    if drawn:
        questions += list(
            Question.objects.filter(pk__in=drawn)
            .select_related("category")
            .prefetch_related("answers")
            .order_by("category__name", "position", "pk")
        )
    questions = [q for q in questions if q.kind not in UNANSWERED_KINDS]
    scores = defaultdict(dict)  # question id -> {attempt id: fraction}
    picks = defaultdict(list)  # question id -> [answer dict]
    for response in Response.objects.filter(attempt__in=[a.pk for a in counted]).only(
        "attempt_id", "question_id", "fraction", "answer"
    ):
        if response.fraction is not None:
            scores[response.question_id][response.attempt_id] = float(response.fraction)
        picks[response.question_id].append(response.answer)
    items = []
    for number, question in enumerate(questions, start=1):
        items.append(
            _item(number, question, counted, scores, picks[question.pk], survey=quiz.is_survey)
        )
    return QuizAnalysis(len(counted), items)


def _item(number, question, counted, scores, picks, *, survey: bool) -> ItemStats:
    takers = [a for a in counted if question.pk in a.question_order]
    stats = ItemStats(
        number, question, answered=len(picks), shown=len(takers), drawn=question.quiz_id is None
    )
    scored = question.kind not in (QuestionKind.LIKERT, QuestionKind.ESSAY) or scores[question.pk]
    if scored and takers and not survey:
        # Unanswered counts as 0, as it did in the attempt's score.
        own = [scores[question.pk].get(a.pk, 0.0) for a in takers]
        stats.facility = sum(own) / len(own)
        stats.discrimination = pearson(own, [_rest_of_quiz(a, question.pk, scores) for a in takers])
    stats.choices = _choice_counts(question, picks)
    return stats


def _rest_of_quiz(attempt, question_id, scores) -> float:
    return sum(
        scores[other].get(attempt.pk, 0.0)
        for other in attempt.question_order
        if other != question_id
    )


def _choice_counts(question, picks) -> list[ChoiceCount]:
    total = len(picks) or 1
    answers = list(question.answers.all())
    if question.kind in CHOICE_KINDS:
        counts = Counter()
        for answer in picks:
            for picked in set(answer.get("choices", [])) | {answer.get("choice")}:
                counts[picked] += 1
        return [
            ChoiceCount(
                formats.plain_text(a.text, formats.answer_format(a, question)),
                counts[a.pk],
                share_percent(counts[a.pk], total),
                a.fraction > 0,
            )
            for a in answers
        ]
    if question.kind in (QuestionKind.SHORT, QuestionKind.NUMERIC):
        # Answers that score alike count together ("Willfulness." and "willfulness"), each group
        # shown as most of its trainees wrote it.
        groups = defaultdict(Counter)
        for pick in picks:
            shown = _typed(question, pick.get("text") or "")
            if shown:
                groups[_group(question, shown)][shown] += 1
        counted = sorted(
            ((sum(g.values()), g.most_common(1)[0][0]) for g in groups.values()),
            key=lambda row: (-row[0], row[1]),
        )
        return [
            ChoiceCount(text, count, share_percent(count, total), _earns(question, answers, text))
            for count, text in counted[:TOP_TYPED]
        ]
    return []


def _typed(question, text: str) -> str:
    """A typed answer as the analysis shows it: spaces collapsed; a number by its value, without
    trailing zeros ("1991.00" → "1991")."""
    if question.kind == QuestionKind.NUMERIC:
        number = parse_number(text)
        if number is not None:
            return f"{number.normalize():f}"
    return " ".join(text.split())


def _group(question, shown: str) -> str:
    if question.kind == QuestionKind.SHORT:
        return normalise_typed(shown, case_sensitive=question.case_sensitive)
    return shown


def _earns(question, answers, text: str) -> bool:
    accepted = accepted_answer(question, answers, {"text": text})
    return accepted is not None and accepted.fraction > 0
