"""Permissions remembered in the session: worked out once at sign-in, never again while the
person's groups and permissions stay the same, and worked out afresh on the very next request
after any change (to their groups, their own permissions, or a group's permissions)."""

from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from dbt_training.users.permissions import SESSION_KEY
from dbt_training.users.roles import Role
from tests.second_factor import give_second_factor

pytestmark = pytest.mark.django_db

AUTHORING = ">Authoring</a>"  # the menu's link


def permission_queries(client, url) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    asked = sum(1 for q in queries if "auth_permission" in q["sql"])
    return asked, response.content.decode()


def test_the_menu_asks_the_database_nothing_after_sign_in(client, trainer):
    client.force_login(trainer)

    for _ in range(3):
        asked, page = permission_queries(client, reverse("dashboard"))
        assert (asked, AUTHORING in page) == (0, True)


def test_leaving_the_trainer_group_takes_effect_on_the_next_request(client, trainer):
    client.force_login(trainer)
    assert client.get(reverse("authoring:home")).status_code == HTTPStatus.OK

    Group.objects.get(name=Role.TRAINER).user_set.remove(trainer)

    asked, page = permission_queries(client, reverse("dashboard"))
    assert (asked, AUTHORING in page) == (2, False)
    assert client.get(reverse("authoring:home")).status_code == HTTPStatus.FORBIDDEN
    assert client.session[SESSION_KEY]["perms"] == []


def test_a_group_losing_a_permission_takes_effect_for_its_members(client, trainer):
    client.force_login(trainer)
    client.get(reverse("dashboard"))

    Group.objects.get(name=Role.TRAINER).permissions.remove(
        Permission.objects.get(codename="author_courses")
    )

    assert client.get(reverse("authoring:home")).status_code == HTTPStatus.FORBIDDEN
    assert AUTHORING not in client.get(reverse("dashboard")).content.decode()


def test_a_permission_given_to_a_trainee_shows_at_once(client, trainee):
    give_second_factor(trainee)  # staff need one (users.second_factor); a trainee may have one
    client.force_login(trainee)
    assert AUTHORING not in client.get(reverse("dashboard")).content.decode()

    trainee.user_permissions.add(Permission.objects.get(codename="author_courses"))

    assert AUTHORING in client.get(reverse("dashboard")).content.decode()
    assert client.get(reverse("authoring:home")).status_code == HTTPStatus.OK


def test_permissions_remembered_for_someone_else_are_not_used(client, trainee, trainer):
    client.force_login(trainee)
    session = client.session
    remembered = session[SESSION_KEY]
    # The trainer's permissions, under the trainee's stamp but the trainer's id.
    session[SESSION_KEY] = {
        "stamp": [trainer.pk, remembered["stamp"][1]],
        "perms": ["users.author_courses", "users.teach_cohorts"],
    }
    session.save()

    assert client.get(reverse("authoring:home")).status_code == HTTPStatus.FORBIDDEN
    assert client.session[SESSION_KEY]["stamp"][0] == trainee.pk
