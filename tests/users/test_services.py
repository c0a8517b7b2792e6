import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError

from dbt_training.users import services
from dbt_training.users.models import User
from dbt_training.users.roles import ROLE_PERMISSIONS, Role

pytestmark = pytest.mark.django_db


def test_role_groups_exist_with_exactly_their_permissions():
    granted = {
        group.name: sorted(
            f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()
        )
        for group in Group.objects.prefetch_related("permissions__content_type")
    }

    assert granted == {
        role.value: sorted(f"{app}.{codename}" for app, codename in perms)
        for role, perms in ROLE_PERMISSIONS.items()
    }


def test_assign_role_grants_its_permissions_at_once(trainee):
    assert trainee.is_trainer is False

    services.assign_role(user=trainee, role=Role.TRAINER)

    assert trainee.is_trainer is True
    assert trainee.can_author_courses is True
    assert trainee.is_enrollment_admin is False
    assert list(trainee.groups.values_list("name", flat=True)) == ["trainer"]


def test_remove_role_takes_its_permissions_away(trainer):
    services.remove_role(user=trainer, role=Role.TRAINER)

    assert trainer.is_trainer is False
    assert User.objects.get(pk=trainer.pk).has_perm("users.teach_cohorts") is False


def test_enrollment_admin_manages_enrollments_but_does_not_teach(enrollment_admin):
    assert enrollment_admin.is_enrollment_admin is True
    assert enrollment_admin.can_author_courses is True
    assert enrollment_admin.is_trainer is False


def test_update_profile_rejects_unknown_time_zone_and_saves_nothing(trainee):
    with pytest.raises(ValidationError):
        services.update_profile(user=trainee, full_name="Dana R", time_zone="Atlantis/Capital")

    assert User.objects.get(pk=trainee.pk).time_zone == "America/Chicago"
    assert User.objects.get(pk=trainee.pk).full_name == "Dana Rivera"


def test_create_user_lowercases_email_and_requires_one():
    user = User.objects.create_user(
        "Kim.Lee@Example.ORG", "a-Long-passphrase-42", full_name="Kim Lee"
    )

    assert user.email == "kim.lee@example.org"
    assert User.objects.with_email("KIM.LEE@example.org ").get() == user
    with pytest.raises(ValueError, match="An email address is required."):
        User.objects.create_user("", "x")


def test_create_superuser_is_staff_and_superuser():
    admin = User.objects.create_superuser(
        "root@example.org", "a-Long-passphrase-42", full_name="Root"
    )

    assert (admin.is_staff, admin.is_superuser) == (True, True)


def test_sync_role_groups_restores_deleted_groups_and_stray_permissions():
    Group.objects.filter(name="trainer").delete()
    admin_group = Group.objects.get(name="enrollment_admin")
    admin_group.permissions.add(Permission.objects.get(codename="delete_user"))

    services.sync_role_groups()
    services.sync_role_groups()

    test_role_groups_exist_with_exactly_their_permissions()
