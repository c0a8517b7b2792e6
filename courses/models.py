import secrets
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from dbt_training.core.formatting import share_percent
from dbt_training.users.models import time_zone_choices
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
    # Renewed by `modules` whenever the course's modules, lessons or prerequisites change, so the
    # outline each process keeps in memory for progress (modules.progress) is loaded again.
    outline_stamp = models.UUIDField(default=uuid.uuid4, editable=False)
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


class CohortStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    OPEN = "open", "Open for enrollment"
    CLOSED = "closed", "Enrollment closed"
    ARCHIVED = "archived", "Archived"


def new_enroll_code() -> str:
    # Short enough to read out in a session, long enough not to be guessed (32^8 codes);
    # no 0/O/1/I so that it can be typed from a slide.
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(8))


def new_check_in_code() -> str:
    return "".join(secrets.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(6))


CHECK_IN_EARLY = timedelta(minutes=15)


class CohortQuerySet(models.QuerySet):
    def managed_by(self, user) -> "CohortQuerySet":
        """Cohorts this person administers: all of them for enrollment admins, none otherwise."""
        if user and user.is_authenticated and user.is_active and user.is_enrollment_admin:
            return self.all()
        return self.none()

    def taught_by(self, user) -> "CohortQuerySet":
        """Cohorts this person is assigned to as a trainer."""
        if not (user and user.is_authenticated and user.is_active):
            return self.none()
        return self.filter(trainers=user)

    def visible_to(self, user) -> "CohortQuerySet":
        """Cohorts a person may look into as staff: all for admins, their own for trainers."""
        return self.filter(
            models.Q(pk__in=self.model.objects.managed_by(user))
            | models.Q(pk__in=self.model.objects.taught_by(user))
        )

    def reported_to(self, user) -> "CohortQuerySet":
        """Cohorts whose results (an evaluation's answers, in aggregate) a person may read:
        every cohort of the courses they may edit, and the cohorts they teach."""
        return self.filter(
            models.Q(course__in=Course.objects.editable_by(user))
            | models.Q(pk__in=self.model.objects.taught_by(user))
        )

    def with_seat_counts(self) -> "CohortQuerySet":
        return self.annotate(
            active_count=models.Count(
                "enrollments", filter=models.Q(enrollments__status__in=SEAT_HOLDING)
            ),
            waitlist_count=models.Count(
                "enrollments", filter=models.Q(enrollments__status=EnrollmentStatus.WAITLISTED)
            ),
        )


class DeliveryFormat(models.TextChoices):
    """How a cohort is delivered, in the words CE boards ask certificates to use."""

    LIVE_IN_PERSON = "live_in_person", "Live, in person"
    LIVE_ONLINE = "live_online", "Live interactive webinar"
    SELF_PACED_ONLINE = "self_paced_online", "Self-paced online (home study)"
    BLENDED = "blended", "Blended: self-paced online with live online sessions"


class Cohort(models.Model):
    """One run of a course: its dates, time zone, capacity and trainers."""

    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="cohorts")
    name = models.CharField(max_length=200, help_text="E.g. “Spring 2027, Europe”.")
    starts_on = models.DateField()
    ends_on = models.DateField()
    time_zone = models.CharField(
        max_length=64,
        default="UTC",
        choices=time_zone_choices,
        help_text="Release and due dates fall at midnight in this time zone.",
    )
    capacity = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="Seats; leave empty for no limit. When full, new people join the waitlist.",
    )
    trainers = models.ManyToManyField("users.User", related_name="taught_cohorts", blank=True)
    enroll_code = models.CharField(
        "self-enroll code",
        max_length=16,
        unique=True,
        default=new_enroll_code,
        help_text="Trainees who have this code can enroll themselves while the cohort is open.",
    )
    status = models.CharField(
        max_length=12, choices=CohortStatus.choices, default=CohortStatus.PLANNED
    )
    delivery_format = models.CharField(
        max_length=20,
        choices=DeliveryFormat.choices,
        default=DeliveryFormat.BLENDED,
        help_text="Printed on CE certificates: boards ask how the hours were delivered.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    # Renewed by `modules` whenever the cohort's own module dates change, so the dates each
    # process keeps in memory for progress (modules.progress) are loaded again.
    schedule_stamp = models.UUIDField(default=uuid.uuid4, editable=False)

    objects = CohortQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="cohort_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.course} · {self.name}"

    def clean(self) -> None:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": "The cohort cannot end before it starts."})
        # Module offsets (up to ten years) are added to these dates; keep them far from year 9999.
        for name in ("starts_on", "ends_on"):
            value = getattr(self, name)
            if value and not 2000 <= value.year <= 2100:
                raise ValidationError({name: "Choose a date between the years 2000 and 2100."})


class Team(models.Model):
    """A clinical DBT team training together in a cohort, as intensive training requires."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="teams")
    name = models.CharField(max_length=100)
    leader = models.ForeignKey(
        "users.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="led_teams"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["cohort", "name"], name="team_name_unique_in_cohort"),
        ]

    def __str__(self) -> str:
        return self.name


class EnrollmentStatus(models.TextChoices):
    INVITED = "invited", "Invited"
    WAITLISTED = "waitlisted", "Waitlisted"
    ACTIVE = "active", "Active"
    COMPLETED = "completed", "Completed"
    WITHDRAWN = "withdrawn", "Withdrawn"


# Statuses that occupy one of the cohort's seats.
SEAT_HOLDING = (EnrollmentStatus.ACTIVE, EnrollmentStatus.COMPLETED)


class EnrollmentQuerySet(models.QuerySet):
    def for_trainee(self, user) -> "EnrollmentQuerySet":
        if not (user and user.is_authenticated):
            return self.none()
        return self.filter(user=user)

    def active(self) -> "EnrollmentQuerySet":
        return self.filter(status=EnrollmentStatus.ACTIVE)

    def holding_seats(self) -> "EnrollmentQuerySet":
        return self.filter(status__in=SEAT_HOLDING)

    def with_attendance(self, *, now) -> "EnrollmentQuerySet":
        """Annotate sessions held so far in the cohort, and how many of them this person
        attended (attendance_held, attendance_present)."""
        held = (
            LiveSession.objects.filter(cohort=models.OuterRef("cohort"), starts_at__lte=now)
            .values("cohort")
            .annotate(n=models.Count("pk"))
            .values("n")
        )
        return self.annotate(
            attendance_held=Coalesce(models.Subquery(held), 0),
            attendance_present=models.Count(
                "attendance",
                # Only this cohort's sessions: a transferred trainee brings older rows along.
                filter=models.Q(
                    attendance__present=True,
                    attendance__live_session__starts_at__lte=now,
                    attendance__live_session__cohort=models.F("cohort"),
                ),
                distinct=True,
            ),
        )

    def waitlist(self) -> "EnrollmentQuerySet":
        """The waitlist in the order seats are offered: first come, first served."""
        return self.filter(status=EnrollmentStatus.WAITLISTED).order_by("waitlisted_at", "pk")


class Enrollment(models.Model):
    user = models.ForeignKey("users.User", on_delete=models.CASCADE, related_name="enrollments")
    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="enrollments")
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.SET_NULL, related_name="enrollments"
    )
    status = models.CharField(max_length=12, choices=EnrollmentStatus.choices)
    enrolled_at = models.DateTimeField(null=True, blank=True)
    waitlisted_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = EnrollmentQuerySet.as_manager()

    class Meta:
        ordering = ["cohort", "user__full_name"]
        constraints = [
            models.UniqueConstraint(fields=["user", "cohort"], name="one_enrollment_per_cohort"),
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.cohort} ({self.get_status_display()})"

    @property
    def attendance_percent(self) -> int | None:
        """Share of the sessions held so far that this person attended (needs with_attendance)."""
        if not self.attendance_held:
            return None
        return share_percent(self.attendance_present, self.attendance_held)


class EnrollmentEvent(models.Model):
    """The audit trail: every change to an enrollment, who made it, and what it was."""

    class Action(models.TextChoices):
        ENROLLED = "enrolled", "Enrolled"
        WAITLISTED = "waitlisted", "Waitlisted"
        PROMOTED = "promoted", "Promoted from the waitlist"
        WITHDRAWN = "withdrawn", "Withdrawn"
        REENROLLED = "reenrolled", "Enrolled again"
        INVITATION_ACCEPTED = "invited", "Joined through an invitation"
        TRANSFERRED = "transferred", "Transferred from another cohort"

    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(max_length=16, choices=Action.choices)
    actor = models.ForeignKey(
        "users.User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Who made the change; empty when the system did (e.g. waitlist promotion).",
    )
    note = models.CharField(max_length=300, blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} at {self.at:%Y-%m-%d %H:%M}"


class InvitationStatus(models.TextChoices):
    """An invitation as the roster shows it, in the order it lists them (open ones first)."""

    SENT = "sent", "Sent"
    EXPIRED = "expired", "Expired"
    ACCEPTED = "accepted", "Accepted"
    REVOKED = "revoked", "Revoked"


class InvitationQuerySet(models.QuerySet):
    def pending(self) -> "InvitationQuerySet":
        return self.filter(accepted_at__isnull=True, revoked_at__isnull=True)

    def with_status(self, *, now=None) -> "InvitationQuerySet":
        """Annotate `expires_at` and `status` (an InvitationStatus value) by the rule
        `services.find_invitation` applies to the links: open until `Invitation.max_age()`
        after the email was queued."""
        expires_at = Coalesce("sent_at", "created_at") + models.Value(Invitation.max_age())
        return self.annotate(
            expires_at=models.ExpressionWrapper(expires_at, output_field=models.DateTimeField())
        ).annotate(
            status=models.Case(
                models.When(
                    accepted_at__isnull=False, then=models.Value(InvitationStatus.ACCEPTED)
                ),
                models.When(revoked_at__isnull=False, then=models.Value(InvitationStatus.REVOKED)),
                models.When(
                    expires_at__lt=now or timezone.now(),
                    then=models.Value(InvitationStatus.EXPIRED),
                ),
                default=models.Value(InvitationStatus.SENT),
                output_field=models.CharField(),
            ),
        )

    def newest_per_address(self) -> "InvitationQuerySet":
        """Each address's newest invitation: one that `invite` replaced by a newer one (a
        resend) is history, not a second person."""
        newer = Invitation.objects.filter(
            cohort=models.OuterRef("cohort"),
            email=models.OuterRef("email"),
            pk__gt=models.OuterRef("pk"),
        )
        return self.exclude(models.Q(revoked_at__isnull=False) & models.Exists(newer))


class Invitation(models.Model):
    """An emailed, signed, expiring, single-use link that enrolls someone without an account."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField()
    full_name = models.CharField(max_length=200, blank=True)
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    invited_by = models.ForeignKey(
        "users.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        "users.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            # One open invitation per person and cohort; a new one replaces (revokes) the old.
            models.UniqueConstraint(
                fields=["cohort", "email"],
                condition=models.Q(accepted_at__isnull=True, revoked_at__isnull=True),
                name="one_open_invitation_per_cohort",
            ),
        ]

    def __str__(self) -> str:
        return f"Invitation for {self.email} to {self.cohort}"

    @staticmethod
    def max_age() -> timedelta:
        """How long a link works, counted from when its email was queued: the one rule behind
        both `services.find_invitation` and the status the roster shows."""
        return timedelta(days=settings.INVITATION_MAX_AGE_DAYS)


class LiveSession(models.Model):
    """A scheduled live meeting of a cohort. Times are stored in UTC and shown to each person
    in their own time zone."""

    class Kind(models.TextChoices):
        SKILLS_GROUP_PRACTICE = "skills_group_practice", "Skills group practice"
        # The DBT mode (therapists consulting on their cases), not a trainer's drop-in.
        CONSULTATION_TEAM = "consultation_team", "Consultation team meeting"
        DIDACTIC = "didactic", "Didactic session"
        QA_OFFICE_HOURS = "qa_office_hours", "Q&A / office hours"

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="live_sessions")
    kind = models.CharField(
        max_length=32,
        choices=Kind.choices,
        help_text="A consultation team meeting is the DBT mode in which therapists consult on "
        "their cases; a trainer's drop-in for questions is Q&A / office hours.",
    )
    title = models.CharField(max_length=200)
    starts_at = models.DateTimeField()
    duration_minutes = models.PositiveSmallIntegerField(
        default=90, validators=[MinValueValidator(5), MaxValueValidator(600)]
    )
    join_url = models.URLField("join link", blank=True, help_text="Video meeting link, if online.")
    location = models.CharField(
        max_length=200, blank=True, help_text="Room or address, if in person."
    )
    check_in_code = models.CharField(max_length=8, default=new_check_in_code, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["starts_at"]

    def __str__(self) -> str:
        return f"{self.title} ({self.starts_at:%Y-%m-%d %H:%M} UTC)"

    def clean(self) -> None:
        if self.starts_at and not 2000 <= self.starts_at.year <= 2100:
            raise ValidationError({"starts_at": "Choose a date between the years 2000 and 2100."})

    @property
    def ends_at(self):
        return self.starts_at + timedelta(minutes=self.duration_minutes)

    def check_in_window(self):
        """Check-in opens 15 minutes before the start and closes when the session ends."""
        return self.starts_at - CHECK_IN_EARLY, self.ends_at


class Attendance(models.Model):
    """Whether (and how long) an enrolled person attended one live session; CE needs it verified."""

    class Source(models.TextChoices):
        TRAINER = "trainer", "Marked by a trainer"
        CHECK_IN = "check_in", "Checked in with the session code"

    live_session = models.ForeignKey(
        LiveSession, on_delete=models.CASCADE, related_name="attendance"
    )
    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="attendance")
    present = models.BooleanField(default=False)
    minutes = models.PositiveSmallIntegerField(default=0, validators=[MaxValueValidator(600)])
    source = models.CharField(max_length=10, choices=Source.choices)
    recorded_by = models.ForeignKey(
        "users.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now=True)
    # Kept when a trainer later corrects the record: a CE audit asks when the person checked in.
    checked_in_at = models.DateTimeField(null=True, blank=True)
    change_reason = models.CharField(
        max_length=300,
        blank=True,
        help_text="Why a trainer changed what the trainee's check-in recorded.",
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["live_session", "enrollment"], name="one_attendance_per_session"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.enrollment.user} at {self.live_session}: {'present' if self.present else 'absent'}"


class AnnouncementQuerySet(models.QuerySet):
    def for_trainee(self, user) -> "AnnouncementQuerySet":
        """The announcements of the cohorts this person takes or took part in (active or
        completed; not waitlisted, invited or withdrawn)."""
        enrolled = Enrollment.objects.for_trainee(user).filter(
            status__in=[EnrollmentStatus.ACTIVE, EnrollmentStatus.COMPLETED]
        )
        return self.filter(cohort__in=enrolled.values("cohort"))


class Announcement(models.Model):
    """A trainer's message to a cohort: shown to its trainees and emailed to them once."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="announcements")
    author = models.ForeignKey("users.User", null=True, on_delete=models.SET_NULL, related_name="+")
    title = models.CharField(max_length=200)
    body = models.TextField(help_text="Plain text; links are made clickable.")
    posted_at = models.DateTimeField(auto_now_add=True)
    emailed_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = AnnouncementQuerySet.as_manager()

    class Meta:
        ordering = ["-posted_at"]

    def __str__(self) -> str:
        return self.title


class TeamApplication(models.Model):
    """A team leader's request to enroll their DBT team (3 to 8 people, the leader included)."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for a decision"
        APPROVED = "approved", "Approved"
        DECLINED = "declined", "Declined"

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="team_applications")
    leader = models.ForeignKey("users.User", on_delete=models.CASCADE, related_name="+")
    team_name = models.CharField(max_length=100)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    decided_by = models.ForeignKey(
        "users.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decline_reason = models.CharField(max_length=500, blank=True)
    team = models.OneToOneField(Team, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.team_name} for {self.cohort}"


class TeamApplicationMember(models.Model):
    application = models.ForeignKey(
        TeamApplication, on_delete=models.CASCADE, related_name="members"
    )
    full_name = models.CharField(max_length=200)
    email = models.EmailField()
    team_role = models.CharField(
        "role on the DBT team",
        max_length=100,
        blank=True,
        help_text="E.g. individual therapist, skills trainer, team leader.",
    )

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.full_name} <{self.email}>"
