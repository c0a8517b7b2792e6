"""The dashboard's notifications panel: the five newest of the viewer's own, how each reads, the
unread count, the links and buttons, and a query count that does not grow with notifications."""

import datetime as dt
import re
from http import HTTPStatus

import pytest
from django.urls import reverse

from reminders.kinds import ReminderKind
from reminders.models import Reminder, ReminderStatus

from .conftest import at

pytestmark = pytest.mark.django_db


def remind(enrollment, n, *, kind=ReminderKind.LIVE_SESSION_24H, **fields):
    """A reminder row as the scan records it; a larger `n` is newer."""
    fields.setdefault("status", ReminderStatus.SENT)
    return Reminder.objects.create(
        enrollment=enrollment,
        kind=kind,
        key=f"session:{n}",
        due_at=at(2027, 3, 1, 12) + dt.timedelta(hours=n),
        payload={
            "title": f"Skills group {n}",
            "at": at(2027, 3, 2, 15).isoformat(),
            "path": "/learn/1/",
            "detail": "Online",
        },
        **fields,
    )


def panel(client) -> str:
    page = client.get(reverse("dashboard")).content.decode()
    if 'id="notifications-title"' not in page:
        return ""
    return page.split('id="notifications-title"', 1)[1].split("</section>", 1)[0]


def test_visitor_is_sent_to_sign_in(client):
    response = client.get(reverse("dashboard"))

    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(reverse("account_login"))


def test_panel_lists_the_five_newest_with_the_unread_count(
    trainee_client, trainee, enrollment, enroll, other_trainee
):
    reminders = [remind(enrollment, n) for n in range(1, 8)]
    for reminder in reminders[:4]:
        Reminder.objects.filter(pk=reminder.pk).update(read_at=at(2027, 3, 1, 20))
    remind(enrollment, 8, status=ReminderStatus.CANCELLED)
    remind(enroll(other_trainee), 9)

    section = panel(trainee_client)

    assert section.startswith(">Notifications (3 new)</h2>")
    links = re.findall(
        r'<a href="/notifications/(\d+)/">Live session coming up: “([^”]+)”', section
    )
    assert links == [(str(reminders[n - 1].pk), f"Skills group {n}") for n in (7, 6, 5, 4, 3)]
    assert section.count('<span class="badge">New</span>') == 3
    assert section.count("Spring 2027 · Online</span>") == 5
    assert f'<a href="{reverse("reminders:list")}">See all notifications</a>' in section
    assert f'action="{reverse("reminders:mark_read")}"' in section
    assert '<button type="submit" class="button-secondary">Mark all as read</button>' in section


def test_times_are_in_the_viewers_time_zone(client, enroll, auckland):
    remind(enroll(auckland), 1)
    client.force_login(auckland)

    # 2 March 2027 15:00 UTC is 04:00 on 3 March in Auckland (NZDT, UTC+13).
    assert (
        "Live session coming up: “Skills group 1” — "
        '<time datetime="2027-03-03T04:00:00+13:00">Wed 3 Mar, 04:00</time></a>'
    ) in panel(client)


def test_with_everything_read_there_is_no_count_and_no_button(trainee_client, enrollment):
    remind(enrollment, 1, read_at=at(2027, 3, 1, 20))

    section = panel(trainee_client)

    assert section.startswith(">Notifications</h2>")
    assert "Mark all as read" not in section
    assert "New</span>" not in section


def test_a_trainee_with_no_notifications_sees_the_empty_panel(trainee_client, enrollment):
    section = panel(trainee_client)

    assert section.startswith(">Notifications</h2>")
    assert "No notifications yet." in section


def test_someone_with_no_training_and_no_notifications_sees_no_panel(client, trainer):
    client.force_login(trainer)

    assert panel(client) == ""


def test_mark_all_read_from_the_dashboard_comes_back_with_none_new(trainee_client, enrollment):
    remind(enrollment, 1)
    remind(enrollment, 2)

    response = trainee_client.post(reverse("reminders:mark_read"), {"next": reverse("dashboard")})

    assert response.url == reverse("dashboard")
    assert not Reminder.objects.unread().exists()
    assert panel(trainee_client).startswith(">Notifications</h2>")


# The whole dashboard of a trainee in one cohort without modules: session, user, enrollments,
# progress_for's three (no modules), the menu's two permission queries, live sessions,
# announcements and the notifications panel's one (the five newest with the unread count).
DASHBOARD_QUERIES = 11


@pytest.mark.parametrize("count", [1, 60])
def test_panel_queries_do_not_grow_with_notifications(
    trainee_client, enrollment, count, django_assert_max_num_queries
):
    Reminder.objects.bulk_create(
        Reminder(
            enrollment=enrollment,
            kind=ReminderKind.MODULE_RELEASED,
            key=f"module:{n}",
            due_at=at(2027, 3, 1) + dt.timedelta(minutes=n),
            payload={"title": f"Module {n}", "on": "2027-03-01"},
        )
        for n in range(count)
    )

    panel(trainee_client)  # the process loads the course outline once
    with django_assert_max_num_queries(DASHBOARD_QUERIES):
        section = panel(trainee_client)

    assert section.startswith(f">Notifications ({count} new)</h2>")
    assert section.count('<li class="notification is-unread">') == min(count, 5)
