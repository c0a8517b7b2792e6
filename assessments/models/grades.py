"""Grades: a trainer's verdict on a submission or a quiz essay, gradebook overrides and weights,
the audit trail of every grade change, and the nudges sent to trainees who fell behind.

A grade stays hidden from the trainee until `released_at` is set. Every change to what a trainee
could be graded is written to `GradeChange` (who, when, old, new, why) by the service that makes it.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from ..taxonomy import GradeAction, GradeCategory
from .assignments import Criterion, Level, Submission
from .quizzes import Quiz, Response

ATTENDANCE_ITEM = "attendance"


def item_key(item) -> str:
    """The gradebook's name for an item: "quiz:12", "assignment:5" or "attendance"."""
    if item == ATTENDANCE_ITEM:
        return ATTENDANCE_ITEM
    kind = "quiz" if isinstance(item, Quiz) else "assignment"
    return f"{kind}:{item.pk}"


class GradeQuerySet(models.QuerySet):
    def released(self) -> "GradeQuerySet":
        return self.filter(released_at__isnull=False)

    def unreleased(self) -> "GradeQuerySet":
        return self.filter(released_at__isnull=True)

    def for_trainee(self, user) -> "GradeQuerySet":
        """What a trainee may see of their own grades: released ones only."""
        return self.released().filter(enrollment__user=user)

    def taught_by(self, user) -> "GradeQuerySet":
        return self.filter(enrollment__cohort__trainers=user)


class Grade(models.Model):
    """The score and feedback for one assignment submission or one quiz essay answer."""

    submission = models.OneToOneField(
        Submission, null=True, blank=True, on_delete=models.CASCADE, related_name="grade"
    )
    response = models.OneToOneField(
        Response, null=True, blank=True, on_delete=models.CASCADE, related_name="grade"
    )
    # Denormalised from the submission or attempt so the gradebook and dashboard read grades by
    # enrollment without joining through both.
    enrollment = models.ForeignKey(
        "courses.Enrollment", on_delete=models.CASCADE, related_name="grades"
    )
    score = models.DecimalField(max_digits=9, decimal_places=2)
    max_score = models.DecimalField(max_digits=9, decimal_places=2)
    feedback = models.TextField(blank=True)
    graded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    graded_at = models.DateTimeField()
    released_at = models.DateTimeField(null=True, blank=True)
    # Set when the trainee's release email has gone, so a retried task sends it once.

    objects = GradeQuerySet.as_manager()

    class Meta:
        ordering = ["-graded_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(submission__isnull=False, response__isnull=True)
                | Q(submission__isnull=True, response__isnull=False),
                name="grade_of_submission_or_essay",
            ),
            models.CheckConstraint(
                condition=Q(score__gte=0) & Q(score__lte=models.F("max_score")),
                name="grade_score_within_max",
            ),
        ]
        indexes = [models.Index(fields=["enrollment", "released_at"], name="grade_release")]

    def __str__(self) -> str:
        return f"{self.score} / {self.max_score} · {self.enrollment}"

    @property
    def is_released(self) -> bool:
        return self.released_at is not None

    @property
    def percent(self):
        return self.score * 100 / self.max_score if self.max_score else None


class CriterionScore(models.Model):
    """The level a grader picked for one rubric criterion, with its points and comment."""

    grade = models.ForeignKey(Grade, on_delete=models.CASCADE, related_name="criterion_scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="+")
    level = models.ForeignKey(Level, null=True, on_delete=models.SET_NULL, related_name="+")
    points = models.DecimalField(max_digits=7, decimal_places=2)
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["grade", "criterion__position", "criterion"]
        constraints = [
            models.UniqueConstraint(fields=["grade", "criterion"], name="one_score_per_criterion")
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.points}"


class GradeOverride(models.Model):
    """A trainer's percentage that replaces what the gradebook would compute for one cell."""

    enrollment = models.ForeignKey(
        "courses.Enrollment", on_delete=models.CASCADE, related_name="grade_overrides"
    )
    item = models.CharField(max_length=40, help_text="quiz:ID, assignment:ID or attendance.")
    percent = models.DecimalField(
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    reason = models.CharField(max_length=300)
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    set_at = models.DateTimeField()

    class Meta:
        ordering = ["enrollment", "item"]
        constraints = [
            models.UniqueConstraint(fields=["enrollment", "item"], name="one_override_per_cell"),
            models.CheckConstraint(
                condition=Q(percent__gte=0) & Q(percent__lte=100), name="override_percent_0_100"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.item} = {self.percent}% · {self.enrollment}"


class GradeChange(models.Model):
    """One line of the audit trail: who changed which grade, when, from what, to what, and why."""

    enrollment = models.ForeignKey(
        "courses.Enrollment", on_delete=models.CASCADE, related_name="grade_changes"
    )
    item = models.CharField(max_length=40)
    item_title = models.CharField(max_length=200)
    action = models.CharField(max_length=12, choices=GradeAction.choices)
    old_value = models.CharField(max_length=40, blank=True)
    new_value = models.CharField(max_length=40, blank=True)
    reason = models.CharField(max_length=500, blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField()

    class Meta:
        ordering = ["-changed_at", "-pk"]
        indexes = [models.Index(fields=["enrollment", "changed_at"], name="grade_change_history")]

    def __str__(self) -> str:
        return f"{self.item_title}: {self.old_value or '—'} → {self.new_value or '—'}"


class GradebookWeights(models.Model):
    """How much each category counts towards a course's total. Weights are relative: a category
    with nothing graded in it drops out and the others share its weight (as Moodle's weighted mean
    does), so they need not add up to 100."""

    course = models.OneToOneField(
        "courses.Course", on_delete=models.CASCADE, related_name="gradebook_weights"
    )
    quizzes = models.PositiveSmallIntegerField(default=40, validators=[MaxValueValidator(100)])
    assignments = models.PositiveSmallIntegerField(default=50, validators=[MaxValueValidator(100)])
    attendance = models.PositiveSmallIntegerField(default=10, validators=[MaxValueValidator(100)])

    class Meta:
        verbose_name_plural = "gradebook weights"

    def __str__(self) -> str:
        return f"{self.course}: {self.quizzes}/{self.assignments}/{self.attendance}"

    def weight_of(self, category: str) -> int:
        return {
            GradeCategory.QUIZZES: self.quizzes,
            GradeCategory.ASSIGNMENTS: self.assignments,
            GradeCategory.ATTENDANCE: self.attendance,
        }[category]


class Nudge(models.Model):
    """An email a trainer sent a trainee who fell behind (so the page can say "nudged on …")."""

    enrollment = models.ForeignKey(
        "courses.Enrollment", on_delete=models.CASCADE, related_name="nudges"
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_at = models.DateTimeField()
    reason = models.CharField(max_length=300)
    emailed_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-sent_at"]

    def __str__(self) -> str:
        return f"Nudge to {self.enrollment} at {self.sent_at:%Y-%m-%d %H:%M}"
