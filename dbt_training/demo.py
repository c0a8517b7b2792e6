"""Demo data for `make run` and `manage.py seed_demo`; never in production mode."""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from dbt_training.users.models import User
from dbt_training.users.roles import Role
from dbt_training.users.services import sync_role_groups


@dataclass(frozen=True)
class DemoAccount:
    email: str
    full_name: str
    role: str
    credentials: str = ""
    roles: tuple[Role, ...] = ()
    staff: bool = False
    superuser: bool = False
    time_zone: str = "America/New_York"


DEMO_ACCOUNTS = (
    # In Chicago while the demo cohort runs in New York: times show in each person's own zone.
    DemoAccount(
        "trainee@example.com",
        "Dana Trainee",
        "trainee",
        credentials="MSW, LCSW",
        time_zone="America/Chicago",
    ),
    DemoAccount(
        "trainer@example.com", "Terry Trainer", "trainer", credentials="PhD", roles=(Role.TRAINER,)
    ),
    # An enrollment admin as institutes have them: trainees and enrollments, never staff accounts.
    DemoAccount(
        "admin@example.com", "Alex Admin", "admin", roles=(Role.ENROLLMENT_ADMIN,), staff=True
    ),
    # The one who manages staff: roles, the audit trail, a lost second factor.
    DemoAccount("superuser@example.com", "Sam Superuser", "superuser", staff=True, superuser=True),
)


@transaction.atomic
def seed_demo_accounts(*, reset: bool = False) -> list[DemoAccount]:
    """Create (or restore) the demo logins with verified emails; safe to run twice."""
    if settings.PRODUCTION:
        raise ImproperlyConfigured("Demo accounts are never created in production mode.")
    sync_role_groups()
    emails = [account.email for account in DEMO_ACCOUNTS]
    if reset:
        from assessments.models import Certificate

        # Certificates protect their enrollments (a record must not vanish by accident);
        # the demo's own may go.
        Certificate.objects.filter(enrollment__user__email__in=emails).delete()
        User.objects.filter(email__in=emails).delete()
    for account in DEMO_ACCOUNTS:
        user, _ = User.objects.update_or_create(
            email=account.email,
            defaults={
                "full_name": account.full_name,
                "credentials": account.credentials,
                "time_zone": account.time_zone,
                "is_staff": account.staff,
                "is_superuser": account.superuser,
                "is_active": True,
            },
        )
        user.set_password(settings.DEMO_PASSWORD)
        user.save(update_fields=["password"])
        user.groups.set(Group.objects.filter(name__in=[role.value for role in account.roles]))
        EmailAddress.objects.update_or_create(
            user=user, email=account.email, defaults={"verified": True, "primary": True}
        )
    return list(DEMO_ACCOUNTS)
