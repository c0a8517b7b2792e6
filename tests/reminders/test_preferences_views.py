import re
from http import HTTPStatus
from urllib.parse import urlsplit

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.urls import reverse

from reminders import delivery, services
from reminders.kinds import EmailKind, ReminderKind
from reminders.models import EmailOptOut, Reminder
from tests.factories import CohortFactory, ReminderFactory, UserFactory

from .conftest import at

pytestmark = pytest.mark.django_db

SETTINGS = "/notifications/settings/"
ALL_KINDS = list(EmailKind.values)  # what the settings page offers
# Settings page, 6 queries: session, user, the calendar feed, the user's opt-outs and the
# menu's two permission queries. The first visit makes the feed: savepoint, insert, release.
SETTINGS_QUERIES = 6
FIRST_SETTINGS_QUERIES = 9
OPTED_OUT_AT = at(2027, 3, 3, 15)
CHECKED = re.compile(r'<input type="checkbox" name="emailed_kinds" value="(\w+)"[^>]* checked[ >]')


def unsubscribe_path(reminder_or_token) -> str:
    token = (
        reminder_or_token
        if isinstance(reminder_or_token, str)
        else delivery.unsubscribe_token(reminder_or_token)
    )
    return reverse("reminders:unsubscribe", args=[token])


def opt_outs(user) -> list[tuple[str, str]]:
    return sorted(EmailOptOut.objects.filter(user=user).values_list("kind", "source"))


def opt_out(user, kind, source=EmailOptOut.Source.SETTINGS):
    with time_machine.travel(OPTED_OUT_AT, tick=False):
        return EmailOptOut.objects.create(user=user, kind=kind, source=source)


def checked_kinds(response) -> list[str]:
    """The kinds whose checkbox the page shows ticked."""
    return sorted(CHECKED.findall(response.content.decode()))


# Notification settings


def test_visitor_is_sent_to_sign_in_from_settings(client):
    response = client.get(SETTINGS)

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == f"{reverse('account_login')}?next={SETTINGS}"


def test_visitor_post_to_settings_changes_nothing(client, trainee):
    response = client.post(SETTINGS, {"emailed_kinds": ["due_soon"]})

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(reverse("account_login"))
    assert EmailOptOut.objects.count() == 0


def test_settings_check_every_kind_until_the_user_opts_out(trainee_client):
    response = trainee_client.get(SETTINGS)

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert checked_kinds(response) == sorted(ALL_KINDS)
    assert html.count(" checked") == len(ALL_KINDS)
    assert (
        '<label for="id_emailed_kinds_2">Email me about live session (24 hours before)</label>'
        in html
    )
    assert (
        '<span class="helptext" id="id_emailed_kinds_2-hint">'
        "24 hours before each live session of your cohorts.</span>"
    ) in html
    assert 'aria-describedby="id_emailed_kinds_2-hint"' in html
    assert "<legend>Live sessions and course dates</legend>" in html
    assert "Notifications on your" in html and "always show" in html
    assert (
        '<a href="/notifications/settings/" aria-current="page">Notifications and calendar</a>'
        in html
    )


def test_settings_group_every_kind_once(trainee_client):
    groups = trainee_client.get(SETTINGS).context["form"].groups()

    kinds = [choice.checkbox.data["value"] for _, choices in groups for choice in choices]
    assert sorted(kinds) == sorted(ALL_KINDS)
    assert [legend for legend, _ in groups] == [
        "Live sessions and course dates",
        "Your work",
        "Grades and certificates",
        "From your trainers",
    ]


def test_settings_show_own_opt_outs_and_which_came_from_an_email_link(
    trainee_client, trainee, other_trainee
):
    opt_out(trainee, ReminderKind.OVERDUE)
    opt_out(trainee, ReminderKind.LIVE_SESSION_1H, EmailOptOut.Source.UNSUBSCRIBE)
    opt_out(other_trainee, ReminderKind.DUE_SOON)

    response = trainee_client.get(SETTINGS)

    assert checked_kinds(response) == sorted(
        set(ALL_KINDS) - {ReminderKind.OVERDUE, ReminderKind.LIVE_SESSION_1H}
    )
    html = response.content.decode()
    assert html.count("Turned off from an email link on 3 March 2027.") == 1
    assert (
        "One hour before each live session of your cohorts. "
        "Turned off from an email link on 3 March 2027."
    ) in html


def test_saving_settings_records_exactly_the_unchecked_kinds(trainee_client, trainee):
    emailed = set(ALL_KINDS) - {ReminderKind.INACTIVE, ReminderKind.DUE_SOON}

    response = trainee_client.post(SETTINGS, {"emailed_kinds": sorted(emailed)})

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == SETTINGS
    assert opt_outs(trainee) == [("due_soon", "settings"), ("inactive", "settings")]
    page = trainee_client.get(SETTINGS)
    assert [str(m) for m in page.context["messages"]] == ["Your email settings have been saved."]
    assert checked_kinds(page) == sorted(emailed)


def test_saving_settings_with_nothing_checked_turns_every_email_off(trainee_client, trainee):
    response = trainee_client.post(SETTINGS, {})

    assert response.status_code == HTTPStatus.FOUND
    assert opt_outs(trainee) == sorted((kind, "settings") for kind in ALL_KINDS)


def test_saving_settings_turns_kinds_back_on_and_keeps_where_the_others_came_from(
    trainee_client, trainee
):
    kept = opt_out(trainee, ReminderKind.OVERDUE, EmailOptOut.Source.UNSUBSCRIBE)
    opt_out(trainee, ReminderKind.DUE_SOON)

    trainee_client.post(SETTINGS, {"emailed_kinds": sorted(set(ALL_KINDS) - {"overdue"})})

    assert opt_outs(trainee) == [("overdue", "unsubscribe")]
    assert EmailOptOut.objects.get(user=trainee).pk == kept.pk


def test_settings_refuse_an_unknown_kind_and_change_nothing(trainee_client, trainee):
    before = opt_out(trainee, ReminderKind.OVERDUE)

    response = trainee_client.post(SETTINGS, {"emailed_kinds": ["due_soon", "sms_blast"]})

    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors == {
        "emailed_kinds": [
            "“sms_blast” is not a kind of notification we send. "
            "Nothing was saved; reload the page and choose again."
        ]
    }
    assert "is not a kind of notification we send" in response.content.decode()
    assert list(EmailOptOut.objects.values_list("pk", "kind", "source", "created_at")) == [
        (before.pk, "overdue", "settings", before.created_at)
    ]


def test_settings_only_ever_change_the_signed_in_user(trainee_client, trainee, other_trainee):
    opt_out(other_trainee, ReminderKind.GRADE_RELEASED)

    trainee_client.post(
        SETTINGS,
        {
            "emailed_kinds": sorted(set(ALL_KINDS) - {"certificate_ready"}),
            "user": other_trainee.pk,
            "user_id": other_trainee.pk,
        },
    )

    assert opt_outs(trainee) == [("certificate_ready", "settings")]
    assert opt_outs(other_trainee) == [("grade_released", "settings")]


def test_settings_show_the_users_own_calendar_feed_and_a_new_link_form(trainee_client, trainee):
    response = trainee_client.get(SETTINGS)

    feed = trainee.calendar_feed
    html = response.content.decode()
    url = f"http://testserver/calendar/{feed.token}.ics"
    assert (response.context["feed_url"], response.context["webcal_url"]) == (
        url,
        f"webcal://testserver/calendar/{feed.token}.ics",
    )
    assert '<label for="calendar-feed-url">Your calendar feed address</label>' in html
    assert f'<input type="text" id="calendar-feed-url" value="{url}" readonly' in html
    assert "anyone with this link can read your calendar" in html
    assert f'<a href="webcal://testserver/calendar/{feed.token}.ics">' in html
    assert '<form method="post" action="/notifications/calendar/new-link/">' in html
    assert "Make a new link (the old one stops working)</button>" in html


def test_settings_show_each_user_their_own_feed(client, trainee, other_trainee):
    theirs = services.calendar_feed_for(other_trainee)
    client.force_login(trainee)

    response = client.get(SETTINGS)

    assert (
        response.context["feed_url"]
        == f"http://testserver/calendar/{trainee.calendar_feed.token}.ics"
    )
    assert theirs.token not in response.content.decode()


@pytest.mark.parametrize("size", [1, 50])
def test_settings_queries_do_not_grow_with_enrollments_or_opt_outs(
    trainee_client, trainee, course, enroll, size, django_assert_max_num_queries
):
    for kind in ALL_KINDS[:size]:
        opt_out(trainee, kind, EmailOptOut.Source.UNSUBSCRIBE)
    for _ in range(size):
        enroll(trainee, in_cohort=CohortFactory(course=course))
        opt_out(UserFactory(verified_email=False), ReminderKind.DUE_SOON)

    with django_assert_max_num_queries(FIRST_SETTINGS_QUERIES):
        trainee_client.get(SETTINGS)
    with django_assert_max_num_queries(SETTINGS_QUERIES):
        response = trainee_client.get(SETTINGS)

    assert len(checked_kinds(response)) == len(ALL_KINDS) - min(size, len(ALL_KINDS))
    html = response.content.decode()
    assert html.count("Turned off from an email link") == min(size, len(ALL_KINDS))


def test_account_menu_links_to_notification_settings(trainee_client):
    html = trainee_client.get(reverse("users:profile")).content.decode()

    assert f'<a href="{SETTINGS}">Notifications and calendar</a>' in html


# One-click unsubscribe


def test_opening_an_unsubscribe_link_asks_first_and_changes_nothing(client, enrollment):
    reminder = ReminderFactory(enrollment=enrollment)

    response = client.get(unsubscribe_path(reminder))

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "<h1>Stop emails about live session (24 hours before)?</h1>" in html
    assert "your cohort Spring 2027 of DBT Foundations" in html
    assert '<input type="hidden" name="List-Unsubscribe" value="One-Click">' in html
    assert '<button type="submit">Unsubscribe</button>' in html
    assert f'href="{SETTINGS}"' in html
    assert EmailOptOut.objects.count() == 0
    reminder.refresh_from_db()
    assert reminder.unsubscribed_at is None


def test_one_click_post_without_cookie_or_csrf_token_unsubscribes(enrollment, trainee):
    reminder = ReminderFactory(enrollment=enrollment)
    mail_provider = Client(enforce_csrf_checks=True)

    with time_machine.travel(at(2027, 3, 1, 16), tick=False):
        response = mail_provider.post(
            unsubscribe_path(reminder), data={"List-Unsubscribe": "One-Click"}
        )

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "<h1>You will no longer get emails about live session (24 hours before)</h1>" in html
    assert "including Spring 2027 of DBT Foundations" in html
    assert f'<a href="{SETTINGS}">notification settings</a>' in html
    assert opt_outs(trainee) == [("live_session_24h", "unsubscribe")]
    reminder.refresh_from_db()
    assert reminder.unsubscribed_at == at(2027, 3, 1, 16)


def test_a_used_link_says_when_and_changes_nothing(enrollment, trainee):
    reminder = ReminderFactory(enrollment=enrollment)
    mail_provider = Client(enforce_csrf_checks=True)
    path = unsubscribe_path(reminder)
    with time_machine.travel(at(2027, 3, 1, 16), tick=False):
        mail_provider.post(path, data={"List-Unsubscribe": "One-Click"})
    first = EmailOptOut.objects.get()

    with time_machine.travel(at(2027, 3, 5, 10), tick=False):
        again = mail_provider.post(path, data={"List-Unsubscribe": "One-Click"})
        opened = mail_provider.get(path)

    for response in (again, opened):
        assert response.status_code == HTTPStatus.OK
        html = response.content.decode()
        assert "<h1>This unsubscribe link was already used</h1>" in html
        assert (
            "It was used on 1 March 2027 to stop emails about live session (24 hours before). "
            "Nothing changed this time."
        ) in html
        assert f'href="{SETTINGS}"' in html
    assert list(EmailOptOut.objects.values_list("pk", "user", "kind", "source", "created_at")) == [
        (first.pk, trainee.pk, "live_session_24h", "unsubscribe", first.created_at)
    ]
    reminder.refresh_from_db()
    assert reminder.unsubscribed_at == at(2027, 3, 1, 16)


def tampered(token: str) -> str:
    return token[:-1] + ("A" if token[-1] != "A" else "B")


@pytest.mark.parametrize(
    "forge",
    [
        pytest.param(
            lambda reminder: tampered(delivery.unsubscribe_token(reminder)), id="tampered"
        ),
        pytest.param(lambda reminder: "not-a-token", id="random"),
        pytest.param(lambda reminder: f"{reminder.pk}", id="unsigned"),
        pytest.param(
            lambda reminder: delivery.unsubscribe_token(Reminder(pk=999999)), id="no-such-reminder"
        ),
    ],
)
@pytest.mark.parametrize("method", ["get", "post"])
def test_a_forged_link_is_refused_and_changes_nothing(enrollment, forge, method):
    reminder = ReminderFactory(enrollment=enrollment)
    client = Client(enforce_csrf_checks=True)

    response = getattr(client, method)(
        unsubscribe_path(forge(reminder)), data={"List-Unsubscribe": "One-Click"}
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "<h1>This unsubscribe link is not valid</h1>" in response.content.decode()
    assert "Nothing was changed." in response.content.decode()
    assert EmailOptOut.objects.count() == 0
    reminder.refresh_from_db()
    assert reminder.unsubscribed_at is None


@pytest.mark.parametrize("method", ["get", "post"])
def test_the_link_of_a_deleted_reminder_is_refused(enrollment, method):
    reminder = ReminderFactory(enrollment=enrollment)
    path = unsubscribe_path(reminder)
    reminder.delete()

    response = getattr(Client(enforce_csrf_checks=True), method)(path)

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert EmailOptOut.objects.count() == 0


def test_the_unsubscribe_header_of_a_sent_reminder_works_in_one_click(enrollment, trainee):
    reminder = ReminderFactory(
        enrollment=enrollment, kind=ReminderKind.DUE_SOON, key="module:4:due:2027-03-03"
    )
    delivery.send_batch(reminder_ids=[reminder.pk], now=at(2027, 3, 1, 15))
    headers = mail.outbox[0].extra_headers
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = headers["List-Unsubscribe"].removeprefix("<").removesuffix(">")

    response = Client(enforce_csrf_checks=True).post(
        urlsplit(url).path, data={"List-Unsubscribe": "One-Click"}
    )

    assert response.status_code == HTTPStatus.OK
    assert "You will no longer get emails about work due soon (48 hours before)" in (
        response.content.decode()
    )
    assert opt_outs(trainee) == [("due_soon", "unsubscribe")]
    reminder.refresh_from_db()
    assert reminder.unsubscribed_at is not None


def test_the_link_acts_for_the_reminders_trainee_whoever_opens_it(
    client, enrollment, trainee, other_trainee
):
    reminder = ReminderFactory(enrollment=enrollment)
    client.force_login(other_trainee)

    confirm = client.get(unsubscribe_path(reminder))
    done = client.post(unsubscribe_path(reminder))
    used = client.post(unsubscribe_path(reminder))

    for response in (confirm, done, used):
        assert response.status_code == HTTPStatus.OK
        html = response.content.decode()
        # A forwarded email must not tell its reader whose address it was sent to.
        assert "dana@example.org" not in html
        assert "Dana Rivera" not in html
    assert opt_outs(trainee) == [("live_session_24h", "unsubscribe")]
    assert opt_outs(other_trainee) == []


def test_settings_show_an_unsubscribe_by_link_after_it_happened(trainee_client, enrollment):
    reminder = ReminderFactory(enrollment=enrollment, kind=ReminderKind.OVERDUE)
    with time_machine.travel(at(2027, 3, 4, 15), tick=False):
        Client().post(unsubscribe_path(reminder))

    response = trainee_client.get(SETTINGS)

    assert "overdue" not in checked_kinds(response)
    assert (
        "Once, when work is past its due date and not handed in. "
        "Turned off from an email link on 4 March 2027."
    ) in response.content.decode()
