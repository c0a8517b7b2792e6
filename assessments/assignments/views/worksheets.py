"""The trainee's worksheet pages: the worksheet (a draft autosaved as they type, or saved with a
plain "Save draft" post without JavaScript), submitting it, and downloading their own file.

Everything is found through `Enrollment.objects.for_trainee(user)`: another cohort's or course's
assignment answers 404; a locked module or a waitlisted seat 403 with the reason. A withdrawn
(or finished) trainee reads their worksheet but cannot change it.
"""

from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views import View

from assessments.assignments import submissions, worksheets
from assessments.assignments.forms import CONFIRM_FIELD, build_sheet, control_id
from assessments.models import Assignment, Submission
from courses.models import EnrollmentStatus
from dbt_training.core.errors import flat_errors
from dbt_training.core.http import file_download
from modules.progress import cohort_progress
from modules.views.learn import EnrollmentMixin


class AssignmentMixin(EnrollmentMixin):
    def get_assignment(self, enrollment) -> Assignment:
        return get_object_or_404(
            Assignment.objects.select_related("module", "rubric"),
            pk=self.kwargs["assignment_id"],
            module__course=enrollment.cohort.course_id,
        )

    def page(
        self, enrollment, assignment, *, values=None, errors=None, refused="", confirmed=False
    ):
        """The worksheet page; `values` and `errors` re-show a refused post as it was sent, and
        `refused` says what was refused ("save": nothing stored; "partial": the draft stored
        without the values in `errors`; "submit": the draft stored, not submitted)."""
        state = cohort_progress(enrollment).state_of(assignment.module_id)
        refusal = submissions.access_refusal(enrollment, assignment, state)
        if refusal:
            raise PermissionDenied(refusal)
        standing = submissions.standing_for(enrollment, assignment)
        submission = standing.submission
        can_edit = standing.is_editable and enrollment.status == EnrollmentStatus.ACTIVE
        content = submission.content if submission else {}
        # A card that cannot change shows the rows it was saved with, not today's assignment's.
        rows = None if can_edit else worksheets.saved_rows(assignment, content)
        if values is None:
            values = worksheets.as_inputs(assignment, content, rows=rows)
        errors = flat_errors(errors)
        today = timezone.now().astimezone(ZoneInfo(enrollment.cohort.time_zone)).date()
        return render(
            self.request,
            "assessments/assignments/assignment.html",
            {
                "enrollment": enrollment,
                "cohort": enrollment.cohort,
                "assignment": assignment,
                "module": assignment.module,
                "state": state,
                "overdue": bool(state.due_on and state.due_on < today and not standing.submitted),
                "standing": standing,
                "submission": submission,
                "grade": standing.grade,
                "can_edit": can_edit,
                "sheet": build_sheet(
                    assignment, values, errors=errors, readonly=not can_edit, rows=rows
                ),
                "errors": errors,
                "confirm_field": CONFIRM_FIELD,
                "confirm_error": errors.get(CONFIRM_FIELD, ""),
                "confirmed": confirmed,
                "refused": refused,
                "file_error": errors.get("file", ""),
                "max_upload": settings.LESSON_ATTACHMENT_MAX_BYTES,
            },
        )


class AssignmentView(AssignmentMixin, View):
    def get(self, request, cohort_id, assignment_id):
        enrollment = self.get_enrollment()
        return self.page(enrollment, self.get_assignment(enrollment))


class SaveDraftView(AssignmentMixin, View):
    """Autosave (HTMX: answers with the status line) and the plain "Save draft" post."""

    status_template = "assessments/assignments/save_status.html"

    def post(self, request, cohort_id, assignment_id):
        enrollment = self.get_enrollment()
        assignment = self.get_assignment(enrollment)
        try:
            submission = submissions.save_draft(
                enrollment=enrollment,
                assignment=assignment,
                data=request.POST,
                upload=request.FILES.get("file"),
            )
        except (submissions.AssignmentUnavailable, submissions.WorksheetClosed) as refusal:
            if request.htmx:
                return render(request, self.status_template, {"error": refusal.reason})
            if isinstance(refusal, submissions.WorksheetClosed):
                messages.info(request, refusal.reason)
                return redirect("assignments:assignment", cohort_id, assignment.pk)
            raise PermissionDenied(refusal.reason) from None
        except ValidationError as error:
            if request.htmx:
                return render(
                    request, self.status_template, {"errors": flat_errors(error).values()}
                )
            return self.page(
                enrollment, assignment, values=request.POST, errors=error, refused="save"
            )
        problems = submission.draft_problems
        if request.htmx:
            return render(
                request,
                self.status_template,
                {
                    "saved_at": timezone.localtime(submission.saved_at),
                    # Control ids, so the page's script marks each refused cell where it is.
                    "problems": [(control_id(name), text) for name, text in problems.items()],
                },
            )
        if problems:
            return self.page(
                enrollment,
                assignment,
                values=request.POST,
                errors=ValidationError({name: [text] for name, text in problems.items()}),
                refused="partial",
            )
        messages.success(request, _saved_message(request.POST, submission))
        return redirect("assignments:assignment", cohort_id, assignment.pk)


def _saved_message(data, submission) -> str:
    """What a plain "Save draft" post (or a personal target added or removed) did."""
    rows = submission.content.get("rows") or []
    personal = {row["key"]: row["label"] for row in rows if row["group"] == "personal"}
    if data.get("action") == worksheets.ADD_ROW_ACTION and personal:
        label = list(personal.values())[-1]
        return f"Added “{label}” to your card as a personal target. Your draft is saved."
    removed = data.get(worksheets.REMOVE_ROW, "")
    label = data.get(worksheets.personal_name(removed, "label"), "").strip()
    if removed.startswith(worksheets.PERSONAL_PREFIX) and removed not in personal and label:
        return f"Removed “{label}” from your card. Your draft is saved."
    return "Your draft is saved."


class SubmitView(AssignmentMixin, View):
    """Saves what the form holds, then submits it: one post, so it works without JavaScript."""

    def post(self, request, cohort_id, assignment_id):
        enrollment = self.get_enrollment()
        assignment = self.get_assignment(enrollment)
        confirmed = request.POST.get(CONFIRM_FIELD) == "yes"
        try:
            submissions.save_and_submit(
                enrollment=enrollment,
                assignment=assignment,
                data=request.POST,
                upload=request.FILES.get("file"),
                confirm_deidentified=confirmed,
            )
        except submissions.WorksheetClosed as closed:
            # A second tab, or a double click: the first submit stands.
            messages.info(request, closed.reason)
            return redirect("assignments:assignment", cohort_id, assignment.pk)
        except submissions.AssignmentUnavailable as refusal:
            raise PermissionDenied(refusal.reason) from None
        except submissions.SubmitRefused as error:
            return self.page(
                enrollment,
                assignment,
                values=request.POST,
                errors=error,
                refused="submit",
                confirmed=confirmed,
            )
        except ValidationError as error:
            return self.page(
                enrollment,
                assignment,
                values=request.POST,
                errors=error,
                refused="save",
                confirmed=confirmed,
            )
        messages.success(request, f"“{assignment.title}” is submitted.")
        return redirect("assignments:assignment", cohort_id, assignment.pk)


class SubmissionFileView(AssignmentMixin, View):
    """The trainee's own uploaded file, through this check and never a public media URL."""

    def get(self, request, cohort_id, assignment_id):
        enrollment = self.get_enrollment()
        submission = get_object_or_404(
            Submission.objects.for_trainee(request.user).exclude(file=""),
            enrollment=enrollment,
            assignment_id=assignment_id,
        )
        return file_download(submission.file, filename=submission.file_name)
