"""Reads about quizzes: where a trainee stands with each quiz, and what the course editor lists.

`standings_for` is the one place that decides which attempt counts (the quiz's setting: highest
or last, `counted_attempt`); the quiz page, the cohort home and the gradebook ask it.
"""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from django.urls import reverse

from assessments.models import Attempt, Question, Quiz, QuizDraw
from assessments.taxonomy import GradingMethod
from dbt_training.core.formatting import whole_percent
from modules.activities import Activity, AuthoringItems
from modules.progress import course_memo


def attempts_left(quiz: Quiz, used: int) -> int | None:
    """How many more attempts the quiz allows; None when it allows any number."""
    return None if not quiz.attempts_allowed else max(quiz.attempts_allowed - used, 0)


def counted_attempt(submitted: Sequence, grading_method: str):
    """The attempt whose score stands among submitted attempts (first to last): the highest
    (the first of equals) or the last. Attempts need `percent` and `number`; the gradebook passes
    lightweight rows, the quiz pages model instances."""
    if not submitted:
        return None
    if grading_method == GradingMethod.LAST:
        return submitted[-1]
    return max(submitted, key=lambda a: (a.percent is not None, a.percent or 0, -a.number))


@dataclass
class QuizStanding:
    quiz: Quiz
    attempts: list = field(default_factory=list)  # every attempt, first to last

    @property
    def submitted(self) -> list:
        return [a for a in self.attempts if a.submitted_at is not None]

    @property
    def open_attempt(self) -> Attempt | None:
        return next((a for a in self.attempts if a.submitted_at is None), None)

    @property
    def used(self) -> int:
        return len(self.attempts)

    @property
    def left(self) -> int | None:
        return attempts_left(self.quiz, self.used)

    @property
    def counted(self) -> Attempt | None:
        return counted_attempt(self.submitted, self.quiz.grading_method)

    @property
    def status(self) -> str:
        counted = self.counted
        if self.open_attempt is not None:
            return "In progress"
        if counted is None:
            return "Not started"
        if self.quiz.is_survey:
            return "Submitted"
        if counted.awaiting_grading:
            return "Submitted; awaiting grading"
        if counted.percent is None:
            return "Submitted"
        verdict = {True: "passed", False: "not passed"}[bool(counted.passed)]
        return f"{whole_percent(counted.percent)}%, {verdict}"


def standings_for(enrollment, quizzes) -> dict[int, QuizStanding]:
    """{quiz id: QuizStanding} for one enrollment, in one query however many quizzes."""
    standings = {quiz.pk: QuizStanding(quiz) for quiz in quizzes}
    for attempt in Attempt.objects.filter(enrollment=enrollment, quiz__in=list(standings)).order_by(
        "number"
    ):
        standings[attempt.quiz_id].attempts.append(attempt)
    return standings


def quizzes_of_course(course_id: int) -> list[Quiz]:
    return list(
        Quiz.objects.filter(module__course_id=course_id)
        .select_related("module__course")
        .in_course_order()
    )


def quiz_activities(enrollment, progress) -> dict[int, list[Activity]]:
    """The cohort home's quiz lines, in one query (the course's quizzes are kept in this
    process's memory until the course or one of its quizzes changes)."""
    course = enrollment.cohort.course
    quizzes = course_memo(course, "quizzes", lambda: quizzes_of_course(course.pk))
    standings = standings_for(enrollment, quizzes)
    result = defaultdict(list)
    for quiz in quizzes:
        standing = standings[quiz.pk]
        counted = standing.counted
        result[quiz.module_id].append(
            Activity(
                title=quiz.title,
                url=reverse("quizzes:quiz", args=[enrollment.cohort_id, quiz.pk]),
                kind=quiz.get_kind_display(),
                status=standing.status,
                done=bool(counted and (counted.passed or quiz.is_survey)),
            )
        )
    return result


def quiz_authoring_items(course, modules) -> dict[int, AuthoringItems]:
    """The course editor's quiz lines and "Add quiz" links, in one query."""
    result = defaultdict(AuthoringItems)
    # Two subqueries, not two joins: counting questions over a join with draws would multiply.
    fixed = Question.objects.filter(quiz=OuterRef("pk")).order_by().values("quiz")
    drawn = QuizDraw.objects.filter(quiz=OuterRef("pk")).order_by().values("quiz")
    quizzes = (
        Quiz.objects.filter(module__course=course)
        .annotate(
            fixed_count=Coalesce(Subquery(fixed.annotate(n=Count("pk")).values("n")), 0),
            drawn_count=Coalesce(Subquery(drawn.annotate(n=Sum("count")).values("n")), 0),
        )
        .order_by("position", "pk")
    )
    for quiz in quizzes:
        count = quiz.fixed_count + quiz.drawn_count
        status = f"{count} question{'s' if count != 1 else ''}"
        if quiz.drawn_count:
            status += f" per attempt, {quiz.drawn_count} drawn at random"
        result[quiz.module_id].items.append(
            Activity(
                title=quiz.title,
                url=reverse("quiz_authoring:quiz", args=[course.slug, quiz.pk]),
                kind=quiz.get_kind_display(),
                status=status,
            )
        )
    for module in modules:
        result[module.pk].add_links.append(
            ("Add a quiz", reverse("quiz_authoring:quiz_create", args=[course.slug, module.pk]))
        )
    return result


def submitted_attempts_in(module) -> list[str]:
    """The module's quizzes with submitted attempts: their scores are part of the CE record, so
    the module cannot be deleted (`modules.activities` records keeper)."""
    titles = (
        Quiz.objects.filter(module=module, attempts__submitted_at__isnull=False)
        .distinct()
        .order_by("position", "pk")
        .values_list("title", flat=True)
    )
    return [
        f"Trainees have submitted attempts at “{title}”; their scores are part of the record, "
        "so the module cannot be deleted."
        for title in titles
    ]
