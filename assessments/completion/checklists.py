"""Completion: what each trainee has done of what the course's rules require, item by item.

`checklists(cohort, enrollments)` reads any number of trainees in a fixed number of queries:
quiz and assignment results come from the gradebook's own rows (the trainee's view: released
grades and trainers' overrides count), lessons from `LessonProgress`, surveys from their
attempts, attendance from the sessions held.
"""

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from assessments.grading.gradebook import gradebook_items, rows
from assessments.models import ATTENDANCE_ITEM, Assignment, Attempt, CompletionRules, Quiz, item_key
from assessments.taxonomy import QuizKind
from courses.models import Cohort, Enrollment, LiveSession
from modules.models import Lesson, LessonProgress


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


@dataclass
class Checklist:
    enrollment: Enrollment
    rules: CompletionRules
    requirements: list[Requirement] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return all(r.done for r in self.requirements)

    @property
    def share(self) -> Decimal:
        """Percent of the required items met (100 when nothing is required)."""
        total = sum(r.total for r in self.requirements)
        if not total:
            return Decimal(100)
        # Rounded down: "67%" must never show for 2 of 3 when 67% is the threshold.
        return Decimal(100 * sum(r.met for r in self.requirements) // total)

    @property
    def letter_available(self) -> bool:
        """A letter of participation may be claimed: offered, and enough done."""
        threshold = self.rules.participation_letter_percent
        return threshold is not None and self.share >= threshold

    @property
    def left(self) -> list[Requirement]:
        return [r for r in self.requirements if not r.done]


def rules_for(course) -> CompletionRules:
    """The course's rules, or the defaults (unsaved) when it has none."""
    return CompletionRules.objects.filter(course=course).first() or CompletionRules(course=course)


def checklist_for(enrollment: Enrollment, *, now: datetime | None = None) -> Checklist:
    return checklists(enrollment.cohort, Enrollment.objects.filter(pk=enrollment.pk), now=now)[
        enrollment.pk
    ]


def checklists(
    cohort: Cohort, enrollments: QuerySet, *, now: datetime | None = None
) -> dict[int, Checklist]:
    """{enrollment id: Checklist} for enrollments of one cohort (about a dozen queries)."""
    now = now or timezone.now()
    course = cohort.course
    rules = rules_for(course)
    items = gradebook_items(course)
    quizzes = {q.pk: q for q in Quiz.objects.filter(module__course=course).in_course_order()}
    post_tests = [q for q in quizzes.values() if q.kind == QuizKind.POST_TEST]
    surveys = [q for q in quizzes.values() if q.kind == QuizKind.EVALUATION]
    assignments = list(
        Assignment.objects.filter(module__course=course, required_for_completion=True)
        .in_course_order()
        .only("pk", "title", "pass_percent", "module_id")
    )
    lessons = list(
        Lesson.objects.filter(module__course=course, required=True)
        .order_by("module__position", "position")
        .only("pk", "title")
    )
    ids = list(enrollments.values_list("pk", flat=True))
    completed = set(
        LessonProgress.objects.filter(
            enrollment__in=ids,
            lesson__in=[lesson.pk for lesson in lessons],
            completed_at__isnull=False,
        ).values_list("enrollment_id", "lesson_id")
    )
    surveyed = set(
        Attempt.objects.filter(
            enrollment__in=ids, quiz__in=[s.pk for s in surveys], submitted_at__isnull=False
        )
        .order_by()
        .values_list("enrollment_id", "quiz_id")
        .distinct()
    )
    # Every session the cohort has, held or still to come: a certificate that requires
    # attendance cannot be earned before the sessions happen.
    scheduled = LiveSession.objects.filter(cohort=cohort).count()
    home = reverse("learn:cohort", args=[cohort.pk])
    result = {}
    for row in rows(
        cohort, Enrollment.objects.filter(pk__in=ids), items, released_only=True, now=now
    ):
        enrollment = row.enrollment
        found = []
        if rules.require_lessons and lessons:
            left = tuple(
                lesson.title for lesson in lessons if (enrollment.pk, lesson.pk) not in completed
            )
            found.append(
                _requirement(
                    "lessons",
                    "Required lessons completed",
                    len(lessons),
                    left,
                    home,
                    f"{len(lessons) - len(left)} of {len(lessons)} required lessons completed",
                )
            )
        if rules.require_post_test and post_tests:
            left = tuple(q.title for q in post_tests if not _at_least(row, q, _mark(q, course)))
            found.append(
                _requirement(
                    "post_test",
                    "Post-test passed",
                    len(post_tests),
                    left,
                    reverse("quizzes:quiz", args=[cohort.pk, post_tests[0].pk]),
                    _tests_detail(row, post_tests, course),
                )
            )
        if rules.require_assignments and assignments:
            left = tuple(
                a.title
                for a in assignments
                if not _at_least(
                    row, a, a.pass_percent if a.pass_percent is not None else course.pass_mark
                )
            )
            found.append(
                _requirement(
                    "assignments",
                    "Required assignments passed",
                    len(assignments),
                    left,
                    home,
                    f"{len(assignments) - len(left)} of {len(assignments)} passed "
                    "(graded, released, at or above each one's pass level)",
                )
            )
        if rules.require_evaluation and surveys:
            left = tuple(s.title for s in surveys if (enrollment.pk, s.pk) not in surveyed)
            found.append(
                _requirement(
                    "evaluation",
                    "Course evaluation submitted",
                    len(surveys),
                    left,
                    reverse("quizzes:quiz", args=[cohort.pk, surveys[0].pk]),
                    "Submitted" if not left else "Not submitted yet",
                )
            )
        if rules.min_attendance_percent:
            found.append(_attendance(row, rules.min_attendance_percent, home, scheduled))
        result[enrollment.pk] = Checklist(enrollment=enrollment, rules=rules, requirements=found)
    return result


def _requirement(key, label, total, left, url, detail) -> Requirement:
    return Requirement(
        key=key,
        label=label,
        done=not left,
        detail=detail,
        left=left,
        total=total,
        met=total - len(left),
        url=url,
    )


def _at_least(row, item, percent) -> bool:
    cell = row.cell(item_key(item))
    return cell is not None and cell.value is not None and cell.value >= percent


def _mark(quiz, course) -> int:
    """A post-test's pass mark for the certificate: the course's, or the quiz's own when it is
    higher, so the checklist never calls passed what the quiz page calls not passed."""
    return max(course.pass_mark, quiz.pass_mark or 0)


def _tests_detail(row, tests, course) -> str:
    parts = []
    for quiz in tests:
        cell = row.cell(item_key(quiz))
        shown = (
            f"{cell.value:.0f}%"
            if cell and cell.value is not None
            else (cell.status or "not taken")
        )
        parts.append(f"{quiz.title}: {shown} (pass mark {_mark(quiz, course)}%)")
    return "; ".join(parts)


def _attendance(row, minimum: int, url: str, scheduled: int) -> Requirement:
    label = f"Live-session attendance of at least {minimum}%"
    cell = row.cell(ATTENDANCE_ITEM)
    if cell is not None and cell.overridden:  # a trainer's decision (excused, transferred)
        done = cell.value >= minimum
        return Requirement(
            "attendance",
            label,
            done,
            f"Set by a trainer: {cell.value:.0f}%",
            () if done else (f"{cell.value:.0f}% attended",),
            1,
            int(done),
            url,
        )
    if not scheduled:
        return Requirement(
            "attendance", label, True, "This cohort has no live sessions", (), 1, 1, url
        )
    enrollment = row.enrollment
    present, held = enrollment.attendance_present, enrollment.attendance_held
    done = present * 100 >= minimum * scheduled  # exact, no rounding at the threshold
    percent = present * 100 // scheduled  # shown rounded down, like the rule reads it
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
    )
