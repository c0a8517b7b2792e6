"""Quizzes: questions with their answers, and trainees' attempts with one response per question.

A quiz lives in a module and opens with it. An attempt stores the order it showed questions and
choices in (so a reload shows the same page) and its deadline (so the time limit is the
server's, not the browser's). Responses are saved as the trainee goes, one row per question.
"""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from modules.models import Module

from ..taxonomy import (
    FeedbackTiming,
    GradingMethod,
    QuestionKind,
    QuizKind,
    TextFormat,
)

MAX_ATTEMPTS = 100
MAX_TIME_LIMIT_MINUTES = 1440
MAX_POINTS = Decimal("1000")


class QuizQuerySet(models.QuerySet):
    def in_course_order(self) -> "QuizQuerySet":
        return self.order_by("module__position", "position", "pk")


class Quiz(models.Model):
    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="quizzes")
    title = models.CharField(max_length=200)
    kind = models.CharField(
        max_length=20, choices=QuizKind.choices, default=QuizKind.KNOWLEDGE_CHECK
    )
    instructions = models.TextField(blank=True, help_text="Markdown, shown before an attempt.")
    instructions_html = models.TextField(blank=True, editable=False)
    pass_mark = models.PositiveSmallIntegerField(
        "pass mark (%)",
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text="Leave empty to use the course's pass mark.",
    )
    attempts_allowed = models.PositiveSmallIntegerField(
        default=0,
        validators=[MaxValueValidator(MAX_ATTEMPTS)],
        help_text="0 for no limit.",
    )
    time_limit_minutes = models.PositiveSmallIntegerField(
        "time limit (minutes)",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_TIME_LIMIT_MINUTES)],
        help_text="Leave empty for no time limit.",
    )
    shuffle_questions = models.BooleanField(default=False)
    shuffle_choices = models.BooleanField(
        default=False, help_text="Shuffle the choices of choice and matching questions."
    )
    feedback_timing = models.CharField(
        "feedback shows",
        max_length=20,
        choices=FeedbackTiming.choices,
        default=FeedbackTiming.AFTER_SUBMIT,
    )
    grading_method = models.CharField(
        "attempt that counts",
        max_length=10,
        choices=GradingMethod.choices,
        default=GradingMethod.HIGHEST,
    )
    position = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = QuizQuerySet.as_manager()

    class Meta:
        ordering = ["module", "position", "pk"]
        verbose_name_plural = "quizzes"
        constraints = [
            models.CheckConstraint(
                condition=Q(pass_mark__isnull=True) | Q(pass_mark__lte=100),
                name="quiz_pass_mark_at_most_100",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_survey(self) -> bool:
        """A survey is never scored: every answer is an opinion."""
        return self.kind == QuizKind.EVALUATION

    def effective_pass_mark(self) -> int:
        return self.pass_mark if self.pass_mark is not None else self.module.course.pass_mark


class Question(models.Model):
    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField(max_length=12, choices=QuestionKind.choices)
    name = models.CharField(
        max_length=200, blank=True, help_text="A short name for reports (GIFT's ::name::)."
    )
    text = models.TextField()
    text_format = models.CharField(
        max_length=10, choices=TextFormat.choices, default=TextFormat.MARKDOWN
    )
    text_html = models.TextField(editable=False, blank=True)
    general_feedback = models.TextField(
        blank=True, help_text="Shown with the review, whatever was answered."
    )
    points = models.DecimalField(
        max_digits=7,
        decimal_places=2,
        default=Decimal(1),
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(MAX_POINTS)],
    )
    case_sensitive = models.BooleanField(
        default=False, help_text="Short answers only: “Wise Mind” and “wise mind” differ."
    )
    position = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["quiz", "position", "pk"]

    def __str__(self) -> str:
        return self.name or self.text[:60]

    @property
    def label(self) -> str:
        return self.name or self.text[:80]


class Answer(models.Model):
    """One choice, accepted answer, matching pair, ordering item or numeric answer.

    `fraction` is the share of the question's points, in percent as GIFT writes it (-100..100).
    Ordering items are stored in their correct order (`position`)."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    position = models.PositiveIntegerField(default=0)
    text = models.TextField(blank=True)
    match = models.TextField(blank=True, help_text="Matching: the right-hand side.")
    fraction = models.DecimalField(
        "weight (%)",
        max_digits=8,
        decimal_places=5,
        default=Decimal(0),
        validators=[MinValueValidator(-100), MaxValueValidator(100)],
    )
    feedback = models.TextField(blank=True)
    value = models.DecimalField(max_digits=24, decimal_places=8, null=True, blank=True)
    tolerance = models.DecimalField(max_digits=24, decimal_places=8, null=True, blank=True)
    low = models.DecimalField(max_digits=24, decimal_places=8, null=True, blank=True)
    high = models.DecimalField(max_digits=24, decimal_places=8, null=True, blank=True)

    class Meta:
        ordering = ["question", "position", "pk"]

    def __str__(self) -> str:
        return self.text[:60] or self.match[:60] or str(self.value)


class AttemptQuerySet(models.QuerySet):
    def for_trainee(self, user) -> "AttemptQuerySet":
        return self.filter(enrollment__user=user)

    def in_progress(self) -> "AttemptQuerySet":
        return self.filter(submitted_at__isnull=True)

    def submitted(self) -> "AttemptQuerySet":
        return self.filter(submitted_at__isnull=False)

    def expired(self, *, now) -> "AttemptQuerySet":
        return self.in_progress().filter(deadline__lt=now)


class Attempt(models.Model):
    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="attempts")
    enrollment = models.ForeignKey(
        "courses.Enrollment", on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    number = models.PositiveSmallIntegerField()
    started_at = models.DateTimeField()
    # started_at + time limit, fixed at the start: changing the quiz later moves no deadline.
    deadline = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by_time_limit = models.BooleanField(default=False)
    question_order = models.JSONField(default=list)
    choice_order = models.JSONField(default=dict)
    score = models.DecimalField(max_digits=9, decimal_places=2, null=True, blank=True)
    max_score = models.DecimalField(max_digits=9, decimal_places=2, null=True, blank=True)
    percent = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    passed = models.BooleanField(null=True)
    # Essays wait for a trainer; until then the attempt's score leaves them out and `passed`
    # stays unknown.
    awaiting_grading = models.BooleanField(default=False)

    objects = AttemptQuerySet.as_manager()

    class Meta:
        ordering = ["quiz", "enrollment", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["quiz", "enrollment", "number"], name="attempt_number_unique"
            ),
            models.UniqueConstraint(
                fields=["quiz", "enrollment"],
                condition=Q(submitted_at__isnull=True),
                name="one_open_attempt_per_quiz",
            ),
        ]
        indexes = [
            models.Index(
                fields=["deadline"],
                condition=Q(submitted_at__isnull=True),
                name="open_attempt_deadline",
            )
        ]

    def __str__(self) -> str:
        return f"{self.quiz} · attempt {self.number} · {self.enrollment}"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None


class Response(models.Model):
    """A trainee's answer to one question in one attempt, saved as they go.

    `answer` holds what was picked or typed, by kind: {"choice": id} (single, true/false,
    Likert), {"choices": [ids]} (multiple), {"pairs": {left id: right id}} (matching),
    {"positions": {item id: 1-based position}} (ordering), {"text": "..."} (short, numeric, essay)."""

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="responses")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="responses")
    answer = models.JSONField(default=dict)
    saved_at = models.DateTimeField()
    # Immediate feedback: once checked, the answer is final (as in Moodle's immediate mode).
    checked_at = models.DateTimeField(null=True, blank=True)
    fraction = models.DecimalField(max_digits=8, decimal_places=5, null=True, blank=True)
    score = models.DecimalField(max_digits=9, decimal_places=2, null=True, blank=True)

    class Meta:
        ordering = ["attempt", "question"]
        constraints = [
            models.UniqueConstraint(
                fields=["attempt", "question"], name="one_response_per_question"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.attempt} · {self.question}"
