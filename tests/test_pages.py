"""Landing page, dashboard, navigation by role, error pages and the security headers on them."""

from http import HTTPStatus

import pytest
from django.test import override_settings
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_landing_page_for_visitors_offers_sign_up_and_sign_in(client):
    response = client.get(reverse("landing"))

    assert response.status_code == HTTPStatus.OK
    content = response.content.decode()
    assert "Learn Dialectical Behavior Therapy" in content
    assert f'href="{reverse("account_signup")}"' in content
    assert f'href="{reverse("account_login")}"' in content
    assert "not clinician certification" in content


@override_settings(SIGNUP_OPEN=False)
def test_closed_sign_up_hides_the_link_and_refuses_the_form(client):
    assert f'href="{reverse("account_signup")}"' not in client.get("/").content.decode()

    response = client.get(reverse("account_signup"))

    assert "Sign Up Closed" in response.content.decode()


def test_signed_in_people_go_from_landing_to_dashboard(trainee_client):
    response = trainee_client.get(reverse("landing"))

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("dashboard")


def test_visitor_is_sent_to_sign_in_from_dashboard(client):
    response = client.get(reverse("dashboard"))

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == f"{reverse('account_login')}?next=/dashboard/"


def nav(response) -> str:
    content = response.content.decode()
    return content[content.index('<nav class="site-nav"') : content.index("</nav>")]


def test_trainee_dashboard_has_no_teaching_or_administration(trainee_client):
    response = trainee_client.get(reverse("dashboard"))

    assert response.status_code == HTTPStatus.OK
    menu = nav(response)
    assert ">Dashboard<" in menu and ">Account<" in menu and "Sign out" in menu
    assert "Cohorts" not in menu and "Authoring" not in menu and "Administration" not in menu
    content = response.content.decode()
    assert "Welcome, Dana" in content
    assert 'id="teaching"' not in content and 'id="administration"' not in content
    assert "America/Chicago" in content


def test_trainer_sees_teaching(client, trainer):
    client.force_login(trainer)

    response = client.get(reverse("dashboard"))

    menu = nav(response)
    assert ">Cohorts<" in menu and ">Authoring<" in menu and "Administration" not in menu
    assert 'id="teaching"' in response.content.decode()


def test_enrollment_admin_sees_administration_and_the_admin_site_link(client, enrollment_admin):
    client.force_login(enrollment_admin)

    response = client.get(reverse("dashboard"))

    menu = nav(response)
    assert "Administration" in menu and "Teaching" not in menu
    assert f'href="{reverse("admin:index")}"' in response.content.decode()


def test_enrollment_admin_can_open_users_in_the_django_admin(client, enrollment_admin, trainee):
    client.force_login(enrollment_admin)

    response = client.get(reverse("admin:users_user_changelist") + "?q=dana")

    assert response.status_code == HTTPStatus.OK
    assert "dana@example.org" in response.content.decode()


def test_trainee_cannot_open_the_django_admin(trainee_client):
    response = trainee_client.get(reverse("admin:users_user_changelist"))

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(reverse("admin:login"))


def test_dashboard_query_count_does_not_grow_with_users_or_roles(
    client, django_assert_max_num_queries, enrollment_admin
):
    UserFactory.create_batch(200)
    client.force_login(enrollment_admin)

    # session, user, the two permission lookups behind the role menu, my enrollments, the
    # cohorts I teach, and nothing per row.
    with django_assert_max_num_queries(7):
        response = client.get(reverse("dashboard"))
    assert response.status_code == HTTPStatus.OK


def test_landing_query_count_is_flat(client, django_assert_max_num_queries):
    UserFactory.create_batch(200)

    with django_assert_max_num_queries(1):
        assert client.get(reverse("landing")).status_code == HTTPStatus.OK


def test_unknown_page_is_our_404(client):
    response = client.get("/no-such-page/")

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert "Page not found" in response.content.decode()
    assert 'href="#main"' in response.content.decode()


def test_server_error_page_renders_without_context():
    from django.template.loader import render_to_string

    html = render_to_string("500.html")

    assert "Something went wrong on our side" in html
    assert "<script" not in html


@pytest.mark.parametrize("url_name", ["landing", "account_login", "account_signup"])
def test_every_page_sends_csp_and_security_headers(client, url_name):
    response = client.get(reverse(url_name))

    csp = response["Content-Security-Policy"]
    for directive in (
        "default-src 'self'",
        "script-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ):
        assert directive in csp
    assert "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def assert_no_inline_code_or_outside_resources(html: str) -> None:
    assert "<script>" not in html and "<style" not in html and " style=" not in html
    assert " onclick=" not in html and " onload=" not in html
    head = html.split("<body")[0]
    assert "://" not in head, "the page head loads something from another host"


@pytest.mark.parametrize("url_name", ["landing", "account_login", "account_signup"])
def test_public_pages_have_no_inline_code_or_outside_resources(client, url_name):
    assert_no_inline_code_or_outside_resources(client.get(reverse(url_name)).content.decode())


@pytest.mark.parametrize("url_name", ["dashboard", "users:profile", "account_email"])
def test_signed_in_pages_have_no_inline_code_or_outside_resources(trainee_client, url_name):
    html = trainee_client.get(reverse(url_name)).content.decode()

    assert_no_inline_code_or_outside_resources(html)


def test_htmx_is_served_from_our_own_static_files(client):
    html = client.get(reverse("landing")).content.decode()

    assert '<script src="/static/django_htmx/htmx-2.min.js"' in html
    assert client.get("/static/django_htmx/htmx-2.min.js").status_code == HTTPStatus.OK


def test_permission_denied_page_explains_itself(rf, trainee):
    from django.core.exceptions import PermissionDenied
    from django.views.defaults import permission_denied

    request = rf.get("/somewhere/")
    request.user = trainee

    response = permission_denied(request, PermissionDenied("Only this cohort's trainers may."))

    assert response.status_code == HTTPStatus.FORBIDDEN
    html = response.content.decode()
    assert "You don't have access to this page" in html
    assert "Only this cohort&#x27;s trainers may." in html


def test_favicon_ico_points_at_the_sites_icon(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 301
    assert response["Location"] == "/static/img/favicon.svg"
    assert client.post("/favicon.ico").status_code == 405


def test_admin_pages_name_the_sites_icon(admin_client):
    page = admin_client.get(reverse("admin:index")).content.decode()

    assert '<link rel="icon" href="/static/img/favicon.svg" type="image/svg+xml">' in page
    assert '<div id="site-name"><a href="/admin/">DBT Training administration</a></div>' in page
    assert "<title>Site administration | DBT Training admin</title>" in page


def test_only_the_admin_may_use_inline_styles(admin_client):
    admin = _directives(admin_client.get(reverse("admin:index"))["Content-Security-Policy"])
    site = _directives(admin_client.get(reverse("dashboard"))["Content-Security-Policy"])

    assert admin["style-src"] == ["'self'", "'unsafe-inline'"]
    assert admin["script-src"] == site["script-src"] == ["'self'"]
    assert site["style-src"] == ["'self'"]
    assert not any("'unsafe-inline'" in sources for sources in site.values())


def _directives(policy):
    """The policy as {directive: [sources]}: django-csp's order of directives differs between releases."""
    parts = (part.split() for part in policy.split(";") if part.strip())
    return {name: sources for name, *sources in parts}
