"""Grading: trainers score submitted worksheets (by rubric or a single score) and quiz essays,
return work for revision, and release grades to trainees, who are told by email once.

A grade stays hidden until released. An essay's score reaches its Response and the Attempt's
total only at release, so the trainee's quiz pages (which read those) stay hidden for free.
Every change writes one line of the audit trail in the same transaction.
"""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from assessments.assignments import worksheets
from assessments.grading.audit import grade_change, record_grade_change
from assessments.models import (
    CriterionScore,
    Grade,
    GradeChange,
    Response,
    Rubric,
    Submission,
    item_key,
)
from assessments.quizzes.services import retotal_attempts
from assessments.taxonomy import (
    GradeAction,
    QuestionKind,
    QuizKind,
    SubmissionStatus,
    WorksheetKind,
)
from courses.models import Cohort
from dbt_training.core.formatting import score_text
from reminders.kinds import ReminderKind
from reminders.registry import Due
from reminders.services import notify

CENTS = Decimal("0.01")
GRADABLE = (SubmissionStatus.SUBMITTED, SubmissionStatus.GRADED)
SUBMISSION, ESSAY = "submission", "essay"


# --- the queue (reads) ---------------------------------------------------------------------------


@dataclass(frozen=True)
class QueueEntry:
    """One piece of work waiting for a grade: a submitted worksheet or a quiz essay answer."""

    kind: str  # SUBMISSION or ESSAY
    pk: int
    cohort_id: int
    item: str  # the gradebook's item key
    item_title: str
    trainee: str
    submitted_at: datetime
    revision: int = 0  # submissions: how many times it was submitted
    graded: bool = False  # graded, not yet released (only in a queue `with_unreleased`)

    @property
    def url(self) -> str:
        name = "grading:submission" if self.kind == SUBMISSION else "grading:essay"
        return reverse(name, args=[self.cohort_id, self.pk])


def grading_queue(cohort: Cohort, *, with_unreleased: bool = False) -> list[QueueEntry]:
    """Everything in the cohort waiting for a grade, oldest first: submitted worksheets and
    answered essays of submitted (scored) attempts that have no grade yet. Two queries.

    `with_unreleased` keeps work graded but not yet released in its place (`graded`): the round
    a trainer works through, so "n of m" and Previous hold still while they grade."""
    waiting = Q(status=SubmissionStatus.SUBMITTED)
    ungraded_essay = Q(grade__isnull=True)
    if with_unreleased:
        waiting |= Q(status=SubmissionStatus.GRADED, grade__released_at__isnull=True)
        ungraded_essay |= Q(grade__released_at__isnull=True)
    submissions = (
        Submission.objects.filter(waiting, enrollment__cohort=cohort)
        .select_related("assignment", "enrollment__user")
        .order_by("submitted_at", "pk")
    )
    entries = [
        QueueEntry(
            kind=SUBMISSION,
            pk=s.pk,
            cohort_id=cohort.pk,
            item=item_key(s.assignment),
            item_title=s.assignment.title,
            trainee=s.enrollment.user.full_name,
            submitted_at=s.submitted_at or s.saved_at,
            revision=s.revision,
            graded=s.status == SubmissionStatus.GRADED,
        )
        for s in submissions
    ]
    essays = _essays(cohort).filter(ungraded_essay).annotate(graded=Q(grade__isnull=False))
    for response in essays:
        if not response.graded and not (response.answer.get("text") or "").strip():
            continue  # a blank essay scores 0 already: there is nothing to read
        quiz = response.attempt.quiz
        entries.append(
            QueueEntry(
                kind=ESSAY,
                pk=response.pk,
                cohort_id=cohort.pk,
                item=item_key(quiz),
                item_title=essay_title(response),
                trainee=response.attempt.enrollment.user.full_name,
                submitted_at=response.attempt.submitted_at,
                graded=response.graded,
            )
        )
    entries.sort(key=lambda e: (e.submitted_at, e.kind, e.pk))
    return entries


def _essays(cohort: Cohort):
    """Essay answers of the cohort's submitted attempts (surveys are never scored)."""
    return (
        Response.objects.filter(
            attempt__enrollment__cohort=cohort,
            attempt__submitted_at__isnull=False,
            question__kind=QuestionKind.ESSAY,
        )
        .exclude(attempt__quiz__kind=QuizKind.EVALUATION)
        .select_related("question", "attempt__quiz", "attempt__enrollment__user")
        .order_by("attempt__submitted_at", "pk")
    )


def gradable_submissions(cohort: Cohort):
    """The submissions of a cohort a trainer may open for grading (drafts and returned work
    are the trainee's)."""
    return Submission.objects.filter(enrollment__cohort=cohort, status__in=GRADABLE).select_related(
        "assignment__module", "assignment__rubric", "enrollment__user", "grade__graded_by"
    )


def gradable_essays(cohort: Cohort):
    return _essays(cohort).select_related("grade__graded_by")


def essay_title(response: Response) -> str:
    return f"{response.attempt.quiz.title}: {response.question.label}"[:200]


@dataclass(frozen=True)
class QueuePosition:
    """Where an entry sits in the round, for "n of m", Previous / Next, and where to go next."""

    number: int  # 1-based; 0 when the entry is not in the round (a released grade, regraded)
    total: int
    previous: QueueEntry | None
    next: QueueEntry | None
    following: QueueEntry | None  # the next entry still to grade, after this one, wrapping round
    to_grade: int  # entries other than this one still waiting for a grade


def queue_position(entries: list[QueueEntry], *, kind: str, pk: int) -> QueuePosition:
    index = next((i for i, e in enumerate(entries) if e.kind == kind and e.pk == pk), None)
    others = [e for e in entries if not e.graded and not (e.kind == kind and e.pk == pk)]
    if index is None:
        return QueuePosition(
            0, len(entries), None, None, others[0] if others else None, len(others)
        )
    after = next((e for e in entries[index + 1 :] if not e.graded), None)
    return QueuePosition(
        number=index + 1,
        total=len(entries),
        previous=entries[index - 1] if index > 0 else None,
        next=entries[index + 1] if index + 1 < len(entries) else None,
        following=after or (others[0] if others else None),
        to_grade=len(others),
    )


@dataclass(frozen=True)
class QueueItem:
    """One line of the queue overview: an assignment or quiz with work waiting."""

    item: str
    title: str
    count: int
    first: QueueEntry


def queue_items(entries: list[QueueEntry]) -> list[QueueItem]:
    """The entries counted per item, in the order the oldest work of each arrived."""
    firsts, counts = {}, {}
    for entry in entries:
        key = (entry.item, entry.item_title)  # the key too: two assignments may share a title
        firsts.setdefault(key, entry)
        counts[key] = counts.get(key, 0) + 1
    return [
        QueueItem(item=first.item, title=first.item_title, count=counts[key], first=first)
        for key, first in firsts.items()
    ]


@dataclass(frozen=True)
class GradeRow:
    grade: Grade
    item_title: str
    url: str  # the grading page, to regrade


def grade_rows(cohort: Cohort, *, released: bool, limit: int | None = None) -> list[GradeRow]:
    """The cohort's grades, unreleased (oldest first) or released (latest first). One query."""
    grades = (
        Grade.objects.filter(enrollment__cohort=cohort)
        .select_related(
            "enrollment__user",
            "graded_by",
            "submission__assignment",
            "response__question",
            "response__attempt__quiz",
        )
        .order_by(*(("-released_at", "-pk") if released else ("graded_at", "pk")))
    )
    grades = grades.released() if released else grades.unreleased()
    if limit is not None:
        grades = grades[:limit]
    rows = []
    for grade in grades:
        if grade.submission_id:
            title = grade.submission.assignment.title
            url = reverse("grading:submission", args=[cohort.pk, grade.submission_id])
        else:
            title = essay_title(grade.response)
            url = reverse("grading:essay", args=[cohort.pk, grade.response_id])
        rows.append(GradeRow(grade=grade, item_title=title, url=url))
    return rows


@dataclass(frozen=True)
class WorksheetField:
    """One field of a submitted worksheet, shaped for a read-only page: text, a list, or a
    table (a diary card's week, a case formulation's ranked behaviors)."""

    key: str
    label: str
    text: str = ""
    items: tuple = ()
    headers: tuple = ()
    rows: tuple = ()
    row_header: bool = False  # the first cell of each row names the row


def worksheet_fields(submission: Submission) -> list[WorksheetField]:
    """The worksheet as the trainee filled it in, labelled as their form labels it; keys the
    template does not know (older content) follow, humanised."""
    assignment = submission.assignment
    content = submission.content if isinstance(submission.content, dict) else {}
    kind = assignment.worksheet
    if kind == WorksheetKind.DIARY_CARD:
        fields = [_diary_card(worksheets.saved_rows(assignment, content), content.get("days"))]
    elif kind == WorksheetKind.CASE_FORMULATION:
        fields = [_behaviors(content.get("behaviors"))]
        fields += [_text_field(step, content) for step in worksheets.text_steps(kind)]
    else:
        fields = [_text_field(step, content) for step in worksheets.text_steps(kind)]
    # "rows" is the card's own definition, shown as the table's row headers.
    known = {field.key for field in fields} | {"rows"}
    return fields + [
        _shape(key, _humanise(key), v) for key, v in content.items() if key not in known
    ]


def _text_field(step, content: dict) -> WorksheetField:
    return WorksheetField(step.key, step.label, text=_text(content.get(step.key)))


def _diary_card(rows, days) -> WorksheetField:
    """The week as on a paper diary card: a row per target (the rows the trainee's card had,
    their personal targets included), a column per day."""
    days = days if isinstance(days, dict) else {}
    return WorksheetField(
        "days",
        "Diary card",
        headers=("Target", *(label for _key, label in worksheets.DAYS)),
        rows=tuple(
            (
                f"{row.group}: {row.label}" + (f" ({row.scale})" if row.scale else ""),
                *(_text((days.get(day) or {}).get(row.key)) for day, _label in worksheets.DAYS),
            )
            for row in rows
        ),
        row_header=True,
    )


def _behaviors(behaviors) -> WorksheetField:
    """The case's behaviors in the order the trainee ranked them (unranked last)."""
    behaviors = [b for b in behaviors or [] if isinstance(b, dict)]
    priorities = dict(worksheets.PRIORITY_CHOICES)
    ranked = sorted(
        behaviors, key=lambda b: (not isinstance(b.get("rank"), int), b.get("rank") or 0)
    )
    return WorksheetField(
        "behaviors",
        "Target hierarchy",
        headers=("Rank", "Behavior", "Stage-1 priority", "Justification"),
        rows=tuple(
            (
                _text(b.get("rank")),
                _text(b.get("behavior")),
                str(priorities.get(b.get("priority"), b.get("priority") or "")),
                _text(b.get("justification")),
            )
            for b in ranked
        ),
    )


def _humanise(key: str) -> str:
    return str(key).replace("_", " ").strip().capitalize()


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, dict):
        return "; ".join(f"{_humanise(k)}: {_text(v)}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(_text(v) for v in value)
    return str(value)


def _shape(key: str, label: str, value) -> WorksheetField:
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        headers = list(dict.fromkeys(k for row in value for k in row))
        return WorksheetField(
            key,
            label,
            headers=tuple(_humanise(h) for h in headers),
            rows=tuple(tuple(_text(row.get(h)) for h in headers) for row in value),
        )
    if isinstance(value, list):
        return WorksheetField(key, label, items=tuple(_text(v) for v in value))
    return WorksheetField(key, label, text=_text(value))


# --- grading (writes) ----------------------------------------------------------------------------


def _check_score(score, maximum: Decimal) -> Decimal:
    if score is None:
        raise ValidationError({"score": "Give a score."})
    score = Decimal(score)
    if not score.is_finite() or score < 0 or score > maximum:
        raise ValidationError({"score": f"Give a score from 0 to {maximum.normalize():f}."})
    if score != score.quantize(CENTS):
        raise ValidationError({"score": "Give the score to at most two decimal places."})
    return score


def _rubric_scores(
    rubric: Rubric, levels: dict, comments: dict
) -> tuple[Decimal, Decimal, list[CriterionScore]]:
    """The chosen level of each criterion (unsaved CriterionScores), their total and the
    rubric's maximum; every criterion needs one of its own levels."""
    criteria = list(rubric.criteria.all())
    if not rubric.max_points():
        # The rubric lost its criteria (or its points) after it was chosen: no score can count.
        raise ValidationError(
            {
                NON_FIELD_ERRORS: f"The rubric “{rubric.title}” has no criteria with points; "
                "add them in the rubric editor before grading."
            }
        )
    known = {c.pk for c in criteria}
    if set(levels) - known:
        raise ValidationError({NON_FIELD_ERRORS: "Those criteria are not part of this rubric."})
    errors, rows = {}, []
    for criterion in criteria:
        chosen = levels.get(criterion.pk)
        level_id = getattr(chosen, "pk", chosen)
        level = next((lv for lv in criterion.levels.all() if lv.pk == level_id), None)
        if level is None:
            errors[f"level_{criterion.pk}"] = f"Choose one of the levels of “{criterion.title}”."
            continue
        comment = str(comments.get(criterion.pk) or "").strip()
        rows.append(
            CriterionScore(criterion=criterion, level=level, points=level.points, comment=comment)
        )
    if errors:
        raise ValidationError(errors)
    return sum((row.points for row in rows), Decimal(0)), rubric.max_points(), rows


@transaction.atomic
def grade_submission(
    *,
    submission: Submission,
    grader,
    levels: dict,
    comments: dict,
    score: Decimal | None = None,
    feedback: str = "",
    release: bool = False,
) -> Grade:
    """Grade (or regrade) submitted work: by the rubric's levels {criterion id: level or level
    id} with a comment each, or by a single score when the assignment has no rubric."""
    submission = (
        # Locked so two trainers grading the same work at once take turns.
        Submission.objects.select_for_update(of=("self",))
        .select_related("assignment", "enrollment")
        .get(pk=submission.pk)
    )
    if submission.status not in GRADABLE:
        raise ValidationError(
            f"This work is {submission.get_status_display().lower()}, not submitted: "
            "it can be graded once the trainee submits it."
        )
    assignment = submission.assignment
    rows = []
    if assignment.rubric_id:
        rubric = Rubric.objects.prefetch_related("criteria__levels").get(pk=assignment.rubric_id)
        score, max_score, rows = _rubric_scores(rubric, levels, comments)
    else:
        max_score = assignment.points
        score = _check_score(score, max_score)
    grade = Grade.objects.filter(submission=submission).first() or Grade(
        submission=submission, enrollment=submission.enrollment
    )
    old = score_text(grade.score, grade.max_score) if grade.pk else ""
    now = timezone.now()
    _fill(grade, score=score, max_score=max_score, feedback=feedback, grader=grader, now=now)
    grade.criterion_scores.all().delete()
    for row in rows:
        row.grade = grade
    CriterionScore.objects.bulk_create(rows)
    if submission.status != SubmissionStatus.GRADED:
        submission.status = SubmissionStatus.GRADED
        submission.save(update_fields=["status"])
    record_grade_change(
        enrollment=submission.enrollment,
        item=item_key(assignment),
        item_title=assignment.title,
        action=GradeAction.GRADED,
        old=old,
        new=score_text(score, max_score),
        by=grader,
        at=now,
    )
    if release:
        release_grades(grades=[grade], by=grader)
        grade.refresh_from_db()
    return grade


def _fill(grade: Grade, *, score, max_score, feedback, grader, now) -> None:
    grade.score, grade.max_score = score, max_score
    grade.feedback = (feedback or "").strip()
    grade.graded_by, grade.graded_at = grader, now
    grade.full_clean(exclude=["submission", "response", "enrollment", "graded_by"])
    grade.save()


@transaction.atomic
def return_submission(*, submission: Submission, grader, feedback: str) -> Submission:
    """Send submitted work back for revision with a note the trainee sees at once (not a grade)."""
    feedback = (feedback or "").strip()
    if not feedback:
        raise ValidationError({"feedback": "Say what to revise: the trainee reads this note."})
    submission = (
        Submission.objects.select_for_update(of=("self",))
        .select_related("assignment", "enrollment")
        .get(pk=submission.pk)
    )
    if submission.status != SubmissionStatus.SUBMITTED:
        raise ValidationError(
            f"Only submitted work can be returned; this work is "
            f"{submission.get_status_display().lower()}."
        )
    now = timezone.now()
    submission.status = SubmissionStatus.RETURNED
    submission.return_feedback = feedback
    submission.returned_at = now
    submission.save(update_fields=["status", "return_feedback", "returned_at"])
    record_grade_change(
        enrollment=submission.enrollment,
        item=item_key(submission.assignment),
        item_title=submission.assignment.title,
        action=GradeAction.RETURNED,
        reason=feedback,
        by=grader,
        at=now,
    )
    return submission


@transaction.atomic
def grade_essay(
    *, response: Response, grader, score: Decimal, feedback: str = "", release: bool = False
) -> Grade:
    """Grade (or regrade) a quiz essay answer out of the question's points."""
    response = (
        Response.objects.select_for_update(of=("self",))
        .select_related("question", "attempt__quiz", "attempt__enrollment")
        .get(pk=response.pk)
    )
    question, attempt = response.question, response.attempt
    if (
        question.kind != QuestionKind.ESSAY
        or attempt.submitted_at is None
        or attempt.quiz.is_survey
    ):
        raise ValidationError("Only essay answers of submitted quiz attempts are graded here.")
    score = _check_score(score, question.points)
    grade = Grade.objects.filter(response=response).first() or Grade(
        response=response, enrollment=attempt.enrollment
    )
    old = score_text(grade.score, grade.max_score) if grade.pk else ""
    now = timezone.now()
    _fill(grade, score=score, max_score=question.points, feedback=feedback, grader=grader, now=now)
    if grade.released_at is not None:
        # A regrade of a released essay shows at once, as the first grade did at its release.
        _apply_essay_grades([grade])
    record_grade_change(
        enrollment=attempt.enrollment,
        item=item_key(attempt.quiz),
        item_title=essay_title(response),
        action=GradeAction.GRADED,
        old=old,
        new=score_text(score, question.points),
        by=grader,
        at=now,
    )
    if release:
        release_grades(grades=[grade], by=grader)
        grade.refresh_from_db()
    return grade


def _apply_essay_grades(grades: list[Grade]) -> None:
    """Copy released essay grades to their responses and total their attempts again."""
    responses = []
    for grade in grades:
        response = grade.response
        response.score = grade.score
        response.fraction = (
            (grade.score / grade.max_score).quantize(Decimal("0.00001"))
            if grade.max_score
            else Decimal(0)
        )
        responses.append(response)
    Response.objects.bulk_update(responses, ["score", "fraction"])
    retotal_attempts(attempts=list({r.attempt_id: r.attempt for r in responses}.values()))


@transaction.atomic
def release_grades(*, grades, by) -> int:
    """Show grades to their trainees: those not yet released are stamped, audited, and (after
    the commit) emailed about once. Returns how many were released now. A fixed number of
    queries however many grades."""
    now = timezone.now()
    pending = list(
        Grade.objects.select_for_update(of=("self",))
        .filter(pk__in=[g.pk for g in grades], released_at__isnull=True)
        .select_related(
            "enrollment",
            "submission__assignment",
            "response__question",
            "response__attempt__quiz",
        )
        .order_by("pk")
    )
    if not pending:
        return 0
    ids = [g.pk for g in pending]
    Grade.objects.filter(pk__in=ids).update(released_at=now)
    for grade in pending:
        grade.released_at = now
    essays = [g for g in pending if g.response_id]
    if essays:
        _apply_essay_grades(essays)
    # One INSERT for the batch.
    GradeChange.objects.bulk_create(
        grade_change(
            enrollment_id=grade.enrollment_id,
            item=_item_of(grade),
            item_title=_title_of(grade),
            action=GradeAction.RELEASED,
            new=score_text(grade.score, grade.max_score),
            by=by,
            at=now,
        )
        for grade in pending
    )
    # The trainee hears of it in-app and (after the commit) by email, once per grade.
    notify(dues=grade_released_dues(pending), now=now)
    return len(pending)


def _item_of(grade: Grade) -> str:
    if grade.submission_id:
        return item_key(grade.submission.assignment)
    return item_key(grade.response.attempt.quiz)


def _title_of(grade: Grade) -> str:
    if grade.submission_id:
        return grade.submission.assignment.title
    return essay_title(grade.response)


def grade_released_dues(grades: list[Grade]) -> list[Due]:
    """The reminders for released grades (`release_grades` records them)."""
    dues = []
    for grade in grades:
        enrollment = grade.enrollment
        if grade.submission_id:
            title = grade.submission.assignment.title
            path = reverse(
                "assignments:assignment",
                args=[enrollment.cohort_id, grade.submission.assignment_id],
            )
        else:
            attempt = grade.response.attempt
            title = attempt.quiz.title
            path = reverse("quizzes:review", args=[enrollment.cohort_id, attempt.pk])
        dues.append(
            Due(
                enrollment.pk,
                enrollment.cohort_id,
                enrollment.user_id,
                ReminderKind.GRADE_RELEASED,
                f"grade:{grade.pk}",
                grade.released_at,
                {"title": title, "path": path},
            )
        )
    return dues
