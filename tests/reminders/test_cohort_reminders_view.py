"""A cohort's reminders page: who may see it and switch kinds, what a save changes (and what a
refused one does not), the delivery summary's exact counts, and a flat query count."""

import datetime as dt
import re
from http import HTTPStatus

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from dbt_training.users.roles import Role
from reminders.kinds import ReminderKind
from reminders.models import CohortReminderSwitch, Reminder, ReminderStatus
from tests.factories import CohortFactory, UserFactory

from .conftest import at

pytestmark = pytest.mark.django_db

ALL_KINDS = ReminderKind.values
OFF = [ReminderKind.INACTIVE, ReminderKind.OVERDUE]


@pytest.fixture
def other_trainer(course):
    """Teaches another cohort of the same course, not this one."""
    user = UserFactory(email="kim@example.org", full_name="Kim Lee", roles=[Role.TRAINER])
    CohortFactory(course=course, name="Autumn 2027", trainers=[user])
    return user


@pytest.fixture
def other_cohort(course, enroll, other_trainee):
    cohort = CohortFactory(course=course, name="Autumn 2027")
    enroll(other_trainee, in_cohort=cohort)
    return cohort


def url(cohort):
    return reverse("reminders:cohort", args=[cohort.pk])


def switches(cohort):
    return sorted(
        CohortReminderSwitch.objects.filter(cohort=cohort).values_list("kind", "switched_off_by")
    )


def remind(enrollment, n, *, kind=ReminderKind.LIVE_SESSION_24H, **fields):
    return Reminder.objects.create(
        enrollment=enrollment,
        kind=kind,
        key=f"item:{n}",
        due_at=at(2027, 3, 1) + dt.timedelta(hours=n),
        payload={"title": f"Item {n}"},
        **fields,
    )


def checked_kinds(page: str) -> list[str]:
    return re.findall(
        r'<input type="checkbox" name="enabled_kinds" value="(\w+)"[^>]* checked', page
    )


def switch_off_some(cohort, by):
    CohortReminderSwitch.objects.bulk_create(
        CohortReminderSwitch(cohort=cohort, kind=kind, switched_off_by=by) for kind in OFF
    )


# --- who may ------------------------------------------------------------------------------------


def test_visitor_is_sent_to_sign_in_and_nothing_changes(client, cohort):
    for response in (client.get(url(cohort)), client.post(url(cohort), {"enabled_kinds": []})):
        assert response.status_code == HTTPStatus.FOUND
        assert response.url.startswith(reverse("account_login") + "?next=/cohorts/")
    assert switches(cohort) == []


@pytest.mark.parametrize("who", ["trainee", "other_trainer"])
def test_a_trainee_or_another_cohorts_trainer_gets_403_and_nothing_changes(
    client, cohort, enrollment, request, who
):
    client.force_login(request.getfixturevalue(who))

    assert client.get(url(cohort)).status_code == HTTPStatus.FORBIDDEN
    refused = client.post(url(cohort), {"enabled_kinds": [ReminderKind.DUE_SOON]})

    assert refused.status_code == HTTPStatus.FORBIDDEN
    assert switches(cohort) == []


def test_an_unknown_cohort_is_404(client, trainer, cohort):
    client.force_login(trainer)

    assert client.get(reverse("reminders:cohort", args=[cohort.pk + 100])).status_code == (
        HTTPStatus.NOT_FOUND
    )


@pytest.mark.parametrize("who", ["trainer", "enrollment_admin"])
def test_the_cohorts_trainer_and_an_enrollment_admin_see_every_kind_checked_when_on(
    client, cohort, request, who
):
    client.force_login(request.getfixturevalue(who))

    response = client.get(url(cohort))

    assert response.status_code == HTTPStatus.OK
    page = response.content.decode()
    assert checked_kinds(page) == ALL_KINDS
    assert "<legend>Reminders this cohort sends:</legend>" in page
    assert '<h1>Reminders<span class="muted">, Spring 2027</span></h1>' in page


def test_a_kind_switched_off_is_unchecked(client, trainer, cohort):
    switch_off_some(cohort, trainer)
    client.force_login(trainer)

    page = client.get(url(cohort)).content.decode()

    assert checked_kinds(page) == [k for k in ALL_KINDS if k not in OFF]


# --- saving -------------------------------------------------------------------------------------


def test_saving_switches_off_the_unchecked_kinds(client, trainer, cohort, other_cohort):
    client.force_login(trainer)
    enabled = [k for k in ALL_KINDS if k not in OFF]

    response = client.post(url(cohort), {"enabled_kinds": enabled})

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == url(cohort)
    assert switches(cohort) == sorted((k, trainer.pk) for k in OFF)
    assert switches(other_cohort) == []
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Reminders saved: 7 of 9 kinds on for Spring 2027."
    ]


def test_an_enrollment_admin_switches_kinds_back_on(client, enrollment_admin, trainer, cohort):
    switch_off_some(cohort, trainer)
    client.force_login(enrollment_admin)

    response = client.post(url(cohort), {"enabled_kinds": ALL_KINDS})

    assert response.status_code == HTTPStatus.FOUND
    assert switches(cohort) == []


def test_saving_with_nothing_checked_switches_every_kind_off(client, trainer, cohort):
    client.force_login(trainer)

    client.post(url(cohort), {})

    assert switches(cohort) == sorted((k, trainer.pk) for k in ALL_KINDS)


def test_an_unknown_kind_is_refused_and_nothing_changes(client, trainer, cohort):
    switch_off_some(cohort, trainer)
    client.force_login(trainer)

    response = client.post(url(cohort), {"enabled_kinds": [ReminderKind.DUE_SOON, "fireworks"]})

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "Select a valid choice. fireworks is not one of the available choices." in (
        response.content.decode()
    )
    assert switches(cohort) == sorted((k, trainer.pk) for k in OFF)


# --- the delivery summary -----------------------------------------------------------------------


def test_the_summary_counts_each_status_per_kind_for_this_cohort_only(
    client, trainer, cohort, enrollment, enroll, los_angeles, other_cohort
):
    lupe = enroll(los_angeles)
    statuses = [
        (enrollment, ReminderKind.LIVE_SESSION_24H, ReminderStatus.SENT),
        (lupe, ReminderKind.LIVE_SESSION_24H, ReminderStatus.SENT),
        (enrollment, ReminderKind.LIVE_SESSION_24H, ReminderStatus.OPTED_OUT),
        (lupe, ReminderKind.LIVE_SESSION_24H, ReminderStatus.PENDING),
        (enrollment, ReminderKind.DUE_SOON, ReminderStatus.FAILED),
        (lupe, ReminderKind.DUE_SOON, ReminderStatus.CANCELLED),
    ]
    for n, (who, kind, status) in enumerate(statuses):
        remind(who, n, kind=kind, status=status)
    remind(other_cohort.enrollments.get(), 99, status=ReminderStatus.SENT)
    client.force_login(trainer)

    page = client.get(url(cohort)).content.decode()

    rows = {
        label: cells
        for label, cells in re.findall(
            r'<th scope="row">([^<]+)</th>\s*((?:<td>\d+</td>\s*){5})', page
        )
    }
    counts = {label: re.findall(r"<td>(\d+)</td>", cells) for label, cells in rows.items()}
    assert counts == {
        "Cohort starting (the day before)": ["0", "0", "0", "0", "0"],
        "Module released": ["0", "0", "0", "0", "0"],
        "Live session (24 hours before)": ["2", "1", "1", "0", "0"],
        "Live session (1 hour before)": ["0", "0", "0", "0", "0"],
        "Work due soon (48 hours before)": ["0", "0", "0", "1", "1"],
        "Work overdue": ["0", "0", "0", "0", "0"],
        "No activity for 7 days": ["0", "0", "0", "0", "0"],
        "Grade released": ["0", "0", "0", "0", "0"],
        "Certificate ready": ["0", "0", "0", "0", "0"],
    }


def test_failed_and_retrying_emails_are_listed_with_their_errors(
    client, trainer, cohort, enrollment, enroll, los_angeles, other_cohort
):
    lupe = enroll(los_angeles)
    remind(
        enrollment,
        1,
        status=ReminderStatus.FAILED,
        attempts=6,
        last_error="SMTPRecipientsRefused: {'dana@example.org': (550, b'No such user')}",
    )
    remind(
        lupe,
        2,
        kind=ReminderKind.DUE_SOON,
        attempts=2,
        next_attempt_at=at(2027, 3, 1, 18),
        last_error="ConnectionRefusedError: [Errno 111] Connection refused",
    )
    remind(enrollment, 3)  # pending, never tried: not a problem
    remind(enrollment, 4, status=ReminderStatus.SENT, attempts=2)  # sent on its second try
    remind(other_cohort.enrollments.get(), 5, status=ReminderStatus.FAILED, attempts=6)
    client.force_login(trainer)

    page = client.get(url(cohort)).content.decode()

    section = page.split('id="problems-title"', 1)[1]
    assert section.count('<th scope="row">') == 2
    assert section.index("Lupe Ortiz") < section.index("Dana Rivera")  # newest first
    assert "<td>Work due soon (48 hours before): Item 2</td>" in section
    assert "Retrying from" in section and "<td>2</td>" in section
    assert "ConnectionRefusedError: [Errno 111] Connection refused" in section
    assert "<td>Failed</td>" in section and "<td>6</td>" in section
    assert "SMTPRecipientsRefused: {&#x27;dana@example.org&#x27;" in section


def test_with_no_problems_the_page_says_so(client, trainer, cohort):
    client.force_login(trainer)

    assert "No failed or retrying emails." in client.get(url(cohort)).content.decode()


@pytest.mark.parametrize("count", [5, 200])
def test_queries_do_not_grow_with_reminders(
    client, trainer, cohort, enroll, count, django_assert_max_num_queries
):
    trainees = [UserFactory(full_name=f"Trainee {n}") for n in range(5)]
    enrollments = [enroll(user) for user in trainees]
    kinds = ALL_KINDS
    statuses = ReminderStatus.values
    Reminder.objects.bulk_create(
        Reminder(
            enrollment=enrollments[n % 5],
            kind=kinds[n % len(kinds)],
            key=f"item:{n}",
            due_at=at(2027, 3, 1) + dt.timedelta(minutes=n),
            status=statuses[n % len(statuses)],
            attempts=n % 7,
            last_error="Timeout" if n % 7 else "",
            payload={"title": f"Item {n}"},
        )
        for n in range(count)
    )
    client.force_login(trainer)

    # Session, user, the cohort, its switches, the summary (one aggregate), the problems
    # (with their trainees) and the permission queries (the admin check of `visible_to`,
    # reused by the menu).
    with django_assert_max_num_queries(8):
        page = client.get(url(cohort)).content.decode()

    problems = page.split('id="problems-title"', 1)[1]
    expected = sum(
        1
        for n in range(count)
        if statuses[n % len(statuses)] == ReminderStatus.FAILED
        or (statuses[n % len(statuses)] == ReminderStatus.PENDING and n % 7)
    )
    assert problems.count('<th scope="row">') == min(expected, 20)


# --- the link from the cohort page --------------------------------------------------------------


@pytest.mark.parametrize("who", ["trainer", "enrollment_admin"])
def test_the_cohort_page_links_to_its_reminders(client, cohort, request, who):
    client.force_login(request.getfixturevalue(who))

    page = client.get(reverse("cohorts:detail", args=[cohort.pk])).content.decode()

    assert f'<a href="{url(cohort)}">Reminders</a>' in page
