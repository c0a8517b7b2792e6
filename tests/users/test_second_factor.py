"""Staff sign in with a second factor (issue 19, item 2): allauth.mfa's flows, and our rule that a
staff member without a factor reaches nothing but the pages that set one up."""

import re
from http import HTTPStatus

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from dbt_training.users.roles import Role
from dbt_training.users.second_factor import SESSION_KEY
from tests.factories import CohortFactory, UserFactory
from tests.second_factor import SECRET, give_second_factor, totp_code

pytestmark = pytest.mark.django_db
SETUP = "/accounts/2fa/"
PASSWORD = "a-Long-passphrase-42"


def signed_in_id(client):
    return client.session.get("_auth_user_id")


def sign_in_with_password(client, email):
    return client.post(reverse("account_login"), {"login": email, "password": PASSWORD})


def form_fields(html: str) -> dict[str, str]:
    """The named inputs of the page's forms with their values, as a browser would post them."""
    fields = {}
    for tag in re.findall(r"<input\b[^>]*>", html):
        name = re.search(r'\bname="([^"]+)"', tag)
        value = re.search(r'\bvalue="([^"]*)"', tag)
        if name:
            fields[name.group(1)] = value.group(1) if value else ""
    return fields


@pytest.fixture
def new_trainer(db):
    """A trainer who has not set a factor up yet."""
    return UserFactory(email="nia@example.org", roles=[Role.TRAINER], second_factor=False)


def test_staff_without_a_factor_reach_only_the_pages_that_set_one_up(client, new_trainer):
    cohort = CohortFactory(trainers=[new_trainer])
    client.force_login(new_trainer)

    for url in (
        reverse("dashboard"),
        reverse("grading:queue", args=[cohort.pk]),
        reverse("authoring:home"),
    ):
        answer = client.get(url)
        assert (answer.status_code, answer["Location"]) == (HTTPStatus.FOUND, SETUP), url
    refused_post = client.post(reverse("authoring:home"))
    assert (refused_post.status_code, refused_post["Location"]) == (HTTPStatus.FOUND, SETUP)

    setup = client.get(SETUP)
    assert setup.status_code == HTTPStatus.OK
    assert "your account needs a second factor" in setup.content.decode()
    # allauth asks for the password again before a factor is added; that page is open too.
    for name in ("mfa_activate_totp", "mfa_add_webauthn"):
        answer = client.get(reverse(name))
        assert answer["Location"].startswith(reverse("account_reauthenticate")), name
    assert client.get(reverse("account_reauthenticate")).status_code == HTTPStatus.OK

    assert client.post(reverse("account_logout")).status_code == HTTPStatus.FOUND
    assert signed_in_id(client) is None


def test_an_htmx_request_is_sent_to_the_setup_page_too(client, new_trainer):
    client.force_login(new_trainer)

    answer = client.get(reverse("dashboard"), headers={"HX-Request": "true"})

    assert (answer.status_code, answer["HX-Redirect"]) == (HTTPStatus.NO_CONTENT, SETUP)


@pytest.mark.parametrize(
    "staff",
    [
        {"roles": [Role.ENROLLMENT_ADMIN], "is_staff": True},
        {"is_staff": True, "is_superuser": True},
        {"is_staff": True},
    ],
    ids=["enrollment admin", "superuser", "admin site only"],
)
def test_every_staff_role_needs_a_factor(client, staff):
    person = UserFactory(second_factor=False, **staff)
    client.force_login(person)

    assert client.get(reverse("admin:index"))["Location"] == SETUP


def test_a_trainee_needs_no_factor_and_pays_no_query_for_the_rule(client, trainee):
    client.force_login(trainee)
    client.get(reverse("dashboard"))  # the session learns what it remembers

    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("dashboard")).status_code == HTTPStatus.OK
    assert [q["sql"] for q in queries if "mfa_authenticator" in q["sql"]] == []
    assert SESSION_KEY not in client.session
    assert Authenticator.objects.filter(user=trainee).count() == 0


def test_adding_an_authenticator_app_opens_the_staff_pages(client, new_trainer):
    sign_in_with_password(client, new_trainer.email)
    page = client.get(reverse("mfa_activate_totp"))
    if page.status_code == HTTPStatus.FOUND:
        # Newer allauth releases ask for the password again even right after signing in.
        assert page["Location"].startswith(reverse("account_reauthenticate"))
        client.post(page["Location"], {"password": PASSWORD})
        page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == HTTPStatus.OK
    html = page.content.decode()
    secret = re.search(r'id="authenticator_secret"[^>]*value="([A-Z2-7]+)"', html)
    fields = form_fields(html)
    assert set(fields) >= {"csrfmiddlewaretoken", "code"}

    wrong = client.post(reverse("mfa_activate_totp"), {"code": "000000"})
    assert wrong.status_code == HTTPStatus.OK
    assert "Incorrect code." in wrong.content.decode()
    assert client.get(reverse("dashboard"))["Location"] == SETUP

    done = client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret.group(1))})

    assert (done.status_code, done["Location"]) == (
        HTTPStatus.FOUND,
        "/accounts/2fa/recovery-codes/",
    )
    kinds = set(Authenticator.objects.filter(user=new_trainer).values_list("type", flat=True))
    assert kinds == {"totp", "recovery_codes"}
    assert client.get(reverse("dashboard")).status_code == HTTPStatus.OK


def test_sign_in_asks_for_the_code_and_refuses_a_wrong_one(client, trainer):
    answer = sign_in_with_password(client, trainer.email)

    assert answer["Location"] == reverse("mfa_authenticate")
    assert signed_in_id(client) is None
    wrong = client.post(reverse("mfa_authenticate"), {"code": "123456"})
    assert wrong.status_code == HTTPStatus.OK
    assert "Incorrect code." in wrong.content.decode()
    assert signed_in_id(client) is None

    right = client.post(reverse("mfa_authenticate"), {"code": totp_code(SECRET)})

    assert right["Location"] == reverse("dashboard")
    assert signed_in_id(client) == str(trainer.pk)
    assert client.get(reverse("dashboard")).status_code == HTTPStatus.OK


def test_a_code_works_once(client, trainer):
    code = totp_code(SECRET)
    sign_in_with_password(client, trainer.email)
    client.post(reverse("mfa_authenticate"), {"code": code})
    client.post(reverse("account_logout"))

    sign_in_with_password(client, trainer.email)
    replay = client.post(reverse("mfa_authenticate"), {"code": code})

    assert "Incorrect code." in replay.content.decode()
    assert signed_in_id(client) is None


def test_each_recovery_code_signs_in_once(client, trainer):
    codes = RecoveryCodes.activate(trainer).get_unused_codes()
    assert len(codes) == 10

    sign_in_with_password(client, trainer.email)
    client.post(reverse("mfa_authenticate"), {"code": codes[0]})
    assert signed_in_id(client) == str(trainer.pk)
    client.post(reverse("account_logout"))

    sign_in_with_password(client, trainer.email)
    again = client.post(reverse("mfa_authenticate"), {"code": codes[0]})
    assert "Incorrect code." in again.content.decode()
    assert signed_in_id(client) is None

    client.post(reverse("mfa_authenticate"), {"code": codes[1]})
    assert signed_in_id(client) == str(trainer.pk)
    left = Authenticator.objects.get(user=trainer, type="recovery_codes").wrap()
    assert left.get_unused_codes() == codes[2:]


def test_guessing_codes_is_rate_limited(client, trainer):
    sign_in_with_password(client, trainer.email)
    for guess in ("111111", "222222", "333333", "444444", "555555"):
        assert (
            "Incorrect code."
            in client.post(reverse("mfa_authenticate"), {"code": guess}).content.decode()
        )

    blocked = client.post(reverse("mfa_authenticate"), {"code": totp_code(SECRET)})

    assert "Too many failed login attempts" in blocked.content.decode()
    assert signed_in_id(client) is None


def test_a_factor_an_admin_removes_is_asked_for_again_on_the_next_request(client, trainer):
    client.force_login(trainer)
    assert client.get(reverse("dashboard")).status_code == HTTPStatus.OK

    Authenticator.objects.filter(user=trainer).delete()  # the admin's "reset a lost factor"

    assert client.get(reverse("dashboard"))["Location"] == SETUP


def test_the_admin_sign_in_form_sends_staff_to_the_one_that_asks_for_the_factor(client):
    answer = client.get("/admin/login/?next=/admin/outbox/")

    assert answer.status_code == HTTPStatus.FOUND
    assert answer["Location"] == "/accounts/login/?next=/admin/outbox/"


def test_someone_signed_in_whom_the_admin_refuses_gets_403_not_a_redirect_loop(client, trainer):
    """The trial's loop: /admin/ → /admin/login/ → /accounts/login/ → /admin/ → …"""
    client.force_login(trainer)

    answer = client.get("/admin/", follow=True)

    assert [url for url, _ in answer.redirect_chain] == ["/admin/login/?next=/admin/"]
    assert answer.status_code == HTTPStatus.FORBIDDEN
    assert "Your account has no access to the administration pages." in answer.content.decode()


def test_a_trainee_may_add_a_factor_and_is_then_asked_for_it(client, trainee):
    give_second_factor(trainee)

    answer = sign_in_with_password(client, trainee.email)

    assert answer["Location"] == reverse("mfa_authenticate")
    client.post(reverse("mfa_authenticate"), {"code": totp_code(SECRET)})
    assert signed_in_id(client) == str(trainee.pk)
