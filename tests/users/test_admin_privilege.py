"""Least privilege in the Django admin (issue 19): whoever is not a superuser manages trainees
only. Staff accounts (staff, superusers, anyone holding a permission) they may view, never change.
Each attempt drives the admin as a browser would: GET the page, take the fields it renders,
change one, POST; a refusal leaves the database exactly as it was."""

from html.parser import HTMLParser
from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from dbt_training.users.models import User
from dbt_training.users.roles import Role
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


class _FormFields(HTMLParser):
    """What a browser would submit from the form with this id: name → values."""

    def __init__(self, form_id: str):
        super().__init__()
        self.form_id, self.inside, self.fields = form_id, False, {}
        self._select = self._textarea = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = a.get("id") == self.form_id
        if not self.inside or "disabled" in a:
            return
        if tag == "input" and "name" in a:
            kind = a.get("type", "text")
            if kind in ("submit", "button", "reset", "image", "file"):
                return
            ticks = kind in ("checkbox", "radio")
            if ticks and "checked" not in a:
                return
            self.fields.setdefault(a["name"], []).append(a.get("value", "on" if ticks else ""))
        elif tag == "select":
            self._select = a.get("name")
        elif tag == "option" and self._select and "selected" in a:
            self.fields.setdefault(self._select, []).append(a.get("value", ""))
        elif tag == "textarea":
            self._textarea = a.get("name")
            self.fields[self._textarea] = [""]

    def handle_data(self, data):
        if self.inside and self._textarea:
            self.fields[self._textarea][0] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def rendered_form(response) -> dict[str, list[str]]:
    parser = _FormFields("user_form")
    parser.feed(response.content.decode())
    return parser.fields


def change_url(user) -> str:
    return reverse("admin:users_user_change", args=[user.pk])


def password_url(user) -> str:
    return reverse("admin:auth_user_password_change", args=[user.pk])


def submit(client, url: str, **changes):
    """GET the page, change the rendered form's fields, POST it back (Save)."""
    page = client.get(url)
    assert page.status_code == HTTPStatus.OK
    data = {**rendered_form(page), **changes, "_save": ["Save"]}
    return client.post(url, {k: v for k, v in data.items() if v is not None})


def snapshot(user) -> dict:
    row = (
        User.objects.filter(pk=user.pk)
        .values(
            "email",
            "full_name",
            "password",
            "license_number",
            "is_active",
            "is_staff",
            "is_superuser",
            "date_joined",
        )
        .get()
    )
    row["groups"] = sorted(Group.objects.filter(user=user).values_list("name", flat=True))
    row["user_permissions"] = sorted(
        Permission.objects.filter(user=user).values_list("codename", flat=True)
    )
    return row


def perm_id(codename: str) -> str:
    return str(Permission.objects.get(content_type__app_label="users", codename=codename).pk)


def group_id(role: Role) -> str:
    return str(Group.objects.get(name=role.value).pk)


@pytest.fixture
def superuser(db):
    return UserFactory(
        email="root@example.org", full_name="Rosa Root", is_staff=True, is_superuser=True
    )


@pytest.fixture
def admin_as_enrollment_admin(client, enrollment_admin):
    client.force_login(enrollment_admin)
    return client


@pytest.fixture
def admin_as_superuser(client, superuser):
    client.force_login(superuser)
    return client


# --- who is a staff account -----------------------------------------------------------------------


def test_staff_accounts_are_staff_superusers_and_anyone_holding_a_permission(
    trainee, trainer, enrollment_admin, superuser
):
    staff_only = UserFactory(email="staff@example.org", is_staff=True)
    holder = UserFactory(email="holder@example.org")
    holder.user_permissions.add(Permission.objects.get(codename="view_user"))
    empty_group = Group.objects.create(name="readers")
    member = UserFactory(email="member@example.org")
    member.groups.add(empty_group)

    assert sorted(User.objects.staff_accounts().values_list("email", flat=True)) == [
        "alex@example.org",
        "holder@example.org",
        "root@example.org",
        "staff@example.org",
        "terry@example.org",
    ]
    assert [u.is_staff_account for u in (trainee, member, trainer, staff_only, holder)] == [
        False,
        False,
        True,
        True,
        True,
    ]


# --- an enrollment admin: refused --------------------------------------------------------------------


@pytest.mark.parametrize(
    "changes",
    [
        {"is_superuser": ["on"]},
        {"is_staff": None},
        {"groups": "trainer"},
        {"user_permissions": "delete_user"},
        {"email": ["alex.moreau@example.org"]},
        {"full_name": ["Alexandra Moreau"]},
    ],
    ids=["superuser", "unstaff", "group", "permission", "email", "name"],
)
def test_enrollment_admin_cannot_change_their_own_account(
    admin_as_enrollment_admin, enrollment_admin, changes
):
    if "groups" in changes:
        changes = {"groups": [group_id(Role.ENROLLMENT_ADMIN), group_id(Role.TRAINER)]}
    if "user_permissions" in changes:
        changes = {"user_permissions": [perm_id("delete_user")]}
    before = snapshot(enrollment_admin)
    page = admin_as_enrollment_admin.get(change_url(enrollment_admin))
    # Shown read-only: the page renders no field to change.
    assert page.status_code == HTTPStatus.OK
    assert set(rendered_form(page)) == {"csrfmiddlewaretoken"}

    data = {
        **rendered_form(page),
        "email": ["alex@example.org"],
        "full_name": ["Alex Moreau"],
        "is_active": ["on"],
        "is_staff": ["on"],
        **changes,
    }
    response = admin_as_enrollment_admin.post(
        change_url(enrollment_admin), {k: v for k, v in data.items() if v is not None}
    )

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert snapshot(enrollment_admin) == before
    assert before["is_superuser"] is False and before["is_staff"] is True
    assert before["groups"] == ["enrollment_admin"] and before["user_permissions"] == []


def test_enrollment_admin_cannot_promote_a_trainee(admin_as_enrollment_admin, trainee):
    page = admin_as_enrollment_admin.get(change_url(trainee))
    assert not {"is_staff", "is_superuser", "groups", "user_permissions"} & set(rendered_form(page))

    response = submit(
        admin_as_enrollment_admin,
        change_url(trainee),
        is_staff=["on"],
        is_superuser=["on"],
        groups=[group_id(Role.ENROLLMENT_ADMIN)],
        user_permissions=[perm_id("delete_user")],
    )

    # The form takes the fields it has and ignores the rest.
    assert response.status_code == HTTPStatus.FOUND
    after = snapshot(trainee)
    assert (after["is_staff"], after["is_superuser"]) == (False, False)
    assert (after["groups"], after["user_permissions"]) == ([], [])
    assert not User.objects.get(pk=trainee.pk).is_staff_account


def test_enrollment_admin_cannot_change_the_superusers_password(
    admin_as_enrollment_admin, superuser
):
    before = snapshot(superuser)

    page = admin_as_enrollment_admin.get(password_url(superuser))
    response = admin_as_enrollment_admin.post(
        password_url(superuser),
        {"password1": "taken-Over-99-x", "password2": "taken-Over-99-x", "usable_password": "true"},
    )

    assert page.status_code == HTTPStatus.FORBIDDEN
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert snapshot(superuser) == before
    assert User.objects.get(pk=superuser.pk).check_password("a-Long-passphrase-42")


def test_enrollment_admin_sees_the_superuser_read_only_and_cannot_change_their_email(
    admin_as_enrollment_admin, superuser
):
    before = snapshot(superuser)
    page = admin_as_enrollment_admin.get(change_url(superuser))
    assert page.status_code == HTTPStatus.OK
    assert set(rendered_form(page)) == {"csrfmiddlewaretoken"}
    assert before["password"] not in page.content.decode()  # never the hash

    response = admin_as_enrollment_admin.post(
        change_url(superuser),
        {
            **rendered_form(page),
            "email": "alex@evil.example",
            "full_name": "Rosa Root",
            "is_active": "on",
            "is_staff": "on",
            "is_superuser": "on",
            "_save": "Save",
        },
    )

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert snapshot(superuser) == before
    assert before["email"] == "root@example.org"


def test_enrollment_admin_cannot_deactivate_a_trainer(admin_as_enrollment_admin, trainer):
    before = snapshot(trainer)
    page = admin_as_enrollment_admin.get(change_url(trainer))
    assert set(rendered_form(page)) == {"csrfmiddlewaretoken"}

    # What the trainee's page would send, with "active" unticked.
    response = admin_as_enrollment_admin.post(
        change_url(trainer),
        {"email": trainer.email, "full_name": trainer.full_name, "time_zone": "UTC"},
    )

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert snapshot(trainer) == before
    assert before["is_active"] is True


@pytest.fixture
def may_delete_users(enrollment_admin):
    """The enrollment admin role cannot delete anyone; given the permission, still no staff.
    (Deleting a person deletes their email addresses and second factors too, which the admin
    also asks about.)"""
    enrollment_admin.user_permissions.add(
        *Permission.objects.filter(
            codename__in=["delete_user", "delete_emailaddress", "delete_authenticator"]
        )
    )


def test_enrollment_admin_cannot_delete_a_staff_account(
    admin_as_enrollment_admin, may_delete_users, trainer, superuser
):
    for staff in (trainer, superuser):
        url = reverse("admin:users_user_delete", args=[staff.pk])
        assert admin_as_enrollment_admin.get(url).status_code == HTTPStatus.FORBIDDEN
        response = admin_as_enrollment_admin.post(url, {"post": "yes"})
        assert response.status_code == HTTPStatus.FORBIDDEN

    assert sorted(User.objects.values_list("email", flat=True)) == [
        "alex@example.org",
        "root@example.org",
        "terry@example.org",
    ]


def test_enrollment_admin_cannot_delete_staff_among_selected_accounts(
    admin_as_enrollment_admin, may_delete_users, trainee, trainer
):
    response = admin_as_enrollment_admin.post(
        reverse("admin:users_user_changelist"),
        {"action": "delete_selected", "_selected_action": [trainee.pk, trainer.pk], "post": "yes"},
    )

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert sorted(User.objects.values_list("email", flat=True)) == [
        "alex@example.org",
        "dana@example.org",
        "terry@example.org",
    ]


def test_enrollment_admin_may_delete_a_trainee_when_given_the_permission(
    admin_as_enrollment_admin, may_delete_users, trainee
):
    url = reverse("admin:users_user_delete", args=[trainee.pk])

    response = admin_as_enrollment_admin.post(url, {"post": "yes"})

    assert response.status_code == HTTPStatus.FOUND
    assert not User.objects.filter(pk=trainee.pk).exists()


def test_enrollment_admin_cannot_add_a_staff_user(admin_as_enrollment_admin):
    url = reverse("admin:users_user_add")
    page = admin_as_enrollment_admin.get(url)
    assert not {"is_staff", "is_superuser", "groups", "user_permissions"} & set(rendered_form(page))

    response = submit(
        admin_as_enrollment_admin,
        url,
        email=["new.admin@example.org"],
        full_name=["New Admin"],
        password1=["a-Long-passphrase-43"],
        password2=["a-Long-passphrase-43"],
        is_staff=["on"],
        is_superuser=["on"],
        groups=[group_id(Role.ENROLLMENT_ADMIN)],
        user_permissions=[perm_id("delete_user")],
    )

    assert response.status_code == HTTPStatus.FOUND
    created = User.objects.get(email="new.admin@example.org")
    assert snapshot(created) | {"password": "", "date_joined": None} == {
        "email": "new.admin@example.org",
        "full_name": "New Admin",
        "password": "",
        "license_number": "",
        "is_active": True,
        "is_staff": False,
        "is_superuser": False,
        "date_joined": None,
        "groups": [],
        "user_permissions": [],
    }


# --- an enrollment admin: still manages trainees --------------------------------------------------


def test_enrollment_admin_edits_a_trainees_name_email_licence_and_active_flag(
    admin_as_enrollment_admin, trainee
):
    response = submit(
        admin_as_enrollment_admin,
        change_url(trainee),
        email=["dana.rivera@example.org"],
        full_name=["Dana M. Rivera"],
        license_number=["LCSW 12345"],
        is_active=None,
    )

    assert response.status_code == HTTPStatus.FOUND
    after = snapshot(trainee)
    assert (after["email"], after["full_name"], after["license_number"], after["is_active"]) == (
        "dana.rivera@example.org",
        "Dana M. Rivera",
        "LCSW 12345",
        False,
    )
    assert (after["is_staff"], after["is_superuser"], after["groups"]) == (False, False, [])


def test_enrollment_admin_sets_a_trainees_password(admin_as_enrollment_admin, trainee):
    response = submit(
        admin_as_enrollment_admin,
        password_url(trainee),
        password1=["a-New-passphrase-77"],
        password2=["a-New-passphrase-77"],
    )

    assert response.status_code == HTTPStatus.FOUND
    assert User.objects.get(pk=trainee.pk).check_password("a-New-passphrase-77")


def test_enrollment_admin_adds_a_trainee(admin_as_enrollment_admin):
    response = submit(
        admin_as_enrollment_admin,
        reverse("admin:users_user_add"),
        email=["Kim.Lee@Example.org"],
        full_name=["Kim Lee"],
        password1=["a-Long-passphrase-43"],
        password2=["a-Long-passphrase-43"],
    )

    assert response.status_code == HTTPStatus.FOUND
    kim = User.objects.get(email="kim.lee@example.org")
    assert (kim.full_name, kim.is_active, kim.is_staff_account) == ("Kim Lee", True, False)
    assert kim.check_password("a-Long-passphrase-43")


# --- a superuser manages everyone ----------------------------------------------------------------


def test_superuser_grants_staff_superuser_groups_and_permissions(admin_as_superuser, trainee):
    page = admin_as_superuser.get(change_url(trainee)).content.decode()
    for name in ("is_staff", "is_superuser", "groups", "user_permissions"):
        assert f'name="{name}"' in page

    response = submit(
        admin_as_superuser,
        change_url(trainee),
        is_staff=["on"],
        is_superuser=["on"],
        groups=[group_id(Role.TRAINER)],
        user_permissions=[perm_id("delete_user")],
    )

    assert response.status_code == HTTPStatus.FOUND
    after = snapshot(trainee)
    assert (after["is_staff"], after["is_superuser"]) == (True, True)
    assert (after["groups"], after["user_permissions"]) == (["trainer"], ["delete_user"])


def test_superuser_changes_a_staff_accounts_email_and_deactivates_a_trainer(
    admin_as_superuser, enrollment_admin, trainer
):
    assert submit(
        admin_as_superuser, change_url(enrollment_admin), email=["alex.m@example.org"]
    ).status_code == (HTTPStatus.FOUND)
    assert submit(admin_as_superuser, change_url(trainer), is_active=None).status_code == (
        HTTPStatus.FOUND
    )

    admin_after, trainer_after = snapshot(enrollment_admin), snapshot(trainer)
    assert (admin_after["email"], admin_after["groups"]) == (
        "alex.m@example.org",
        ["enrollment_admin"],
    )
    assert (trainer_after["is_active"], trainer_after["groups"]) == (False, ["trainer"])


def test_superuser_sets_a_staff_accounts_password_and_deletes_a_trainer(
    admin_as_superuser, enrollment_admin, trainer
):
    response = submit(
        admin_as_superuser,
        password_url(enrollment_admin),
        password1=["a-New-passphrase-77"],
        password2=["a-New-passphrase-77"],
    )
    deleted = admin_as_superuser.post(
        reverse("admin:users_user_delete", args=[trainer.pk]), {"post": "yes"}
    )

    assert (response.status_code, deleted.status_code) == (HTTPStatus.FOUND, HTTPStatus.FOUND)
    assert User.objects.get(pk=enrollment_admin.pk).check_password("a-New-passphrase-77")
    assert not User.objects.filter(pk=trainer.pk).exists()


def test_last_login_and_date_joined_are_read_only_for_everyone(admin_as_superuser, trainee):
    before = snapshot(trainee)
    page = admin_as_superuser.get(change_url(trainee))
    fields = rendered_form(page)
    assert not {"last_login_0", "last_login_1", "date_joined_0", "date_joined_1"} & set(fields)

    response = submit(
        admin_as_superuser,
        change_url(trainee),
        date_joined_0=["2001-01-01"],
        date_joined_1=["00:00:00"],
    )

    assert response.status_code == HTTPStatus.FOUND
    assert snapshot(trainee) == before
