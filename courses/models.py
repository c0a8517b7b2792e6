from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse

from dbt_training.users.roles import AUTHOR_COURSES, MANAGE_ENROLLMENTS


class CourseStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


class CourseQuerySet(models.QuerySet):
    def published(self) -> "CourseQuerySet":
        return self.filter(status=CourseStatus.PUBLISHED)

    def editable_by(self, user) -> "CourseQuerySet":
        """Courses this person may author: every course for enrollment admins, their own for
        trainers (as one of the course's authors), none for anyone else."""
        if not (user and user.is_authenticated and user.is_active):
            return self.none()
        if user.is_superuser or user.has_perm(MANAGE_ENROLLMENTS):
            return self.all()
        if user.has_perm(AUTHOR_COURSES):
            return self.filter(authors=user)
        return self.none()


class Course(models.Model):
    """A DBT training course: its modules and lessons live in the `modules` app."""

    slug = models.SlugField(
        max_length=80, unique=True, help_text="Used in the course's web address."
    )
    title = models.CharField(max_length=200)
    summary = models.CharField(max_length=300, help_text="One or two sentences for the catalogue.")
    audience = models.TextField(
        blank=True, help_text="Who the course is for, e.g. licensed clinicians joining a DBT team."
    )
    learning_objectives = models.TextField(
        blank=True, help_text="One objective per line; shown as a list on the course page."
    )
    ce_hours = models.DecimalField(
        "CE hours",
        max_digits=5,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
        help_text="Continuing-education hours a completing clinician earns.",
    )
    pass_mark = models.PositiveSmallIntegerField(
        "pass mark (%)",
        default=80,
        validators=[MaxValueValidator(100)],
        help_text="Percentage needed on the post-test.",
    )
    status = models.CharField(
        max_length=12, choices=CourseStatus.choices, default=CourseStatus.DRAFT
    )
    authors = models.ManyToManyField(
        "users.User",
        related_name="authored_courses",
        blank=True,
        help_text="Trainers who may edit this course.",
    )
    published_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CourseQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(pass_mark__lte=100), name="course_pass_mark_at_most_100"
            ),
            models.CheckConstraint(
                condition=models.Q(ce_hours__gte=0), name="course_ce_hours_positive"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("catalogue:course", args=[self.slug])

    @property
    def is_published(self) -> bool:
        return self.status == CourseStatus.PUBLISHED

    @property
    def objectives(self) -> list[str]:
        return [
            line.strip(" -*\t")
            for line in self.learning_objectives.splitlines()
            if line.strip(" -*\t")
        ]
