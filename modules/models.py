from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import F, Prefetch, Q
from django.utils.text import get_valid_filename

from courses.models import Course

from .fields import TagListField
from .taxonomy import (
    AttachmentKind,
    Component,
    LessonKind,
    SkillsModule,
    TreatmentPriority,
    TreatmentStage,
)

# Bounds that also keep SQLite (which does not enforce small-integer ranges) consistent with
# PostgreSQL, so a course always survives its own export and import.
MAX_OFFSET_DAYS = 3650
MAX_LESSON_MINUTES = 1440


class ModuleQuerySet(models.QuerySet):
    def outline(self) -> "ModuleQuerySet":
        """Modules in course order with their lessons (and the lessons' attachments) and
        prerequisites prefetched: a whole course outline in four queries, however long."""
        return self.order_by("position").prefetch_related(
            Prefetch(
                "lessons",
                queryset=Lesson.objects.order_by("position").prefetch_related("attachments"),
            ),
            Prefetch("prerequisites", queryset=Module.objects.order_by("position")),
        )


class Module(models.Model):
    """One unit of a course, tagged with its place in DBT."""

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="modules")
    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True)
    component = models.CharField(
        "primary DBT component",
        max_length=32,
        choices=Component.choices,
        help_text="The mode of comprehensive DBT this module mainly teaches; the course outline "
        "groups modules by it.",
    )
    components = TagListField(
        "further DBT components",
        taxonomy=Component,
        help_text="Other components the module also covers (e.g. a module on the structure of "
        "DBT covers all four modes).",
    )
    treatment_priorities = TagListField(
        "treatment priorities",
        taxonomy=TreatmentPriority,
        help_text="The stage-1 targets the module addresses, if any.",
    )
    skills_modules = TagListField(
        "skills modules",
        taxonomy=SkillsModule,
        help_text="The skills training modules taught, if any.",
    )
    treatment_stage = models.CharField(
        max_length=16,
        choices=TreatmentStage.choices,
        blank=True,
        help_text="The stage of treatment the module's material belongs to, if one.",
    )
    position = models.PositiveIntegerField(default=0, editable=False)
    release_offset_days = models.PositiveSmallIntegerField(
        "released after (days)",
        default=0,
        validators=[MaxValueValidator(MAX_OFFSET_DAYS)],
        help_text="Days after the cohort starts when this module opens.",
    )
    due_offset_days = models.PositiveSmallIntegerField(
        "due after (days)",
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_OFFSET_DAYS)],
        help_text="Days after the cohort starts when this module is due; leave empty for no due date.",
    )
    team_gate = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="team gate",
        help_text="Opens for a team only when every member has completed this module "
        "(e.g. part 2 of intensive training after part 1).",
    )
    prerequisites = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="unlocks",
        help_text="Modules of this course a trainee must complete first.",
    )

    objects = ModuleQuerySet.as_manager()

    class Meta:
        ordering = ["course", "position"]
        constraints = [
            models.CheckConstraint(
                condition=Q(due_offset_days__isnull=True)
                | Q(due_offset_days__gte=F("release_offset_days")),
                name="module_due_not_before_release",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def all_components(self) -> list[str]:
        """Every component the module carries: the primary one first, then the further ones."""
        return [self.component, *(c for c in self.components if c != self.component)]

    @property
    def further_component_labels(self) -> list[str]:
        return _labels(Component, self.components)

    @property
    def treatment_priority_labels(self) -> list[str]:
        return _labels(TreatmentPriority, self.treatment_priorities)

    @property
    def skills_module_labels(self) -> list[str]:
        return _labels(SkillsModule, self.skills_modules)

    def clean(self) -> None:
        if isinstance(self.components, list):
            # The primary component is counted already; listed again it would count twice.
            self.components = [c for c in self.components if c != self.component]
        # Said on the field; the check constraint below guards the database as well.
        due, release = self.due_offset_days, self.release_offset_days
        if due is not None and release is not None and due < release:
            raise ValidationError(
                {"due_offset_days": "The due day cannot come before the day the module opens."}
            )
        gate = self.team_gate
        if gate is not None and (gate.pk == self.pk or gate.course_id != self.course_id):
            raise ValidationError({"team_gate": "Choose another module of the same course."})


def _labels(taxonomy: type[models.TextChoices], values: list[str]) -> list[str]:
    names = dict(taxonomy.choices)
    return [names.get(value, value) for value in values]


class LessonQuerySet(models.QuerySet):
    def in_course_order(self) -> "LessonQuerySet":
        return self.order_by("module__position", "position")

    def neighbours_of(self, lesson: "Lesson") -> tuple["Lesson | None", "Lesson | None"]:
        """The lessons just before and after `lesson` in course order (two small queries,
        however long the course)."""
        module_position, position = lesson.module.position, lesson.position
        before = Q(module__position__lt=module_position) | Q(
            module__position=module_position, position__lt=position
        )
        after = Q(module__position__gt=module_position) | Q(
            module__position=module_position, position__gt=position
        )
        previous = self.filter(before).order_by("-module__position", "-position").first()
        following = self.filter(after).in_course_order().first()
        return previous, following


class Lesson(models.Model):
    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="lessons")
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=32, choices=LessonKind.choices, default=LessonKind.READING)
    body_markdown = models.TextField("body", blank=True, help_text="Markdown.")
    # Rendered and sanitized once, when the lesson is saved (modules.content.render_markdown).
    body_html = models.TextField(blank=True, editable=False)
    required = models.BooleanField(
        "required for the certificate",
        default=True,
        help_text="Optional lessons are offered but do not count towards completion.",
    )
    estimated_minutes = models.PositiveSmallIntegerField(
        default=10, validators=[MaxValueValidator(MAX_LESSON_MINUTES)]
    )
    video_url = models.URLField(
        "video URL",
        blank=True,
        help_text="A YouTube or Vimeo link; shown as a privacy-enhanced player without autoplay.",
    )
    position = models.PositiveIntegerField(default=0, editable=False)

    objects = LessonQuerySet.as_manager()

    class Meta:
        ordering = ["module", "position"]

    def __str__(self) -> str:
        return self.title


def attachment_path(instance: "LessonAttachment", filename: str) -> str:
    # A safe, short name: file systems refuse names past 255 bytes, and storage may add a suffix.
    stem, dot, extension = get_valid_filename(filename).rpartition(".")
    stem = stem.encode()[:80].decode(errors="ignore") or "file"
    return f"lesson-attachments/{instance.lesson_id}/{stem}{dot}{extension[:8]}"


class LessonAttachment(models.Model):
    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="attachments")
    title = models.CharField(max_length=200)
    file = models.FileField(upload_to=attachment_path, max_length=300)
    kind = models.CharField(max_length=8, choices=AttachmentKind.choices)
    size = models.PositiveBigIntegerField()
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["lesson", "id"]

    def __str__(self) -> str:
        return self.title


class ModuleScheduleOverride(models.Model):
    """A cohort's own dates for one module, replacing the course's day offsets for that cohort."""

    cohort = models.ForeignKey(
        "courses.Cohort", on_delete=models.CASCADE, related_name="module_overrides"
    )
    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="cohort_overrides")
    release_on = models.DateField(null=True, blank=True)
    due_on = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["cohort", "module"], name="one_override_per_module"),
            models.CheckConstraint(
                condition=Q(due_on__isnull=True)
                | Q(release_on__isnull=True)
                | Q(due_on__gte=F("release_on")),
                name="override_due_not_before_release",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.module} in {self.cohort}"


class LessonProgress(models.Model):
    """One trainee's progress through one lesson: first and last view, completion."""

    enrollment = models.ForeignKey(
        "courses.Enrollment", on_delete=models.CASCADE, related_name="lesson_progress"
    )
    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="progress")
    first_viewed_at = models.DateTimeField()
    last_viewed_at = models.DateTimeField()
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment", "lesson"], name="one_progress_per_lesson"
            ),
        ]
        indexes = [models.Index(fields=["enrollment", "-last_viewed_at"])]

    def __str__(self) -> str:
        return f"{self.enrollment} · {self.lesson}"


class EnrollmentProgress(models.Model):
    """The progress read model: one row per enrollment that has viewed a lesson, holding what the
    trainee pages read (which lessons are done, where to resume), kept by the services that
    record lesson views and completions in their own transaction (modules.progress).

    Everything else a page shows (done per module, shares by DBT component, locks) is computed
    from these two and the course's outline, which is the same for every trainee of the course and
    kept in memory per process; so a course edit touches no row here."""

    enrollment = models.OneToOneField(
        "courses.Enrollment",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="progress_summary",
    )
    # Sorted ids of the completed lessons. An id of a lesson deleted since is ignored by readers
    # (they count only the outline's lessons) and dropped by the next repair.
    completed_lesson_ids = models.JSONField(default=list, blank=True)
    # The most recently viewed lesson (latest `last_viewed_at`, then highest id): "continue".
    resume = models.ForeignKey(
        LessonProgress, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Its `last_viewed_at`, here so that the conditional UPDATE of a new view compares columns of
    # this row only, which PostgreSQL re-checks after waiting for a concurrent writer.
    resume_viewed_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "enrollment progress"

    def __str__(self) -> str:
        return f"progress of enrollment {self.enrollment_id}"
