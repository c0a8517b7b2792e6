import functools
import uuid
import zoneinfo

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Lower
from django.utils import timezone

from .roles import AUTHOR_COURSES, MANAGE_ENROLLMENTS, TEACH_COHORTS


@functools.cache
def time_zone_choices() -> list[tuple[str, str]]:
    # available_timezones() walks the tz database on disk: once per process is enough.
    # The system tz database also lists files that are not places people live.
    names = zoneinfo.available_timezones() - {"localtime", "Factory", "posixrules", "posix/Factory"}
    return [(name, name.replace("_", " ")) for name in sorted(names)]


class UserQuerySet(models.QuerySet):
    def with_email(self, email: str) -> "UserQuerySet":
        return self.filter(email__iexact=email.strip())

    def staff_accounts(self) -> "UserQuerySet":
        """Accounts only a superuser may change: staff and superusers, and anyone holding a
        permission, their own or through a group (trainers and enrollment admins included)."""
        return self.filter(self._staff_account())

    def _staff_account(self) -> Q:
        links = self.model.groups.through.objects.filter(
            user=OuterRef("pk"), group__permissions__isnull=False
        )
        own = self.model.user_permissions.through.objects.filter(user=OuterRef("pk"))
        return Q(is_staff=True) | Q(is_superuser=True) | Exists(links) | Exists(own)


class UserManager(BaseUserManager.from_queryset(UserQuerySet)):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra_fields) -> "User":
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra_fields) -> "User":
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email: str, password: str | None = None, **extra_fields) -> "User":
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        if not (extra_fields["is_staff"] and extra_fields["is_superuser"]):
            raise ValueError("A superuser must have is_staff and is_superuser set.")
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person on the platform. Email is the login; the CE fields go on their certificates."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField("email address", unique=True)
    full_name = models.CharField(
        max_length=200,
        help_text="As it should appear on your CE certificates.",
    )
    time_zone = models.CharField(
        max_length=64,
        default="UTC",
        choices=time_zone_choices,
        help_text="Deadlines and live sessions are shown in this time zone.",
    )
    credentials = models.CharField(
        "professional credentials",
        max_length=100,
        blank=True,
        help_text="Degrees and licences after your name, e.g. “PhD, LCSW”.",
    )
    # Renewed whenever the person's groups or permissions (or a group's permissions) change, so
    # the permissions remembered in their session (users.permissions) are worked out again.
    permissions_stamp = models.UUIDField(default=uuid.uuid4, editable=False)
    license_number = models.CharField("licence number", max_length=64, blank=True)
    license_jurisdiction = models.CharField(
        "licensing board or jurisdiction",
        max_length=120,
        blank=True,
        help_text="The board that issued your licence, e.g. “California BBS”.",
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    objects = UserManager()

    class Meta:
        ordering = ["full_name", "email"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_ci_unique"),
        ]
        permissions = [
            ("author_courses", "Can build and edit courses"),
            ("teach_cohorts", "Can run the cohorts assigned to them"),
            ("manage_enrollments", "Can manage cohorts and enrollments"),
        ]

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email

    @property
    def time_zone_label(self) -> str:
        # get_time_zone_display() would normalise all ~600 choices on every call.
        return self.time_zone.replace("_", " ")

    @property
    def certificate_name(self) -> str:
        """The name line of a CE certificate: full name, then credentials if given."""
        return f"{self.full_name}, {self.credentials}" if self.credentials else self.full_name

    @property
    def is_trainer(self) -> bool:
        return self.has_perm(TEACH_COHORTS)

    @property
    def can_author_courses(self) -> bool:
        return self.has_perm(AUTHOR_COURSES)

    @property
    def is_enrollment_admin(self) -> bool:
        return self.has_perm(MANAGE_ENROLLMENTS)

    @property
    def is_staff_account(self) -> bool:
        """See UserQuerySet.staff_accounts(); the flags as set on this instance count too."""
        if self.is_staff or self.is_superuser:
            return True
        return self.pk is not None and User.objects.staff_accounts().filter(pk=self.pk).exists()


class RoleChange(models.Model):
    """One change to a person's flags, groups or own permissions, or to a group's permissions:
    who made it, to whom, when, what. Written by users.audit, whatever path made the change."""

    class Field(models.TextChoices):
        IS_ACTIVE = "is_active", "active"
        IS_STAFF = "is_staff", "staff status"
        IS_SUPERUSER = "is_superuser", "superuser status"
        GROUPS = "groups", "groups"
        USER_PERMISSIONS = "user_permissions", "user permissions"
        GROUP_PERMISSIONS = "group_permissions", "group permissions"

    changed_at = models.DateTimeField(default=timezone.now, db_index=True)
    # The emails are snapshots: the record outlives the accounts, and says who they were then.
    actor = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_email = models.EmailField(blank=True, help_text="Empty: no signed-in person.")
    subject = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="role_changes"
    )
    subject_email = models.EmailField(blank=True)
    group_name = models.CharField(
        max_length=150, blank=True, help_text="The group whose permissions changed."
    )
    field = models.CharField(max_length=20, choices=Field.choices)
    # Flags: "False" / "True" ("" before a new account's first save). Groups and permissions:
    # the one removed (old) or added (new), a group by name, a permission as app_label.codename.
    old = models.CharField(max_length=255, blank=True)
    new = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["-changed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.subject_email or self.group_name}: {self.summary}"

    @property
    def summary(self) -> str:
        """E.g. "is_superuser: False → True", "groups: +trainer", "user_permissions: −users.x"."""
        if self.field in (self.Field.IS_ACTIVE, self.Field.IS_STAFF, self.Field.IS_SUPERUSER):
            if not self.old:
                return f"{self.field}: {self.new} (new account)"
            return f"{self.field}: {self.old} → {self.new}"
        return f"{self.field}: +{self.new}" if self.new else f"{self.field}: −{self.old}"
