"""The CE checks of a course with CE approvals: what it claims against what it teaches and tests.

Three checks, each a figure and, when below the norm, a warning in plain words; none of them
ever blocks publishing (issue 20):
- instructional time: the lessons' estimated minutes, plus each current or upcoming cohort's
  scheduled live sessions, against the largest claim (the course's CE hours or an approval's
  own). CE hours may not exceed the instruction that earns them;
- post-test items per claimed hour: APA's guidance to sponsors of home study is about 6 to 8
  items per credit hour;
- the post-test's pass mark: at least 75%, as APA-approved sponsors set for home study.

`course_ce_checks(course)` is what the Completion and CE page shows (a fixed number of queries
however many cohorts and approvals); `record_ce_checks` keeps them as a `CECheckRecord` when the
course is published (`modules.publication`, registered in `AssessmentsConfig.ready()`).
"""

from dataclasses import dataclass, replace
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from django.db import transaction
from django.db.models import Count, IntegerField, Min, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from assessments.models import CECheckRecord, CourseApproval, Quiz
from assessments.quizzes.bank import question_count
from assessments.taxonomy import QuizKind
from courses.models import Cohort, CohortStatus, Course, LiveSession
from dbt_training.core.formatting import hours_text, plain_number
from modules.models import Lesson

from .checklists import certificate_pass_mark

ITEMS_PER_HOUR = 6  # APA sponsor guidance for home study: about 6 to 8 items per credit hour
MIN_PASS_MARK = 75  # percent
COHORTS_SHOWN = 10  # the page lists the first ones by start date; the rest are counted


@dataclass(frozen=True)
class Claim:
    """CE hours the course claims: the course's own, or one approval's when it sets its own."""

    hours: Decimal
    profession: str = ""  # empty: the course's CE hours

    @property
    def label(self) -> str:
        return f"for {self.profession}" if self.profession else "for the course"


@dataclass(frozen=True)
class CohortTime:
    """The instructional time of one current or upcoming cohort: lessons and its live sessions."""

    cohort: Cohort
    session_minutes: int
    minutes: int
    short: bool


@dataclass(frozen=True)
class Check:
    key: str  # time / items / pass_mark
    name: str
    figure: str
    warnings: tuple[str, ...] = ()

    @property
    def met(self) -> bool:
        return not self.warnings


@dataclass(frozen=True)
class CEChecks:
    course: Course
    claims: tuple[Claim, ...]
    claim: Claim  # the largest, which every check measures against
    lesson_minutes: int
    cohorts: tuple[CohortTime, ...]  # the first COHORTS_SHOWN current or upcoming cohorts
    unlisted_cohorts: int  # current or upcoming cohorts beyond those
    # What the claim was checked against: the lessons plus the live sessions of the current or
    # upcoming cohort that has the fewest (the lessons alone when there is none).
    instructional_minutes: int
    post_test_items: int
    checks: tuple[Check, ...]
    latest: CECheckRecord | None = None  # the record made when the course was last published

    # The norms, for the page's words.
    items_per_hour = ITEMS_PER_HOUR
    min_pass_mark = MIN_PASS_MARK

    @property
    def claimed_hours(self) -> Decimal:
        return self.claim.hours

    @property
    def warnings(self) -> list[str]:
        return [warning for check in self.checks for warning in check.warnings]


def course_ce_checks(course: Course) -> CEChecks | None:
    """The checks of a course with CE approvals, with the record of its last publishing; None
    for a course without approvals (it issues no CE certificate)."""
    checks = _checks(course)
    if checks is None:
        return None
    latest = CECheckRecord.objects.filter(course=course).select_related("recorded_by").first()
    return replace(checks, latest=latest)


@transaction.atomic
def record_ce_checks(*, course: Course, by) -> CECheckRecord | None:
    """Keep the checks as they stand (called inside `publish_course`'s transaction); nothing for
    a course without CE approvals."""
    checks = _checks(course)
    if checks is None:
        return None
    return CECheckRecord.objects.create(
        course=course,
        recorded_at=timezone.now(),
        recorded_by=by if by is not None and by.is_authenticated else None,
        claimed_hours=checks.claimed_hours,
        instructional_minutes=checks.instructional_minutes,
        post_test_items=checks.post_test_items,
        warnings=checks.warnings,
    )


def notes_at_publishing(*, course: Course, by) -> list[str]:
    """The `modules.publication` hook: record the checks, and tell the person publishing how
    many need attention."""
    record = record_ce_checks(course=course, by=by)
    if record is None or not record.warnings:
        return []
    count = len(record.warnings)
    needs = "CE check needs" if count == 1 else "CE checks need"
    return [f"{count} {needs} attention: see Completion and CE."]


# --- the checks --------------------------------------------------------------------------------


def _checks(course: Course) -> CEChecks | None:
    approvals = list(
        CourseApproval.objects.filter(course=course).only("profession", "ce_hours", "position")
    )
    if not approvals:
        return None
    claims = (Claim(hours=course.ce_hours),) + tuple(
        Claim(hours=approval.ce_hours, profession=approval.profession)
        for approval in approvals
        if approval.ce_hours is not None and approval.ce_hours != course.ce_hours
    )
    claim = max(claims, key=lambda c: c.hours)  # the first of the largest: the course's on a tie
    lesson_minutes = (
        Lesson.objects.filter(module__course=course).aggregate(n=Sum("estimated_minutes"))["n"] or 0
    )
    time, cohorts, unlisted, instructional = _instructional_time(course, claim, lesson_minutes)
    post_tests = list(
        Quiz.objects.filter(module__course=course, kind=QuizKind.POST_TEST)
        .in_course_order()
        .only("pk", "title", "pass_mark")
    )
    # Two queries per post-test (a course has one or two); one count for the bank and the page.
    items = sum(question_count(quiz) for quiz in post_tests)
    return CEChecks(
        course=course,
        claims=claims,
        claim=claim,
        lesson_minutes=lesson_minutes,
        cohorts=cohorts,
        unlisted_cohorts=unlisted,
        instructional_minutes=instructional,
        post_test_items=items,
        checks=(
            time,
            _items_check(len(post_tests), items, claim),
            _pass_mark_check(course, post_tests),
        ),
    )


def _instructional_time(course: Course, claim: Claim, lesson_minutes: int):
    """The time check, the cohorts it lists, how many more it counted, and the least
    instructional time it found. Two queries, however many cohorts."""
    needed = claim.hours * 60
    sessions = (
        LiveSession.objects.filter(cohort=OuterRef("pk"))
        .order_by()
        .values("cohort")
        .annotate(n=Sum("duration_minutes"))
        .values("n")
    )
    running = (
        Cohort.objects.filter(course=course, ends_on__gte=timezone.localdate())
        .exclude(status=CohortStatus.ARCHIVED)
        .annotate(session_minutes=Coalesce(Subquery(sessions, output_field=IntegerField()), 0))
    )
    listed = tuple(
        CohortTime(
            cohort=cohort,
            session_minutes=cohort.session_minutes,
            minutes=lesson_minutes + cohort.session_minutes,
            short=lesson_minutes + cohort.session_minutes < needed,
        )
        for cohort in running.order_by("starts_on", "name", "pk")[:COHORTS_SHOWN]
    )
    totals = running.aggregate(
        count=Count("pk"),
        short=Count("pk", filter=Q(session_minutes__lt=needed - lesson_minutes)),
        least=Min("session_minutes"),
    )
    unlisted = totals["count"] - len(listed)
    unlisted_short = totals["short"] - sum(1 for row in listed if row.short)
    instructional = lesson_minutes + (totals["least"] or 0)

    claimed = f"{_hours(claim.hours, 'CE hour')} claimed{_for(claim)}"
    figure = f"{_hours(Decimal(lesson_minutes) / 60)} of lessons for {claimed}"
    warnings = []
    if not listed:
        if lesson_minutes < needed:
            warnings.append(
                f"The lessons take {_time(lesson_minutes)}, {_shortfall(lesson_minutes, claim)} "
                f"less than the {claimed}, and no current or upcoming cohort adds live sessions. "
                "Claim no more hours than the instruction takes, or add lessons or live sessions."
            )
    else:
        warnings += [
            f"{row.cohort.name}: lessons and live sessions take {_time(row.minutes)}, "
            f"{_shortfall(row.minutes, claim)} less than the {claimed}."
            for row in listed
            if row.short
        ]
        if unlisted_short:
            cohorts = "cohort" if unlisted_short == 1 else "cohorts"
            warnings.append(
                f"{unlisted_short} more current or upcoming {cohorts}, not listed here, "
                f"{'has' if unlisted_short == 1 else 'have'} less instructional time than the "
                f"{claimed}."
            )
    check = Check(key="time", name="Instructional time", figure=figure, warnings=tuple(warnings))
    return check, listed, unlisted, instructional


def _items_check(post_tests: int, items: int, claim: Claim) -> Check:
    name = "Post-test items per CE hour"
    if not claim.hours:
        return Check(key="items", name=name, figure="No CE hours claimed")
    per_hour = (Decimal(items) / claim.hours).quantize(Decimal("0.1"), rounding=ROUND_FLOOR)
    needed = int((ITEMS_PER_HOUR * claim.hours).to_integral_value(rounding=ROUND_CEILING))
    claimed = f"{_hours(claim.hours, 'CE hour')}{_for(claim)}"
    figure = f"{plain_number(per_hour)} per hour ({_count(items, 'item')} for {claimed})"
    warnings = ()
    if items < ITEMS_PER_HOUR * claim.hours:
        guidance = (
            f"APA's guidance for home study is about {ITEMS_PER_HOUR} to 8 items per credit "
            f"hour, so at least {needed} items."
        )
        if not post_tests:
            found = f"There is no post-test, so no items for {claimed}."
        else:
            has = "The post-test has" if post_tests == 1 else "The post-tests have"
            found = (
                f"{has} {_count(items, 'item')} for {claimed}: "
                f"{plain_number(per_hour)} items per hour."
            )
        warnings = (f"{found} {guidance}",)
    return Check(key="items", name=name, figure=figure, warnings=warnings)


def _pass_mark_check(course: Course, post_tests: list[Quiz]) -> Check:
    # The mark the certificate applies (the course's, or the post-test's own when higher);
    # without a post-test, the course's, which any post-test added later starts from.
    marks = [(f"“{quiz.title}”", certificate_pass_mark(quiz, course)) for quiz in post_tests]
    if not marks:
        marks = [("The course's pass mark", course.pass_mark)]
    figure = "; ".join(
        f"{mark}%" if len(marks) == 1 else f"{title} {mark}%" for title, mark in marks
    )
    warnings = tuple(
        f"{title} {'passes at' if post_tests else 'is'} {mark}%, below the {MIN_PASS_MARK}% "
        "APA-approved sponsors set for home study."
        for title, mark in marks
        if mark < MIN_PASS_MARK
    )
    return Check(key="pass_mark", name="Pass mark", figure=figure, warnings=warnings)


# --- words --------------------------------------------------------------------------------------


def _hours(hours: Decimal, unit: str = "hour") -> str:
    return f"{hours_text(hours)} {unit}{'' if hours == 1 else 's'}"


def _time(minutes: int) -> str:
    return f"{_hours(Decimal(minutes) / 60)} ({_count(minutes, 'minute')})"


def _shortfall(minutes: int, claim: Claim) -> str:
    return _hours(claim.hours - Decimal(minutes) / 60)


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def _for(claim: Claim) -> str:
    return f" {claim.label}" if claim.profession else ""
