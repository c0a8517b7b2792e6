"""Completion and CE: a course's completion rules, its CE approvals (one per accrediting body
and profession), and the certificates issued, each a frozen record of what was certified."""

import secrets
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models

from courses.models import Cohort, Course, Enrollment


class CompletionRules(models.Model):
    """What a trainee must have done for the course's certificate. One per course; a course
    without a row uses the defaults (everything required, full attendance, no letters)."""

    course = models.OneToOneField(Course, on_delete=models.CASCADE, related_name="completion_rules")
    require_lessons = models.BooleanField(
        "required lessons completed", default=True, help_text="Every lesson marked as required."
    )
    require_post_test = models.BooleanField(
        "post-test passed",
        default=True,
        help_text="Every post-test, at the course's pass mark (by the attempt that counts).",
    )
    require_assignments = models.BooleanField(
        "required assignments passed",
        default=True,
        help_text="Every required assignment graded and released at or above its pass level.",
    )
    require_evaluation = models.BooleanField(
        "course evaluation submitted", default=True, help_text="Every course evaluation survey."
    )
    min_attendance_percent = models.PositiveSmallIntegerField(
        "live-session attendance (%)",
        default=100,
        validators=[MaxValueValidator(100)],
        help_text="The share of the cohort's held live sessions attended; 0 for no requirement.",
    )
    participation_letter_percent = models.PositiveSmallIntegerField(
        "letter of participation from (%)",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(99)],
        help_text="Offer a letter of participation once this share of the requirements is met; "
        "empty for none.",
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name_plural = "completion rules"

    def __str__(self) -> str:
        return f"Completion rules of {self.course}"


# What fits the certificate's one page under the longest name, course and cohort titles.
APPROVAL_STATEMENT_MAX = 1500


class CourseApproval(models.Model):
    """A CE approval of the course: an accrediting body, the professions / boards it serves,
    its hours, and the statement its rules require on every certificate."""

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="ce_approvals")
    profession = models.CharField(
        "profession or board",
        max_length=160,
        help_text="What the trainee picks when claiming, e.g. “Psychologists” or “Social workers”.",
    )
    accrediting_body = models.CharField(max_length=200)
    approval_statement = models.TextField(
        validators=[MaxLengthValidator(APPROVAL_STATEMENT_MAX)],
        help_text="The body's required wording, printed on the certificate "
        f"(at most {APPROVAL_STATEMENT_MAX} characters, so it fits the page).",
    )
    ce_hours = models.DecimalField(
        "CE hours",
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.25")), MaxValueValidator(Decimal("999"))],
        help_text="Empty: the course's CE hours.",
    )
    approval_number = models.CharField(
        "provider approval number",
        max_length=100,
        blank=True,
        help_text="The number the accrediting body gave the provider, printed on certificates.",
    )
    valid_from = models.DateField("approval valid from", null=True, blank=True)
    valid_until = models.DateField("approval valid until", null=True, blank=True)
    requires_license = models.BooleanField(
        "licence number required",
        default=False,
        help_text="Refuse the claim until the trainee's profile holds a licence number and "
        "jurisdiction.",
    )
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["course", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["course", "profession"], name="one_approval_per_profession"
            )
        ]

    def __str__(self) -> str:
        return f"{self.profession}: {self.accrediting_body}"

    @property
    def hours(self) -> Decimal:
        return self.ce_hours if self.ce_hours is not None else self.course.ce_hours


class ProgramSignatory(models.Model):
    """The person responsible for the course's CE program, whose name, title and signature the
    certificates print; an enrollment admin keeps it."""

    course = models.OneToOneField(Course, on_delete=models.CASCADE, related_name="signatory")
    name = models.CharField(max_length=200)
    title = models.CharField(max_length=200, help_text="E.g. “CE program director”.")
    # Replaced images stay in storage: issued certificates keep pointing at theirs.
    signature = models.FileField(upload_to="signatures/%Y/", blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name_plural = "program signatories"

    def __str__(self) -> str:
        return f"{self.name}, {self.title}"


class CECheckRecord(models.Model):
    """The CE checks (instructional time, post-test size, pass mark) as they stood when the course
    was published: warnings never block publishing, and are kept."""

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="ce_check_records")
    recorded_at = models.DateTimeField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    claimed_hours = models.DecimalField(max_digits=5, decimal_places=2)
    instructional_minutes = models.PositiveIntegerField()
    post_test_items = models.PositiveIntegerField()
    warnings = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-recorded_at", "-pk"]
        verbose_name = "CE check record"

    def __str__(self) -> str:
        return f"CE checks of {self.course} at {self.recorded_at:%Y-%m-%d %H:%M}"


# Base32 without 0/O/1/I, grouped for reading aloud: DBT-7KQ2-M9XH-4TRW (32^12 codes).
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_GROUPS = 3


def new_verification_code() -> str:
    groups = ("".join(secrets.choice(CODE_ALPHABET) for _ in range(4)) for _ in range(CODE_GROUPS))
    return "DBT-" + "-".join(groups)


class CertificateQuerySet(models.QuerySet):
    def for_trainee(self, user) -> "CertificateQuerySet":
        if not (user and user.is_authenticated):
            return self.none()
        return self.filter(enrollment__user=user)

    def visible_to(self, user) -> "CertificateQuerySet":
        """Certificates a person may download: their own, and those of the cohorts they teach
        or manage (`Cohort.objects.visible_to`)."""
        if not (user and user.is_authenticated):
            return self.none()
        return self.filter(
            models.Q(enrollment__user=user)
            | models.Q(enrollment__cohort__in=Cohort.objects.visible_to(user))
        )

    def revocable_by(self, user) -> "CertificateQuerySet":
        """Certificates a person may revoke: those of the cohorts they manage."""
        return self.filter(enrollment__cohort__in=Cohort.objects.managed_by(user))


class Certificate(models.Model):
    """Issued once per enrollment and kind. The fields below `issued_at` are copied at issue,
    so the certificate and its verification page say what was true that day."""

    class Kind(models.TextChoices):
        CE = "ce", "CE certificate"
        ATTENDANCE = "attendance", "Certificate of attendance"
        PARTICIPATION = "participation", "Letter of participation"

    enrollment = models.ForeignKey(
        Enrollment, on_delete=models.PROTECT, related_name="certificates"
    )
    kind = models.CharField(max_length=14, choices=Kind.choices)
    code = models.CharField(max_length=24, unique=True, default=new_verification_code)
    issued_at = models.DateTimeField()
    full_name = models.CharField(max_length=200)
    credentials = models.CharField(max_length=100, blank=True)
    course_title = models.CharField(max_length=200)
    cohort_name = models.CharField(max_length=200)
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)  # the cohort's; empty on older certificates
    # The day the trainee met the last requirement (never the day they claimed).
    completed_on = models.DateField()
    delivery_format = models.CharField(max_length=100, blank=True)  # the format's label that day
    license_number = models.CharField(max_length=64, blank=True)
    license_jurisdiction = models.CharField(max_length=120, blank=True)
    ce_hours = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    profession = models.CharField(max_length=160, blank=True)
    accrediting_body = models.CharField(max_length=200, blank=True)
    approval_statement = models.TextField(blank=True)
    approval_number = models.CharField(max_length=100, blank=True)
    approval_valid_from = models.DateField(null=True, blank=True)
    approval_valid_until = models.DateField(null=True, blank=True)
    provider_name = models.CharField(max_length=200, blank=True)
    provider_address = models.CharField(max_length=300, blank=True)
    provider_contact = models.CharField(max_length=200, blank=True)
    lead_trainer = models.CharField(max_length=200, blank=True)
    signatory_name = models.CharField(max_length=200, blank=True)
    signatory_title = models.CharField(max_length=200, blank=True)
    signature = models.FileField(upload_to="signatures/%Y/", blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoke_reason = models.CharField(max_length=500, blank=True)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["enrollment", "kind"], name="certificate_once_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.code}: {self.full_name}"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None
