"""Completion: what each trainee has done of what the course's rules require, item by item.

`checklists(cohort, enrollments)` reads any number of trainees in a fixed number of queries:
quiz and assignment results come from the gradebook's own rows (the trainee's view: released
grades and trainers' overrides count; surveys ride along as columns of their own), lessons from
the progress read model against the course outline, attendance from the sessions held. What
the course defines (its post-tests, surveys, required assignments, CE approvals) is kept in
this process's memory under the course's outline stamp, which every change to them renews.
"""

import copy
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst

from assessments.grading.gradebook import CATEGORIES, GradebookItem, rows
from assessments.models import (
    ATTENDANCE_ITEM,
    Assignment,
    CompletionRules,
    CourseApproval,
    GradebookWeights,
    Quiz,
    item_key,
)
from assessments.taxonomy import GradeCategory, QuizKind
from courses.models import Cohort, Course, Enrollment, LiveSession
from dbt_training.core.formatting import share_percent, whole_percent
from modules.progress import course_memo, course_outlines, summaries


@dataclass(frozen=True)
class ItemResult:
    """One trainee's result on one item a requirement counts: a post-test, a required assignment
    or a survey (what a cohort's completion grid shows a column each)."""

    key: str  # the gradebook's item key: "quiz:12", "assignment:5"
    title: str
    met: bool
    started: bool  # attempted or handed in, whatever came of it
    text: str  # "85%, passed", "Awaiting grading", "Not taken"
    value: Decimal | None = None  # the percent the gradebook counts, when there is one
    mark: int | None = None  # the pass level (post-tests and assignments)


@dataclass(frozen=True)
class Requirement:
    """One line of the checklist: done or not, what is left, and where to do it."""

    key: str  # lessons / post_test / assignments / evaluation / attendance
    label: str
    done: bool
    detail: str
    left: tuple[str, ...] = ()
    total: int = 0  # the items it counts (each lesson, test, assignment, survey; attendance 1)
    met: int = 0
    url: str = ""
    left_keys: tuple = ()  # what `left` names: lesson ids, or item keys ("quiz:12")
    items: tuple[ItemResult, ...] = ()  # post-tests, assignments and surveys, one each
    percent: int | None = None  # attendance: the share attended, as the rule reads it

    @property
    def standing(self) -> str:
        """Where the trainee stands, in a few words: "Done", "2 of 5 done", "40% attended"."""
        if self.done:
            return "Done"
        if self.key == "attendance" and self.left:
            return self.left[0]
        return "Not done" if self.total == 1 else f"{self.met} of {self.total} done"

    @property
    def started(self) -> bool:
        """Something recorded towards it: a lesson, an attempt, a submission, a session."""
        if self.done or self.met:
            return True
        if self.key == "attendance":
            return bool(self.percent)
        return any(item.started for item in self.items)


@dataclass
class Checklist:
    """One trainee's requirements. Its share and its counts use one unit, the required item
    (each required lesson, post-test, required assignment and survey; attendance as one), so
    "12% of the required items met" never sits above a count of something else."""

    enrollment: Enrollment
    rules: CompletionRules
    requirements: list[Requirement] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return all(r.done for r in self.requirements)

    @property
    def items_total(self) -> int:
        return sum(r.total for r in self.requirements)

    @property
    def items_met(self) -> int:
        return sum(r.met for r in self.requirements)

    @property
    def items_left(self) -> int:
        return self.items_total - self.items_met

    @property
    def share(self) -> int:
        """Percent of the required items met, by the app's rule (whole, rounded down: "67%" must
        never show for 2 of 3 when 67% is the threshold); 100 when nothing is required."""
        return share_percent(self.items_met, self.items_total)

    @property
    def share_text(self) -> str:
        """The figure beside the progress bar: "12% of the required items met"."""
        return f"{self.share}% of the required items met"

    @property
    def left_text(self) -> str:
        """The count under it, in the same unit: "7 of 8 required items still to meet"."""
        total = self.items_total
        return f"{self.items_left} of {total} required item{pluralize(total)} still to meet"

    @property
    def letter_available(self) -> bool:
        """A letter of participation may be claimed: offered, and enough done."""
        threshold = self.rules.participation_letter_percent
        return threshold is not None and self.share >= threshold

    @property
    def left(self) -> list[Requirement]:
        return [r for r in self.requirements if not r.done]


def rules_for(course: Course) -> CompletionRules:
    """The course's rules, or the defaults (unsaved) when it has none. No query when the course
    was loaded with `select_related("completion_rules")`."""
    if Course.completion_rules.is_cached(course):
        try:
            return course.completion_rules
        except CompletionRules.DoesNotExist:
            return CompletionRules(course=course)
    return CompletionRules.objects.filter(course=course).first() or CompletionRules(course=course)


def scheduled_sessions(cohort_field: str = "cohort"):
    """An annotation: how many live sessions the cohort named by `cohort_field` has scheduled,
    held or to come (what the attendance requirement counts against)."""
    sessions = (
        LiveSession.objects.filter(cohort=OuterRef(cohort_field))
        .order_by()
        .values("cohort")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(sessions), 0)


# --- what the course defines, kept in memory ---------------------------------------------------


@dataclass(frozen=True)
class CourseItems:
    """A course's post-tests, surveys and required assignments, in course order, and the
    gradebook columns that compute their results. Shared by every request of the process."""

    post_tests: tuple
    surveys: tuple
    assignments: tuple
    columns: dict  # item key -> GradebookItem


def course_items(course: Course) -> CourseItems:
    """No query once this process has read the course in its current version (its outline
    stamp, renewed whenever one of its quizzes or assignments changes); two otherwise."""
    return course_memo(course, "completion-items", lambda: _load_items(course.pk))


def _load_items(course_id: int) -> CourseItems:
    quizzes = list(
        Quiz.objects.filter(
            module__course=course_id, kind__in=[QuizKind.POST_TEST, QuizKind.EVALUATION]
        )
        .in_course_order()
        .only("pk", "title", "kind", "pass_mark", "grading_method", "module_id")
    )
    assignments = tuple(
        Assignment.objects.filter(module__course=course_id, required_for_completion=True)
        .in_course_order()
        .only("pk", "title", "pass_percent", "worksheet", "module_id")
    )
    # The same columns as `gradebook_items` builds, limited to what completion reads; surveys,
    # which the gradebook leaves out, are columns too (not counted), so their submitted
    # attempts come with the same query as the post-tests'.
    columns = {
        item_key(quiz): GradebookItem(
            key=item_key(quiz),
            title=quiz.title,
            category=GradeCategory.QUIZZES,
            course_id=course_id,
            kind=quiz.get_kind_display(),
            counted=quiz.kind == QuizKind.POST_TEST,
            pk=quiz.pk,
            grading_method=quiz.grading_method,
        )
        for quiz in quizzes
    }
    columns |= {
        item_key(assignment): GradebookItem(
            key=item_key(assignment),
            title=assignment.title,
            category=GradeCategory.ASSIGNMENTS,
            course_id=course_id,
            kind=assignment.get_worksheet_display(),
            pk=assignment.pk,
        )
        for assignment in assignments
    }
    columns[ATTENDANCE_ITEM] = GradebookItem(
        key=ATTENDANCE_ITEM,
        title="Attendance",
        category=GradeCategory.ATTENDANCE,
        course_id=course_id,
        kind="Live sessions",
    )
    return CourseItems(
        post_tests=tuple(q for q in quizzes if q.kind == QuizKind.POST_TEST),
        surveys=tuple(q for q in quizzes if q.kind == QuizKind.EVALUATION),
        assignments=assignments,
        columns=columns,
    )


def course_approvals(course: Course) -> list[CourseApproval]:
    """The course's CE approvals in order, each a copy of what this process keeps (no query
    once read in the course's current version: `completion.authoring` renews the version on any
    change), with `course` set so their hours fall back on the course's without a query."""
    kept = course_memo(
        course, "ce-approvals", lambda: tuple(CourseApproval.objects.filter(course=course.pk))
    )
    approvals = [copy.copy(approval) for approval in kept]
    for approval in approvals:
        approval.course = course
    return approvals


# --- the checklists ------------------------------------------------------------------------------

# The gradebook computes a weighted total from these; the checklist reads cells only, so the
# course's own weights need no query.
_UNREAD_WEIGHTS = {category: GradebookWeights().weight_of(category) for category in CATEGORIES}


def checklist_for(enrollment: Enrollment, *, now: datetime | None = None) -> Checklist:
    """One trainee's checklist. With the enrollment loaded through `with_progress` (and its
    course's rules through `select_related`, its cohort's session count as
    `scheduled_sessions`), it costs the gradebook's row and nothing more."""
    return checklists(
        enrollment.cohort,
        [enrollment],
        now=now,
        scheduled=getattr(enrollment, "scheduled_sessions", None),
    )[enrollment.pk]


def checklists(
    cohort: Cohort,
    enrollments: QuerySet | list[Enrollment],
    *,
    now: datetime | None = None,
    scheduled: int | None = None,
) -> dict[int, Checklist]:
    """{enrollment id: Checklist} for enrollments of one cohort, by name, in a fixed number
    of queries: the rules (none when loaded with the course), the count of scheduled sessions
    (none when given), the gradebook's rows (its trainees, attempts, submissions, overrides) and
    the progress read model (none for enrollments loaded through `with_progress`)."""
    now = now or timezone.now()
    course = cohort.course
    rules = rules_for(course)
    items = course_items(course)
    outline = course_outlines([course.pk], {course.pk: course.outline_stamp})[course.pk]
    # What each requirement reads, worked out once: (id or column key, title, pass level).
    lessons = (
        [(lesson.pk, lesson.title) for lesson in outline.lessons.values() if lesson.required]
        if rules.require_lessons
        else []
    )
    post_tests = (
        [(item_key(q), q.title, certificate_pass_mark(q, course)) for q in items.post_tests]
        if rules.require_post_test
        else []
    )
    assignments = (
        [
            (
                item_key(a),
                a.title,
                a.pass_percent if a.pass_percent is not None else course.pass_mark,
            )
            for a in items.assignments
        ]
        if rules.require_assignments
        else []
    )
    surveys = [(item_key(q), q.title) for q in items.surveys] if rules.require_evaluation else []
    wanted = [key for key, *_ in (*post_tests, *assignments, *surveys)]
    if rules.min_attendance_percent:
        wanted.append(ATTENDANCE_ITEM)
        if scheduled is None:
            # Every session the cohort has, held or still to come: a certificate that requires
            # attendance cannot be earned before the sessions happen.
            scheduled = LiveSession.objects.filter(cohort=cohort).count()
    if isinstance(enrollments, QuerySet):
        loaded, subset = None, enrollments
    else:
        loaded = list(enrollments)
        subset = Enrollment.objects.filter(pk__in=[e.pk for e in loaded])
    found = list(
        rows(
            cohort,
            subset,
            [items.columns[key] for key in wanted],
            released_only=True,
            weights=_UNREAD_WEIGHTS,
            now=now,
        )
    )
    done = summaries(loaded if loaded is not None else [row.enrollment for row in found])
    home = reverse("learn:cohort", args=[cohort.pk])
    post_test_url = (
        reverse("quizzes:quiz", args=[cohort.pk, items.post_tests[0].pk]) if post_tests else ""
    )
    survey_url = reverse("quizzes:quiz", args=[cohort.pk, items.surveys[0].pk]) if surveys else ""
    nothing = frozenset()
    result = {}
    for row in found:
        enrollment = row.enrollment
        cells = {cell.item.key: cell for cell in row.cells}
        requirements = []
        if lessons:
            summary = done.get(enrollment.pk)
            completed = summary.completed if summary is not None else nothing
            left = [(pk, title) for pk, title in lessons if pk not in completed]
            requirements.append(
                _requirement(
                    "lessons",
                    "Required lessons completed",
                    len(lessons),
                    left,
                    home,
                    f"{len(lessons) - len(left)} of {len(lessons)} required lessons completed",
                )
            )
        if post_tests:
            results = tuple(
                _test_result(cells.get(key), key, title, mark) for key, title, mark in post_tests
            )
            requirements.append(
                _requirement(
                    "post_test",
                    "Post-test passed",
                    len(post_tests),
                    [(r.key, r.title) for r in results if not r.met],
                    post_test_url,
                    _tests_detail(cells, post_tests),
                    results,
                )
            )
        if assignments:
            results = tuple(
                _assignment_result(cells.get(key), key, title, mark)
                for key, title, mark in assignments
            )
            requirements.append(
                _requirement(
                    "assignments",
                    "Required assignments passed",
                    len(assignments),
                    [(r.key, r.title) for r in results if not r.met],
                    home,
                    f"{sum(r.met for r in results)} of {len(assignments)} passed "
                    "(graded, released, at or above each one's pass level)",
                    results,
                )
            )
        if surveys:
            results = tuple(_survey_result(cells.get(key), key, title) for key, title in surveys)
            requirements.append(
                _requirement(
                    "evaluation",
                    "Course evaluation submitted",
                    len(surveys),
                    [(r.key, r.title) for r in results if not r.met],
                    survey_url,
                    "Not submitted yet" if any(not r.met for r in results) else "Submitted",
                    results,
                )
            )
        if rules.min_attendance_percent:
            requirements.append(
                _attendance(
                    cells.get(ATTENDANCE_ITEM),
                    enrollment,
                    rules.min_attendance_percent,
                    home,
                    scheduled,
                )
            )
        result[enrollment.pk] = Checklist(
            enrollment=enrollment, rules=rules, requirements=requirements
        )
    return result


def _requirement(key, label, total, left, url, detail, items=()) -> Requirement:
    """`left` is (key, title) pairs of what is not met yet, in course order."""
    return Requirement(
        key=key,
        label=label,
        done=not left,
        detail=detail,
        left=tuple(title for _, title in left),
        total=total,
        met=total - len(left),
        url=url,
        left_keys=tuple(key for key, _ in left),
        items=items,
    )


def _at_least(cell, percent) -> bool:
    return cell is not None and cell.value is not None and cell.value >= percent


def _test_result(cell, key: str, title: str, mark: int) -> ItemResult:
    met = _at_least(cell, mark)
    if cell is not None and cell.value is not None:
        text = f"{whole_percent(cell.value)}%, {'passed' if met else 'not passed'}"
    else:
        text = capfirst(cell.status) if cell is not None and cell.status else "Not taken"
    return ItemResult(key, title, met, _submitted(cell), text, cell.value if cell else None, mark)


def _assignment_result(cell, key: str, title: str, mark: int) -> ItemResult:
    met = _at_least(cell, mark)
    if cell is not None and cell.value is not None:
        text = f"{whole_percent(cell.value)}%, {'passed' if met else 'below its pass level'}"
    else:
        text = capfirst(cell.status) if cell is not None and cell.status else "Not submitted"
    return ItemResult(key, title, met, _submitted(cell), text, cell.value if cell else None, mark)


def _survey_result(cell, key: str, title: str) -> ItemResult:
    met = _submitted(cell)
    return ItemResult(key, title, met, met, "Submitted" if met else "Not submitted")


def _submitted(cell) -> bool:
    """Something handed in: a value or a status (awaiting grading, submitted, returned); an
    item never taken or handed in shows neither. A survey counts once submitted."""
    return cell is not None and (cell.value is not None or bool(cell.status))


def certificate_pass_mark(quiz, course) -> int:
    """A post-test's pass mark for the certificate: the course's, or the quiz's own when it is
    higher, so the checklist never calls passed what the quiz page calls not passed."""
    return max(course.pass_mark, quiz.pass_mark or 0)


def _tests_detail(cells: dict, tests: list) -> str:
    parts = []
    for key, title, mark in tests:
        cell = cells.get(key)
        shown = (
            f"{whole_percent(cell.value)}%"
            if cell and cell.value is not None
            else ((cell.status if cell else "") or "not taken")
        )
        parts.append(f"{title}: {shown} (pass mark {mark}%)")
    return "; ".join(parts)


def _attendance(cell, enrollment, minimum: int, url: str, scheduled: int) -> Requirement:
    label = f"Live-session attendance of at least {minimum}%"
    if cell is not None and cell.overridden:  # a trainer's decision (excused, transferred)
        done = cell.value >= minimum
        percent = whole_percent(cell.value)
        return Requirement(
            "attendance",
            label,
            done,
            f"Set by a trainer: {percent}%",
            () if done else (f"{percent}% attended",),
            1,
            int(done),
            url,
            percent=percent,
        )
    if not scheduled:
        return Requirement(
            "attendance", label, True, "This cohort has no live sessions", (), 1, 1, url
        )
    present, held = enrollment.attendance_present, enrollment.attendance_held
    done = present * 100 >= minimum * scheduled  # exact, no rounding at the threshold
    percent = share_percent(present, scheduled)  # shown rounded down, like the rule reads it
    detail = f"{present} of {scheduled} sessions attended ({percent}%)"
    if held < scheduled:
        detail += f"; {scheduled - held} still to come"
    return Requirement(
        "attendance",
        label,
        done,
        detail,
        () if done else (f"{percent}% attended",),
        1,
        int(done),
        url,
        percent=percent,
    )
