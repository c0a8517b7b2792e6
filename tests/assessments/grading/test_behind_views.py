"""The "who is behind" page and its nudge button: who may see and press it, the idle-days form,
htmx and plain posts, refusals that change nothing, and a flat query count."""

import datetime
import re
from http import HTTPStatus

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from assessments.models import Assignment, Nudge, Quiz
from courses import services as enrollment_services
from courses.models import Enrollment, EnrollmentStatus
from tests.factories import CohortFactory, LessonFactory, ModuleFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def overdue_module(course):
    """Due on the cohort's second day, six days ago: overdue for everyone who has not done it."""
    module = ModuleFactory(course=course, title="Orientation", position=0, due_offset_days=1)
    LessonFactory(module=module, title="Welcome")
    return module


def list_url(cohort, **query):
    url = reverse("behind:list", args=[cohort.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def nudge_url(cohort, enrollment):
    return reverse("behind:nudge", args=[cohort.pk, enrollment.pk])


def login(client, user):
    client.force_login(user)
    return client


# --- permissions ---------------------------------------------------------------------------------


def test_visitor_is_sent_to_sign_in(client, cohort, enrollment):
    for response in (client.get(list_url(cohort)), client.post(nudge_url(cohort, enrollment))):
        assert response.status_code == HTTPStatus.FOUND
        assert response.url.startswith(reverse("account_login"))
    assert not Nudge.objects.exists()


@pytest.mark.parametrize("who", ["trainee", "other_trainer", "enrollment_admin"])
def test_anyone_but_the_cohorts_trainer_gets_403(client, cohort, enrollment, request, who):
    login(client, request.getfixturevalue(who))

    assert client.get(list_url(cohort)).status_code == HTTPStatus.FORBIDDEN
    assert client.post(nudge_url(cohort, enrollment)).status_code == HTTPStatus.FORBIDDEN
    assert not Nudge.objects.exists()
    assert mail.outbox == []


def test_the_cohorts_trainer_sees_the_page(client, cohort, enrollment, overdue_module, trainer):
    page = login(client, trainer).get(list_url(cohort))

    assert page.status_code == HTTPStatus.OK
    html = page.content.decode()
    assert "1 of 1 active trainee behind" in html
    assert '<th scope="row">Dana Rivera</th>' in html
    assert 'Orientation <span class="muted">(module, due ' in html
    assert "0 of 1 lesson done" in html
    assert f'hx-post="{nudge_url(cohort, enrollment)}"' in html


def test_a_trainee_of_another_cohort_cannot_be_nudged_through_this_one(
    client, cohort, enrollment, trainer, course
):
    elsewhere = CohortFactory(course=course, trainers=[trainer])
    stranger = Enrollment.objects.create(
        user=UserFactory(), cohort=elsewhere, status=EnrollmentStatus.ACTIVE
    )

    response = login(client, trainer).post(nudge_url(cohort, stranger))

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert not Nudge.objects.exists()


def test_nudge_is_post_only(client, cohort, enrollment, trainer):
    response = login(client, trainer).get(nudge_url(cohort, enrollment))

    assert response.status_code == HTTPStatus.METHOD_NOT_ALLOWED
    assert not Nudge.objects.exists()


# --- the idle-days form ----------------------------------------------------------------------------


def idle_enrollment(cohort, days):
    when = timezone.now() - datetime.timedelta(days=days, hours=1)
    return Enrollment.objects.create(
        user=UserFactory(full_name=f"Idle {days} days"),
        cohort=cohort,
        status=EnrollmentStatus.ACTIVE,
        enrolled_at=when,
    )


def test_idle_days_default_to_seven_and_can_be_chosen(client, cohort, enrollment, trainer):
    idle_enrollment(cohort, 3)
    idle_enrollment(cohort, 8)
    login(client, trainer)

    default = client.get(list_url(cohort)).content.decode()
    three = client.get(list_url(cohort, days=3)).content.decode()

    assert "Idle 8 days" in default and "Idle 3 days" not in default
    assert "2 of 3 active trainees behind" in three and "Idle 3 days" in three
    assert 'value="3"' in three
    assert "Dana Rivera" not in three


@pytest.mark.parametrize("bad", ["0", "91", "seven", "-2"])
def test_a_bad_number_of_days_is_a_form_error_and_the_default_is_used(
    client, cohort, enrollment, trainer, bad
):
    idle_enrollment(cohort, 8)
    idle_enrollment(cohort, 3)

    page = login(client, trainer).get(list_url(cohort, days=bad))

    assert page.status_code == HTTPStatus.OK
    html = page.content.decode()
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_days_helptext id_days_error"' in html
    assert '<ul class="errorlist" id="id_days_error">' in html
    assert "Showing trainees idle for 7 days or more instead." in html
    assert "Idle 8 days" in html and "Idle 3 days" not in html


# --- nudging -------------------------------------------------------------------------------------


def test_htmx_nudge_swaps_the_cell_and_emails_once(
    client, cohort, enrollment, overdue_module, trainer, django_capture_on_commit_callbacks
):
    login(client, trainer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(nudge_url(cohort, enrollment), {"days": "7"}, HTTP_HX_REQUEST="true")

    assert response.status_code == HTTPStatus.OK
    assert response.content.decode().strip() == (
        '<p class="nudged" tabindex="-1" autofocus>Nudged just now.</p>'
    )
    made = Nudge.objects.get()
    assert (made.enrollment, made.sent_by) == (enrollment, trainer)
    assert made.reason == "Overdue: Orientation (module)."
    assert [m.to for m in mail.outbox] == [["dana@example.org"]]

    page = client.get(list_url(cohort)).content.decode()
    assert "Last nudged" in page and "by Terry Chen" in page
    assert f'action="{nudge_url(cohort, enrollment)}"' not in page
    assert "Next nudge possible from" in page


def test_plain_nudge_redirects_back_with_the_chosen_days(
    client, cohort, enrollment, overdue_module, trainer, django_capture_on_commit_callbacks
):
    login(client, trainer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(nudge_url(cohort, enrollment), {"days": "3"})

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == list_url(cohort, days=3)
    page = client.get(response.url).content.decode()
    assert "Dana Rivera is nudged: an email is on its way." in page
    assert Nudge.objects.count() == 1 and len(mail.outbox) == 1


def test_a_tampered_days_value_is_dropped_from_the_redirect(client, cohort, enrollment, trainer):
    response = login(client, trainer).post(nudge_url(cohort, enrollment), {"days": "1000"})

    assert response.url == list_url(cohort)


def test_a_second_nudge_the_same_day_is_refused_and_changes_nothing(
    client, cohort, enrollment, trainer, django_capture_on_commit_callbacks
):
    login(client, trainer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(nudge_url(cohort, enrollment))
        htmx = client.post(nudge_url(cohort, enrollment), HTTP_HX_REQUEST="true")
        plain = client.post(nudge_url(cohort, enrollment))

    assert htmx.status_code == HTTPStatus.OK
    assert "A trainee gets at most one nudge a day; try again after 24 hours." in (
        htmx.content.decode()
    )
    assert 'class="field-error"' in htmx.content.decode()
    assert plain.status_code == HTTPStatus.FOUND
    followed = client.get(plain.url).content.decode()
    assert "Dana Rivera was nudged 0\xa0minutes ago." in followed
    assert Nudge.objects.count() == 1 and len(mail.outbox) == 1


def test_a_withdrawn_trainee_is_not_nudged(client, cohort, enrollment, trainer):
    enrollment_services.withdraw(enrollment=enrollment)

    response = login(client, trainer).post(nudge_url(cohort, enrollment), HTTP_HX_REQUEST="true")

    assert "Dana Rivera is no longer active in this cohort, so no nudge was sent." in (
        response.content.decode()
    )
    assert not Nudge.objects.exists()


# --- page quality --------------------------------------------------------------------------------


def test_the_page_has_no_inline_script_or_style(
    client, cohort, enrollment, overdue_module, trainer
):
    html = login(client, trainer).get(list_url(cohort, days="x")).content.decode()

    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)
    assert " style=" not in html and "<style" not in html
    assert not re.search(r"\son[a-z]+=", html)
    assert 'href="/static/css/behind.css"' in html


@pytest.mark.parametrize(("trainees", "modules"), [(5, 2), (50, 10)])
def test_page_queries_do_not_grow_with_trainees_or_modules(
    client, cohort, course, trainer, trainees, modules, django_assert_max_num_queries
):
    for n in range(modules):
        module = ModuleFactory(course=course, position=n + 1, due_offset_days=1)
        LessonFactory(module=module)
        Quiz.objects.create(module=module, title=f"Check {n}")
        Assignment.objects.create(module=module, title=f"Worksheet {n}")
    for _ in range(trainees):
        Enrollment.objects.create(user=UserFactory(), cohort=cohort, status=EnrollmentStatus.ACTIVE)
    login(client, trainer)
    client.get(list_url(cohort))  # the process loads the course outline once

    with django_assert_max_num_queries(PAGE_QUERIES):
        page = client.get(list_url(cohort))

    assert page.content.decode().count('<th scope="row">') == trainees


# Session and user (2), the nav's permissions (2), the cohort (1), and behind_in's fixed ten.
PAGE_QUERIES = 15
