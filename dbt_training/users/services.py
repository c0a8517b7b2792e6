"""Every change to a user or their roles goes through here."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from .models import User
from .roles import ROLE_PERMISSIONS, Role


@transaction.atomic
def update_profile(
    *,
    user: User,
    full_name: str,
    time_zone: str,
    credentials: str = "",
    license_number: str = "",
    license_jurisdiction: str = "",
) -> User:
    """Save the person's own name, time zone and CE details."""
    user.full_name = full_name
    user.time_zone = time_zone
    user.credentials = credentials
    user.license_number = license_number
    user.license_jurisdiction = license_jurisdiction
    user.full_clean(exclude=["password", "email"])
    user.save(
        update_fields=[
            "full_name",
            "time_zone",
            "credentials",
            "license_number",
            "license_jurisdiction",
        ]
    )
    return user


@transaction.atomic
def assign_role(*, user: User, role: Role) -> None:
    """Put the user in the role's group (created by migration users.0002)."""
    user.groups.add(Group.objects.get(name=role.value))
    _forget_cached_permissions(user)


@transaction.atomic
def remove_role(*, user: User, role: Role) -> None:
    user.groups.remove(Group.objects.get(name=role.value))
    _forget_cached_permissions(user)


def _forget_cached_permissions(user: User) -> None:
    # ModelBackend caches permissions on the instance; a role change must be seen at once.
    for attr in ("_perm_cache", "_user_perm_cache", "_group_perm_cache"):
        user.__dict__.pop(attr, None)


@transaction.atomic
def sync_role_groups() -> None:
    """Make every role's group exist with exactly the permissions roles.ROLE_PERMISSIONS lists.

    Migration users.0002 does this on a new database; this serves a database that was flushed
    (as pytest-django's live-server tests do) or whose groups an admin edited by mistake.
    """
    for role, perms in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role.value)
        wanted = [
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
            for app_label, codename in perms
        ]
        group.permissions.set(wanted)
