"""The trainee's side of assignments: saving a worksheet draft, submitting it (and resubmitting it
after a return), and what the trainee may see of where each assignment stands.

A submission is serialised on its own row (`select_for_update`, and the autosave's single
INSERT … ON CONFLICT … DO UPDATE, which locks the row too): an autosave that arrives after a
submit from another tab finds it closed, and two submits count one revision. A trainee sees a
grade only once it is released; until then a graded submission reads "Submitted".
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from assessments.assignments import worksheets
from assessments.models import Assignment, CriterionScore, Grade, Submission
from assessments.taxonomy import SubmissionStatus, WorksheetKind
from courses.models import Enrollment, EnrollmentStatus
from dbt_training.core.db import upsert
from dbt_training.core.errors import Refused
from dbt_training.core.formatting import score_text
from modules.activities import Activity
from modules.content import render_markdown
from modules.files import check_attachment
from modules.progress import CohortProgress, cohort_progress

CONFIRM_FIELD = "confirm_deidentified"


class AssignmentUnavailable(Refused):
    """The trainee may not work on this assignment now (locked module, waitlist, withdrawn)."""


class SubmitRefused(ValidationError):
    """Submitting was refused (incomplete, or the de-identification not confirmed); the draft
    stays as it was saved. Keyed by input name like any form error."""


class WorksheetClosed(Refused):
    """The worksheet is submitted (or graded): it takes no more changes until it is returned."""

    def __init__(self, submission: Submission):
        super().__init__(
            "This worksheet is submitted, so it can no longer be changed."
            if submission.status == SubmissionStatus.SUBMITTED
            else "This worksheet is graded, so it can no longer be changed."
        )
        self.submission = submission


def access_refusal(enrollment: Enrollment, assignment: Assignment, state) -> str:
    """Why the trainee may not even open the assignment (waitlisted, module locked), or ""."""
    if enrollment.status == EnrollmentStatus.WAITLISTED:
        return "You are on this cohort's waitlist; assignments open once you have a seat."
    if state is None:
        return "This assignment is not part of your course."
    if not state.is_open:
        return f"“{assignment.title}” is locked. {state.lock_reason}"
    return ""


def unavailable_reason(enrollment: Enrollment, assignment: Assignment, progress=None) -> str:
    """Why this trainee cannot change the assignment's worksheet now, or "" when they can."""
    if enrollment.status == EnrollmentStatus.WITHDRAWN:
        return "You have withdrawn from this cohort, so your worksheets can no longer be changed."
    if enrollment.status not in (EnrollmentStatus.ACTIVE, EnrollmentStatus.WAITLISTED):
        return "This cohort is finished, so your worksheets can no longer be changed."
    state = (progress or cohort_progress(enrollment)).state_of(assignment.module_id)
    return access_refusal(enrollment, assignment, state)


def _refuse_if_unavailable(enrollment: Enrollment, assignment: Assignment) -> None:
    if assignment.module.course_id != enrollment.cohort.course_id:
        raise AssignmentUnavailable("This assignment is not part of your course.")
    reason = unavailable_reason(enrollment, assignment)
    if reason:
        raise AssignmentUnavailable(reason)


def _locked(enrollment: Enrollment, assignment: Assignment) -> Submission | None:
    return (
        Submission.objects.select_for_update(of=("self",))
        .filter(enrollment=enrollment, assignment=assignment)
        .first()
    )


@transaction.atomic
def save_draft(
    *,
    enrollment: Enrollment,
    assignment: Assignment,
    data,
    upload=None,
    now: datetime | None = None,
) -> Submission:
    """Store the worksheet as it stands (incomplete is fine). A value out of range is left empty
    and the rest stored: the returned submission's `draft_problems` holds {input name: why} for
    those values ({} when there were none). A file too large or not what its name says, or a
    personal target that cannot be added, refuses the whole save with a ValidationError keyed by
    input name; nothing is stored then."""
    now = now or timezone.now()
    _refuse_if_unavailable(enrollment, assignment)
    takes_file = assignment.worksheet == WorksheetKind.FILE_UPLOAD
    if upload is None or not takes_file:
        return _save_content(enrollment, assignment, data, now)
    submission = _locked(enrollment, assignment)
    if submission is not None and not submission.is_editable:
        raise WorksheetClosed(submission)
    content, problems = worksheets.parse_draft(assignment, data)
    if upload is not None and takes_file:
        try:
            check_attachment(upload)
        except ValidationError as error:
            raise ValidationError({"file": error.messages}) from None
    if submission is None:
        submission = Submission(enrollment=enrollment, assignment=assignment)
    submission.content = content
    submission.saved_at = now
    storage, old_file, new_file = submission.file.storage, submission.file.name, ""
    if upload is not None and takes_file:
        submission.file.save(upload.name, upload, save=False)
        submission.file_name = upload.name[:255]
        new_file = submission.file.name
    try:
        submission = _store(submission)
    except Exception:
        if new_file:
            storage.delete(new_file)
        raise
    if new_file and old_file:
        # The replaced file goes only once the new one is committed.
        transaction.on_commit(lambda: storage.delete(old_file))
    submission.draft_problems = problems
    return submission


def _save_content(
    enrollment: Enrollment, assignment: Assignment, data, now: datetime
) -> Submission:
    """The autosave (no file): one statement writes the draft, `upsert`, which inserts the row or
    updates it only while it is editable; it waits on a submit holding the row's lock and then
    finds the worksheet closed, as `_locked` would."""
    try:
        content, problems = worksheets.parse_draft(assignment, data)
    except ValidationError:
        # A submitted worksheet says so before anything about the values, as it always has.
        closed = Submission.objects.filter(enrollment=enrollment, assignment=assignment).first()
        if closed is not None and not closed.is_editable:
            raise WorksheetClosed(closed) from None
        raise
    submission = upsert(
        Submission(enrollment=enrollment, assignment=assignment, content=content, saved_at=now),
        unique=("assignment", "enrollment"),
        update=("content", "saved_at"),
        only_if={"status": [SubmissionStatus.DRAFT, SubmissionStatus.RETURNED]},
    )
    if submission is None:
        raise WorksheetClosed(Submission.objects.get(enrollment=enrollment, assignment=assignment))
    submission.enrollment, submission.assignment = enrollment, assignment
    submission.draft_problems = problems
    return submission


def _store(submission: Submission) -> Submission:
    if submission.pk is not None:
        submission.save()
        return submission
    # Two first saves at once (two tabs): one inserts the row; the other finds it, waits on its
    # lock, and writes its draft there, unless it was submitted in between.
    try:
        with transaction.atomic():
            submission.save(force_insert=True)
        return submission
    except IntegrityError:
        existing = _locked(submission.enrollment, submission.assignment)
        if not existing.is_editable:
            raise WorksheetClosed(existing) from None
        for name in ("content", "saved_at", "file", "file_name"):
            setattr(existing, name, getattr(submission, name))
        existing.save()
        return existing


@transaction.atomic
def submit(
    *,
    confirm_deidentified: bool,
    submission: Submission | None = None,
    enrollment: Enrollment | None = None,
    assignment: Assignment | None = None,
    now: datetime | None = None,
) -> Submission:
    """Hand the saved worksheet in. Refuses (ValidationError keyed by input name, the draft
    kept) when it is incomplete or, for a worksheet about a client, when the trainee has not
    confirmed that client-identifying details were removed. Submitting what is already
    submitted changes nothing."""
    if submission is not None:
        enrollment, assignment = submission.enrollment, submission.assignment
    if enrollment is None or assignment is None:
        raise TypeError("submit() needs a submission, or an enrollment and an assignment.")
    locked = _locked(enrollment, assignment)
    # The moment is taken once the row is ours: every autosave that got in before the lock was
    # saved earlier, so no accepted draft is later than the submission that includes it.
    now = now or timezone.now()
    if locked is not None and locked.status in (
        SubmissionStatus.SUBMITTED,
        SubmissionStatus.GRADED,
    ):
        return locked
    _refuse_if_unavailable(enrollment, assignment)
    errors = worksheets.incomplete(
        assignment,
        locked.content if locked else {},
        has_file=bool(locked and locked.file),
    )
    if assignment.about_client and not confirm_deidentified:
        errors[CONFIRM_FIELD] = (
            "Confirm that you removed client-identifying details before you submit."
        )
    if errors or locked is None:
        raise SubmitRefused({name: [message] for name, message in errors.items()})
    locked.status = SubmissionStatus.SUBMITTED
    locked.submitted_at = now
    locked.revision += 1
    locked.deidentified_at = now if assignment.about_client else None
    locked.save(
        update_fields=["status", "submitted_at", "revision", "deidentified_at"],
    )
    return locked


def save_and_submit(
    *,
    enrollment: Enrollment,
    assignment: Assignment,
    data,
    confirm_deidentified: bool,
    upload=None,
    now: datetime | None = None,
) -> Submission:
    """The submit button's post: store what the form holds, then submit it.

    Deliberately two transactions, not one: when submitting is refused (incomplete, or the
    de-identification not confirmed, or a value out of range) the draft just saved must stay
    saved."""
    draft = save_draft(
        enrollment=enrollment, assignment=assignment, data=data, upload=upload, now=now
    )
    if draft.draft_problems:
        # The value left out of the draft is one the trainee typed: submitting without it
        # would hand in something they never wrote.
        raise SubmitRefused({name: [message] for name, message in draft.draft_problems.items()})
    return submit(
        enrollment=enrollment,
        assignment=assignment,
        confirm_deidentified=confirm_deidentified,
        now=now,
    )


# --- reads ----------------------------------------------------------------------------------


@dataclass
class AssignmentStanding:
    """Where a trainee stands with one assignment, showing only what they may see."""

    assignment: Assignment
    submission: Submission | None = None
    return_feedback_html: str = ""

    @property
    def status(self) -> str:
        return self.submission.status if self.submission else ""

    @property
    def grade(self) -> Grade | None:
        """The released grade, or None: an unreleased grade is not the trainee's to see."""
        if self.submission is None or self.submission.status != SubmissionStatus.GRADED:
            return None
        grade = getattr(self.submission, "grade", None)
        return grade if grade is not None and grade.is_released else None

    @property
    def submitted(self) -> bool:
        return self.status in (SubmissionStatus.SUBMITTED, SubmissionStatus.GRADED)

    @property
    def is_editable(self) -> bool:
        return self.submission is None or self.submission.is_editable

    @property
    def label(self) -> str:
        grade = self.grade
        if grade is not None:
            return f"Graded: {grade_text(grade)}"
        if self.submitted:
            # Graded but not released reads the same as waiting: nothing of the score shows.
            return "Submitted"
        if self.status == SubmissionStatus.RETURNED:
            return "Returned for revision"
        if self.status == SubmissionStatus.DRAFT:
            return "Draft saved"
        return "Not started"


def grade_text(grade: Grade) -> str:
    """ "4.5 / 6", as the audit trail writes scores."""
    return score_text(grade.score, grade.max_score)


def _with_grades(queryset):
    return queryset.select_related("grade")


def standings_for(enrollment: Enrollment, assignments) -> dict[int, AssignmentStanding]:
    """{assignment id: AssignmentStanding} for one enrollment, in one query."""
    standings = {a.pk: AssignmentStanding(a) for a in assignments}
    for submission in _with_grades(
        Submission.objects.filter(enrollment=enrollment, assignment__in=list(standings))
    ):
        standings[submission.assignment_id].submission = submission
    return standings


def standing_for(enrollment: Enrollment, assignment: Assignment) -> AssignmentStanding:
    """One assignment's standing, its released grade's rubric scores loaded (three queries at
    most, whatever the rubric's size)."""
    submission = (
        Submission.objects.filter(enrollment=enrollment, assignment=assignment)
        .select_related("grade__graded_by")
        .first()
    )
    standing = AssignmentStanding(assignment, submission)
    if submission is not None and submission.return_feedback:
        # Trainer-written Markdown, sanitized like every trainer text the trainee reads.
        standing.return_feedback_html = render_markdown(submission.return_feedback)
    grade = standing.grade
    if grade is not None:
        grade.feedback_html = render_markdown(grade.feedback)
        grade.text = grade_text(grade)
        grade.scores = list(
            CriterionScore.objects.filter(grade=grade)
            .select_related("criterion", "level")
            .order_by("criterion__position", "criterion_id")
        )
        for score in grade.scores:
            score.points_text = f"{score.points.normalize():f}"
    return standing


def assignment_activities(enrollment: Enrollment, progress: CohortProgress) -> dict:
    """The cohort home's assignment lines, {module id: [Activity]}, in two queries."""
    assignments = list(
        Assignment.objects.filter(module__course_id=enrollment.cohort.course_id)
        .select_related("module")
        .in_course_order()
    )
    standings = standings_for(enrollment, assignments)
    today = timezone.now().astimezone(ZoneInfo(enrollment.cohort.time_zone)).date()
    due = {state.module.pk: state.due_on for state in progress.modules}
    result = defaultdict(list)
    for assignment in assignments:
        standing = standings[assignment.pk]
        status = standing.label
        due_on = due.get(assignment.module_id)
        if not standing.submitted and due_on and due_on < today:
            status += ", overdue"
        result[assignment.module_id].append(
            Activity(
                title=assignment.title,
                url=reverse("assignments:assignment", args=[enrollment.cohort_id, assignment.pk]),
                kind=assignment.get_worksheet_display(),
                status=status,
                done=standing.submitted,
            )
        )
    return result
