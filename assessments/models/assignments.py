"""Assignments: DBT worksheets a trainee fills in and submits, and the rubrics trainers grade them by.

A rubric belongs to a course and can serve any number of its assignments. A submission is one row
per (assignment, enrollment) that moves draft → submitted → returned / graded; resubmitting after a
return counts a new revision on the same row.
"""

import uuid
from decimal import Decimal
from pathlib import PurePath

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from modules.models import Module

from ..taxonomy import CLIENT_WORKSHEETS, SubmissionStatus, WorksheetKind

MAX_POINTS = Decimal("1000")


class Rubric(models.Model):
    course = models.ForeignKey("courses.Course", on_delete=models.CASCADE, related_name="rubrics")
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["course", "title", "pk"]

    def __str__(self) -> str:
        return self.title

    def max_points(self) -> Decimal:
        """Sum of each criterion's best level; uses prefetched criteria and levels when present."""
        return sum(
            (
                max((level.points for level in c.levels.all()), default=Decimal(0))
                for c in self.criteria.all()
            ),
            Decimal(0),
        )


class Criterion(models.Model):
    rubric = models.ForeignKey(Rubric, on_delete=models.CASCADE, related_name="criteria")
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    position = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["rubric", "position", "pk"]
        verbose_name_plural = "criteria"

    def __str__(self) -> str:
        return self.title


class Level(models.Model):
    """One step of a criterion's scale, e.g. “Proficient — 3 points”."""

    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="levels")
    title = models.CharField(max_length=100)
    description = models.TextField(blank=True)
    points = models.DecimalField(
        max_digits=7,
        decimal_places=2,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(MAX_POINTS)],
    )
    position = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["criterion", "position", "pk"]

    def __str__(self) -> str:
        return f"{self.title} ({self.points})"


class BankComment(models.Model):
    """A comment a grader reuses for a criterion (the criterion's comment bank)."""

    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="bank_comments")
    text = models.TextField()
    position = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["criterion", "position", "pk"]

    def __str__(self) -> str:
        return self.text[:60]


class AssignmentQuerySet(models.QuerySet):
    def in_course_order(self) -> "AssignmentQuerySet":
        return self.order_by("module__position", "position", "pk")


class Assignment(models.Model):
    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="assignments")
    title = models.CharField(max_length=200)
    instructions = models.TextField(blank=True, help_text="Markdown, shown above the worksheet.")
    instructions_html = models.TextField(blank=True, editable=False)
    worksheet = models.CharField(
        max_length=20, choices=WorksheetKind.choices, default=WorksheetKind.CHAIN_ANALYSIS
    )
    # Diary card only: the card's rows, as {"key", "label", "group", "kind", "high"} objects in
    # order (assessments.assignments.worksheets reads them); empty means the standard card.
    diary_rows = models.JSONField(default=list, blank=True)
    personal_rows_allowed = models.BooleanField(
        "trainees may add their own target rows",
        default=False,
        help_text="Diary card only: each trainee may add up to five rows of their own targets.",
    )
    case_behaviors = models.TextField(
        blank=True,
        help_text="Target hierarchy only: the case's behaviors, one per line, for the trainee to "
        "order by stage-1 priority.",
    )
    rubric = models.ForeignKey(
        Rubric,
        null=True,
        blank=True,
        # A rubric that graded work cannot vanish from under its grades.
        on_delete=models.PROTECT,
        related_name="assignments",
        help_text="Leave empty to grade with a single score out of the points below.",
    )
    points = models.DecimalField(
        max_digits=7,
        decimal_places=2,
        default=Decimal(10),
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(MAX_POINTS)],
        help_text="The maximum score when there is no rubric.",
    )
    required_for_completion = models.BooleanField(
        "required for the certificate",
        default=True,
        help_text="Must be graded at or above its pass level (when the course requires assignments).",
    )
    pass_percent = models.PositiveSmallIntegerField(
        "pass level (%)",
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text="Empty: the course's pass mark.",
    )
    about_client = models.BooleanField(
        "asks to confirm de-identification",
        default=True,
        help_text="Before submitting, the trainee confirms that client-identifying details were removed.",
    )
    position = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        ordering = ["module", "position", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_client_worksheet(self) -> bool:
        return self.worksheet in CLIENT_WORKSHEETS

    @property
    def behaviors(self) -> list[str]:
        return [line.strip() for line in self.case_behaviors.splitlines() if line.strip()]

    def max_points(self) -> Decimal:
        return self.rubric.max_points() if self.rubric_id else self.points


def submission_path(instance: "Submission", filename: str) -> str:
    # A random folder: the trainee's file name stays readable, and no one guesses another's URL.
    suffix = PurePath(filename).suffix.lower()[:10]
    return f"submissions/{instance.assignment_id}/{uuid.uuid4().hex}{suffix}"


class SubmissionQuerySet(models.QuerySet):
    def for_trainee(self, user) -> "SubmissionQuerySet":
        return self.filter(enrollment__user=user)

    def taught_by(self, user) -> "SubmissionQuerySet":
        """Submissions in the cohorts this trainer teaches."""
        return self.filter(enrollment__cohort__trainers=user)

    def awaiting_grading(self) -> "SubmissionQuerySet":
        return self.filter(status=SubmissionStatus.SUBMITTED)


class Submission(models.Model):
    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="submissions")
    enrollment = models.ForeignKey(
        "courses.Enrollment", on_delete=models.CASCADE, related_name="submissions"
    )
    status = models.CharField(
        max_length=10, choices=SubmissionStatus.choices, default=SubmissionStatus.DRAFT
    )
    # The worksheet's fields by name (see assessments.worksheets for each kind's shape).
    content = models.JSONField(default=dict, blank=True)
    file = models.FileField(upload_to=submission_path, max_length=300, blank=True)
    file_name = models.CharField(max_length=255, blank=True)
    saved_at = models.DateTimeField()
    submitted_at = models.DateTimeField(null=True, blank=True)
    revision = models.PositiveSmallIntegerField(
        default=0, help_text="How many times it was submitted."
    )
    deidentified_at = models.DateTimeField(
        null=True, blank=True, help_text="When the trainee confirmed client details were removed."
    )
    returned_at = models.DateTimeField(null=True, blank=True)
    return_feedback = models.TextField(blank=True)

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        ordering = ["assignment", "enrollment"]
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "enrollment"], name="one_submission_per_assignment"
            ),
        ]
        indexes = [models.Index(fields=["status", "submitted_at"], name="submission_queue")]

    def __str__(self) -> str:
        return f"{self.assignment} · {self.enrollment}"

    @property
    def is_editable(self) -> bool:
        return self.status in (SubmissionStatus.DRAFT, SubmissionStatus.RETURNED)
