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
MAX_DRAW = 200
MAX_TYPO_TOLERANCE = 2


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


class QuestionCategoryQuerySet(models.QuerySet):
    def in_tree_order(self) -> "QuestionCategoryQuerySet":
        return self.order_by("parent_id", "position", "name", "pk")


class QuestionCategory(models.Model):
    """A folder of a course's question bank (Moodle's question categories, Canvas's question
    groups). Categories nest; GIFT's `$CATEGORY: a/b/c` and Moodle XML's category paths name
    one by the names from the top down."""

    course = models.ForeignKey(
        "courses.Course", on_delete=models.CASCADE, related_name="question_categories"
    )
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children"
    )
    name = models.CharField(max_length=200)
    info = models.TextField(blank=True, help_text="What belongs here, for other authors.")
    position = models.PositiveIntegerField(default=0, editable=False)

    objects = QuestionCategoryQuerySet.as_manager()

    class Meta:
        ordering = ["course", "position", "name", "pk"]
        verbose_name_plural = "question categories"
        constraints = [
            models.UniqueConstraint(
                fields=["course", "parent", "name"], name="category_name_unique_in_parent"
            ),
            models.UniqueConstraint(
                fields=["course", "name"],
                condition=Q(parent__isnull=True),
                name="top_category_name_unique",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Question(models.Model):
    # A quiz's own ("fixed") question, or with no quiz a question of the course's bank that a
    # quiz reaches through a random draw from its category.
    quiz = models.ForeignKey(
        Quiz, on_delete=models.CASCADE, null=True, blank=True, related_name="questions"
    )
    category = models.ForeignKey(
        QuestionCategory,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="questions",
    )
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
    typo_tolerance = models.PositiveSmallIntegerField(
        "misspellings allowed",
        default=0,
        validators=[MaxValueValidator(MAX_TYPO_TOLERANCE)],
        help_text="Short answers only: how many letters may be wrong, missing or extra (0 to 2).",
    )
    # A course evaluation's item asking about one learning objective: its number in the course's
    # list (1-based), so the report can show each objective's ratings.
    learning_objective = models.PositiveSmallIntegerField(null=True, blank=True)
    position = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["quiz", "position", "pk"]
        constraints = [
            # Every question is somewhere: in a quiz, in the bank, or both.
            models.CheckConstraint(
                condition=Q(quiz__isnull=False) | Q(category__isnull=False),
                name="question_in_quiz_or_bank",
            ),
        ]

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
    # Moodle XML and GIFT's per-answer `[format]` may give an answer (and its feedback) a format
    # of its own; empty means the question's.
    text_format = models.CharField(
        max_length=10, choices=TextFormat.choices, blank=True, default=""
    )
    match = models.TextField(blank=True, help_text="Matching: the right-hand side.")
    fraction = models.DecimalField(
        "weight (%)",
        max_digits=8,
        decimal_places=5,
        default=Decimal(0),
        validators=[MinValueValidator(-100), MaxValueValidator(100)],
    )
    feedback = models.TextField(blank=True)
    variants = models.TextField(
        blank=True,
        help_text="Short answers: other spellings that count as this answer, one per line.",
    )
    value = models.DecimalField(max_digits=24, decimal_places=8, null=True, blank=True)
    tolerance = models.DecimalField(max_digits=24, decimal_places=8, null=True, blank=True)
    low = models.DecimalField(max_digits=24, decimal_places=8, null=True, blank=True)
    high = models.DecimalField(max_digits=24, decimal_places=8, null=True, blank=True)

    class Meta:
        ordering = ["question", "position", "pk"]

    def __str__(self) -> str:
        return self.text[:60] or self.match[:60] or str(self.value)


def question_media_path(media: "QuestionMedia", filename: str) -> str:
    return f"question-media/{media.question_id}/{filename}"


class QuestionMedia(models.Model):
    """An image a question's text, answers or feedback show (Moodle XML's embedded files). The
    text refers to it as Moodle does, `@@PLUGINFILE@@/name`, so the text travels unchanged; the
    page rewrites that to a view that serves it to the quiz's readers only."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="media")
    name = models.CharField(max_length=200)
    file = models.FileField(upload_to=question_media_path, max_length=300)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()

    class Meta:
        ordering = ["question", "name"]
        verbose_name_plural = "question media"
        constraints = [
            models.UniqueConstraint(fields=["question", "name"], name="question_media_name_unique"),
        ]

    def __str__(self) -> str:
        return self.name


class QuizDraw(models.Model):
    """A random draw: `count` questions from `category` (Moodle's random question, Canvas's
    question group): each attempt draws its own, and stores what it drew in its question order."""

    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="draws")
    # RESTRICT: a category a quiz draws from cannot go, unless the course goes with both.
    category = models.ForeignKey(QuestionCategory, on_delete=models.RESTRICT, related_name="draws")
    count = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(MAX_DRAW)]
    )
    include_subcategories = models.BooleanField(
        default=False, help_text="Draw from the categories inside this one too."
    )
    position = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["quiz", "position", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(count__gte=1), name="draw_count_at_least_one"),
        ]

    def __str__(self) -> str:
        return f"{self.count} from {self.category}"


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
