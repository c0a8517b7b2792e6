"""The audit trail of role changes (issue 19): every change to a person's flags, groups or own
permissions, and to a group's permissions, writes exactly one row per change, whatever made it;
the signed-in person of a request is its actor, and outside a request nobody is."""

from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse

from dbt_training.users import services
from dbt_training.users.models import RoleChange, User
from dbt_training.users.roles import Role
from tests.factories import UserFactory
from tests.users.test_admin_privilege import change_url, group_id, perm_id, submit

pytestmark = pytest.mark.django_db

AUDIT_MIDDLEWARE = "dbt_training.users.audit.RoleAuditMiddleware"


@pytest.fixture(autouse=True)
def _audit_middleware(settings):
    """Until settings.MIDDLEWARE lists it: right after the authentication middleware."""
    if AUDIT_MIDDLEWARE not in settings.MIDDLEWARE:
        middleware = list(settings.MIDDLEWARE)
        at = middleware.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1
        settings.MIDDLEWARE = [*middleware[:at], AUDIT_MIDDLEWARE, *middleware[at:]]


@pytest.fixture
def superuser(db):
    return UserFactory(
        email="root@example.org", full_name="Rosa Root", is_staff=True, is_superuser=True
    )


@pytest.fixture
def mark(trainee, other_trainee, trainer, enrollment_admin, superuser) -> int:
    """The last row written while the fixtures were made: the tests look at what follows."""
    return RoleChange.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


def changes_since(mark: int) -> list[tuple]:
    """(actor, actor email, subject, subject email, group, field, old, new), oldest first."""
    return list(
        RoleChange.objects.filter(pk__gt=mark)
        .order_by("pk")
        .values_list(
            "actor_id",
            "actor_email",
            "subject_id",
            "subject_email",
            "group_name",
            "field",
            "old",
            "new",
        )
    )


def delete_user_perm() -> Permission:
    return Permission.objects.get(content_type__app_label="users", codename="delete_user")


# --- outside a request: nobody acting ------------------------------------------------------------


def test_flags_changed_in_the_shell_are_recorded_without_an_actor(mark, trainee):
    trainee.is_staff = trainee.is_superuser = True
    trainee.save()
    trainee.is_active = False
    trainee.save(update_fields=["is_active"])
    trainee.save()  # nothing changed: nothing written

    t = (trainee.pk, "dana@example.org", "")
    assert changes_since(mark) == [
        (None, "", *t, "is_staff", "False", "True"),
        (None, "", *t, "is_superuser", "False", "True"),
        (None, "", *t, "is_active", "True", "False"),
    ]


def test_saving_other_fields_records_nothing_and_reads_nothing(
    mark, trainee, django_assert_num_queries
):
    trainee.full_name = "Dana M. Rivera"
    trainee.is_superuser = True  # set on the instance, but not among the fields saved

    with django_assert_num_queries(1):
        trainee.save(update_fields=["full_name", "last_login"])

    assert changes_since(mark) == []


def test_a_new_account_records_only_its_flags_away_from_the_defaults(mark):
    UserFactory(email="kim@example.org")
    quiet = UserFactory(email="lee@example.org", is_active=False)

    assert changes_since(mark) == [
        (None, "", quiet.pk, "lee@example.org", "", "is_active", "", "False")
    ]


def test_createsuperuser_records_staff_and_superuser(mark):
    call_command("createsuperuser", "--noinput", email="Ops@Example.org", full_name="Ops")

    ops = User.objects.get(email="ops@example.org")
    assert changes_since(mark) == [
        (None, "", ops.pk, "ops@example.org", "", "is_staff", "", "True"),
        (None, "", ops.pk, "ops@example.org", "", "is_superuser", "", "True"),
    ]


def test_role_services_record_each_group_added_and_removed(mark, trainee):
    services.assign_role(user=trainee, role=Role.TRAINER)
    services.assign_role(user=trainee, role=Role.TRAINER)  # already held: nothing written
    services.remove_role(user=trainee, role=Role.TRAINER)
    services.remove_role(user=trainee, role=Role.TRAINER)  # not held: nothing written

    t = (trainee.pk, "dana@example.org", "")
    assert changes_since(mark) == [
        (None, "", *t, "groups", "", "trainer"),
        (None, "", *t, "groups", "trainer", ""),
    ]


def test_group_links_made_from_either_side_and_cleared_are_recorded(
    mark, trainee, other_trainee, trainer
):
    trainers = Group.objects.get(name="trainer")
    admins = Group.objects.get(name="enrollment_admin")

    trainers.user_set.add(trainee, other_trainee, trainer)  # trainer is in already
    trainee.groups.add(admins)
    trainee.groups.clear()
    trainers.user_set.remove(other_trainee, trainer)

    dana, sam = (trainee.pk, "dana@example.org", ""), (other_trainee.pk, "sam@example.org", "")
    terry = (trainer.pk, "terry@example.org", "")
    assert changes_since(mark) == [
        (None, "", *dana, "groups", "", "trainer"),
        (None, "", *sam, "groups", "", "trainer"),
        (None, "", *dana, "groups", "", "enrollment_admin"),
        (None, "", *dana, "groups", "enrollment_admin", ""),
        (None, "", *dana, "groups", "trainer", ""),
        (None, "", *sam, "groups", "trainer", ""),
        (None, "", *terry, "groups", "trainer", ""),
    ]


def test_own_permissions_given_and_taken_are_recorded(mark, trainee, other_trainee):
    trainee.user_permissions.add(delete_user_perm())
    delete_user_perm().user_set.add(other_trainee)
    trainee.user_permissions.set([])

    assert changes_since(mark) == [
        (None, "", trainee.pk, "dana@example.org", "", "user_permissions", "", "users.delete_user"),
        (
            None,
            "",
            other_trainee.pk,
            "sam@example.org",
            "",
            "user_permissions",
            "",
            "users.delete_user",
        ),
        (None, "", trainee.pk, "dana@example.org", "", "user_permissions", "users.delete_user", ""),
    ]


def test_a_groups_permissions_and_sync_role_groups_are_recorded(mark):
    admins = Group.objects.get(name="enrollment_admin")
    admins.permissions.add(delete_user_perm())

    services.sync_role_groups()
    services.sync_role_groups()  # already right: nothing written

    assert changes_since(mark) == [
        (None, "", None, "", "enrollment_admin", "group_permissions", "", "users.delete_user"),
        (None, "", None, "", "enrollment_admin", "group_permissions", "users.delete_user", ""),
    ]


def test_deleting_a_group_records_each_member_leaving_it(mark, trainer):
    Group.objects.filter(name="trainer").delete()

    assert changes_since(mark) == [
        (None, "", trainer.pk, "terry@example.org", "", "groups", "trainer", ""),
    ]


def test_the_trail_outlives_the_accounts_it_names(mark, trainee, superuser, client):
    client.force_login(superuser)
    submit(client, change_url(trainee), is_staff=["on"])

    User.objects.filter(pk__in=[trainee.pk, superuser.pk]).delete()

    assert changes_since(mark) == [
        (None, "root@example.org", None, "dana@example.org", "", "is_staff", "False", "True"),
    ]


# --- in a request: the signed-in person acting ----------------------------------------------------


def test_changes_made_in_the_admin_name_the_superuser_who_made_them(
    mark, client, superuser, trainee
):
    client.force_login(superuser)

    response = submit(
        client,
        change_url(trainee),
        is_staff=["on"],
        is_superuser=["on"],
        groups=[group_id(Role.TRAINER), group_id(Role.ENROLLMENT_ADMIN)],
        user_permissions=[perm_id("delete_user")],
    )
    trainee.refresh_from_db()
    trainee.is_superuser = False
    trainee.save()  # after the request, in the shell: nobody

    assert response.status_code == HTTPStatus.FOUND
    root, dana = (superuser.pk, "root@example.org"), (trainee.pk, "dana@example.org", "")
    assert changes_since(mark) == [
        (*root, *dana, "is_staff", "False", "True"),
        (*root, *dana, "is_superuser", "False", "True"),
        (*root, *dana, "groups", "", "enrollment_admin"),
        (*root, *dana, "groups", "", "trainer"),
        (*root, *dana, "user_permissions", "", "users.delete_user"),
        (None, "", *dana, "is_superuser", "True", "False"),
    ]


def test_an_enrollment_admin_deactivating_a_trainee_is_recorded(
    mark, client, enrollment_admin, trainee
):
    client.force_login(enrollment_admin)

    submit(client, change_url(trainee), is_active=None)

    assert changes_since(mark) == [
        (
            enrollment_admin.pk,
            "alex@example.org",
            trainee.pk,
            "dana@example.org",
            "",
            "is_active",
            "True",
            "False",
        ),
    ]


def test_refused_attempts_record_nothing(mark, client, enrollment_admin, trainee):
    client.force_login(enrollment_admin)

    submit(client, change_url(trainee), is_superuser=["on"], groups=[group_id(Role.TRAINER)])
    client.post(change_url(enrollment_admin), {"email": "alex@example.org", "is_superuser": "on"})

    assert changes_since(mark) == []
    assert User.objects.get(pk=trainee.pk).is_active is True


def test_summary_reads_field_old_and_new():
    rows = [
        RoleChange(field="is_superuser", old="False", new="True"),
        RoleChange(field="is_staff", old="", new="True"),
        RoleChange(field="groups", old="", new="trainer"),
        RoleChange(field="user_permissions", old="users.delete_user", new=""),
    ]

    assert [row.summary for row in rows] == [
        "is_superuser: False → True",
        "is_staff: True (new account)",
        "groups: +trainer",
        "user_permissions: −users.delete_user",
    ]


# --- the trail in the admin -------------------------------------------------------------------


def test_the_trail_is_read_only_in_the_admin_even_for_a_superuser(mark, client, superuser, trainee):
    trainee.is_staff = True
    trainee.save()
    row = RoleChange.objects.get(pk__gt=mark)
    client.force_login(superuser)
    listing = client.get(reverse("admin:users_rolechange_changelist"))
    page = client.get(reverse("admin:users_rolechange_change", args=[row.pk]))

    assert listing.status_code == page.status_code == HTTPStatus.OK
    assert "is_staff: False → True" in listing.content.decode()
    assert 'name="action"' not in listing.content.decode()  # no bulk delete
    assert 'name="field"' not in page.content.decode() and "_save" not in page.content.decode()
    assert client.get(reverse("admin:users_rolechange_add")).status_code == HTTPStatus.FORBIDDEN
    refused = [
        client.post(reverse("admin:users_rolechange_change", args=[row.pk]), {"new": "False"}),
        client.post(reverse("admin:users_rolechange_delete", args=[row.pk]), {"post": "yes"}),
    ]
    assert [r.status_code for r in refused] == [HTTPStatus.FORBIDDEN] * 2
    assert RoleChange.objects.filter(pk=row.pk, new="True").exists()


def test_the_trail_lists_newest_first_and_filters_by_subject_and_actor(
    mark, client, superuser, trainee, other_trainee
):
    client.force_login(superuser)
    submit(client, change_url(trainee), is_staff=["on"])
    other_trainee.groups.add(Group.objects.get(name="trainer"))
    url = reverse("admin:users_rolechange_changelist")

    newest_first = client.get(url).context["cl"].result_list
    by_subject = client.get(url, {"subject__id__exact": trainee.pk}).context["cl"].result_list
    by_actor = client.get(url, {"actor__id__exact": superuser.pk}).context["cl"].result_list

    assert [r.summary for r in newest_first[:2]] == ["groups: +trainer", "is_staff: False → True"]
    assert [(r.subject_email, r.summary) for r in by_subject] == [
        ("dana@example.org", "is_staff: False → True")
    ]
    assert [(r.actor_email, r.subject_email) for r in by_actor] == [
        ("root@example.org", "dana@example.org")
    ]


def test_the_trail_is_for_superusers_and_holders_of_its_view_permission(
    mark, client, enrollment_admin
):
    url = reverse("admin:users_rolechange_changelist")
    client.force_login(enrollment_admin)
    assert client.get(url).status_code == HTTPStatus.FORBIDDEN

    enrollment_admin.user_permissions.add(Permission.objects.get(codename="view_rolechange"))

    assert client.get(url).status_code == HTTPStatus.OK
