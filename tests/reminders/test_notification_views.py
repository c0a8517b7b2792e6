"""In-app notifications: the list page, opening one, and marking all read: who may, what each
does to the read marks, where it leads (never off the site), and a flat query count."""

import datetime as dt
from http import HTTPStatus

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from reminders.kinds import ReminderKind
from reminders.models import Reminder, ReminderStatus

from .conftest import at

pytestmark = pytest.mark.django_db

SESSION_PATH = "/learn/1/#session-7"


def remind(enrollment, n=1, *, kind=ReminderKind.LIVE_SESSION_24H, **fields):
    """A reminder row as the scan records it; `n` orders them (a larger n is newer)."""
    fields.setdefault("status", ReminderStatus.SENT)
    return Reminder.objects.create(
        enrollment=enrollment,
        kind=kind,
        key=f"session:{n}",
        due_at=at(2027, 3, 1, 12) + dt.timedelta(hours=n),
        payload=fields.pop(
            "payload",
            {"title": f"Skills group {n}", "at": at(2027, 3, 2, 15).isoformat(), "path": "/p/"},
        ),
        **fields,
    )


def read_marks(*reminders):
    return [Reminder.objects.get(pk=r.pk).read_at for r in reminders]


@pytest.fixture
def other_enrollment(enroll, other_trainee):
    return enroll(other_trainee)


# --- visitors ------------------------------------------------------------------------------------


def test_visitor_is_sent_to_sign_in_and_nothing_is_marked(client, enrollment):
    reminder = remind(enrollment)
    responses = [
        client.get(reverse("reminders:list")),
        client.get(reverse("reminders:open", args=[reminder.pk])),
        client.post(reverse("reminders:mark_read")),
    ]

    for response in responses:
        assert response.status_code == HTTPStatus.FOUND
        assert response.url.startswith(reverse("account_login") + "?next=/notifications/")
    assert read_marks(reminder) == [None]


# --- the list ------------------------------------------------------------------------------------


def test_list_shows_only_the_viewers_notifications_newest_first(
    trainee_client, enrollment, other_enrollment
):
    remind(enrollment, 1)
    remind(enrollment, 2, read_at=at(2027, 3, 1, 20))
    remind(enrollment, 3, status=ReminderStatus.OPTED_OUT)
    remind(enrollment, 4, status=ReminderStatus.CANCELLED)
    remind(other_enrollment, 5)

    page = trainee_client.get(reverse("reminders:list")).content.decode()

    titles = [f"Skills group {n}" for n in (3, 2, 1)]
    assert [t for t in titles if t in page] == titles
    assert page.index(titles[0]) < page.index(titles[1]) < page.index(titles[2])
    assert "Skills group 4" not in page  # cancelled: no longer applies
    assert "Skills group 5" not in page  # someone else's
    assert "3 notifications, 2 new</h2>" in page
    assert page.count('<span class="badge">New</span>') == 2
    assert page.count('class="notification is-unread"') == 2


def test_an_empty_list_says_so(trainee_client, enrollment):
    page = trainee_client.get(reverse("reminders:list")).content.decode()

    assert "No notifications yet." in page
    assert "Mark all as read" not in page


def test_list_has_25_a_page(trainee_client, enrollment):
    for n in range(1, 31):
        remind(enrollment, n)

    first = trainee_client.get(reverse("reminders:list")).content.decode()
    second = trainee_client.get(reverse("reminders:list") + "?page=2").content.decode()

    assert first.count('<li class="notification') == 25
    assert "“Skills group 30”" in first and "“Skills group 6”" in first
    assert "“Skills group 5”" not in first
    assert "Page 1 of 2" in first and "Older notifications" in first
    assert second.count('<li class="notification') == 5
    assert all(f"“Skills group {n}”" in second for n in (5, 4, 3, 2, 1))
    assert "30 notifications, 30 new</h2>" in second


def test_times_show_in_each_viewers_own_time_zone(client, enroll, auckland, los_angeles):
    # 2 March 2027 15:00 UTC: 04:00 on Wednesday in Auckland (NZDT), 07:00 on Tuesday in LA (PST).
    remind(enroll(auckland), 1)
    remind(enroll(los_angeles), 1)

    client.force_login(auckland)
    in_auckland = client.get(reverse("reminders:list")).content.decode()
    client.force_login(los_angeles)
    in_los_angeles = client.get(reverse("reminders:list")).content.decode()

    assert "Live session coming up: “Skills group 1” — <time" in in_auckland
    assert ">Wed 3 Mar, 04:00</time>" in in_auckland
    assert ">Tue 2 Mar, 07:00</time>" in in_los_angeles


def test_each_kind_reads_as_a_sentence_with_its_cohort_and_detail(trainee_client, enrollment):
    remind(
        enrollment,
        1,
        kind=ReminderKind.COHORT_STARTING,
        payload={"title": "DBT Foundations", "on": "2027-03-01", "detail": "Cohort: Spring 2027"},
    )
    remind(
        enrollment,
        2,
        kind=ReminderKind.GRADE_RELEASED,
        payload={"title": "Chain analysis", "path": "/learn/1/"},
    )

    page = trainee_client.get(reverse("reminders:list")).content.decode()

    assert (
        "Your cohort starts: “DBT Foundations” — "
        '<time datetime="2027-03-01">Mon 1 Mar</time></a>' in page
    )
    assert "Spring 2027 · Cohort: Spring 2027</span>" in page
    assert "Your grade for “Chain analysis” is ready</a>" in page


@pytest.mark.parametrize("count", [5, 100])
def test_list_queries_do_not_grow_with_notifications(
    trainee_client, enrollment, count, django_assert_max_num_queries
):
    Reminder.objects.bulk_create(
        Reminder(
            enrollment=enrollment,
            kind=ReminderKind.DUE_SOON,
            key=f"work:{n}",
            due_at=at(2027, 3, 1) + dt.timedelta(minutes=n),
            payload={"title": f"Diary card {n}", "on": "2027-03-04"},
        )
        for n in range(count)
    )

    # Session, user, the count for the pager, the page's rows (with their cohorts and the
    # unread total) and the menu's two permission queries.
    with django_assert_max_num_queries(6):
        page = trainee_client.get(reverse("reminders:list")).content.decode()

    assert page.count('<li class="notification') == min(count, 25)


# --- opening one ---------------------------------------------------------------------------------


def test_opening_marks_that_one_read_and_goes_to_its_item(trainee_client, enrollment):
    opened = remind(enrollment, 1, payload={"title": "Skills group", "path": SESSION_PATH})
    other = remind(enrollment, 2)

    response = trainee_client.get(reverse("reminders:open", args=[opened.pk]))

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == SESSION_PATH
    opened_at, other_at = read_marks(opened, other)
    assert opened_at is not None and other_at is None


def test_opening_again_keeps_the_first_read_mark(trainee_client, enrollment):
    opened = remind(enrollment, read_at=at(2027, 3, 1, 20))

    response = trainee_client.get(reverse("reminders:open", args=[opened.pk]))

    assert response.url == "/p/"
    assert read_marks(opened) == [at(2027, 3, 1, 20)]


@pytest.mark.parametrize(
    "path",
    ["//evil.example/", "https://evil.example/", "/\\evil.example/", "javascript:alert(1)", ""],
)
def test_opening_one_with_an_unsafe_path_goes_to_the_dashboard(trainee_client, enrollment, path):
    opened = remind(enrollment, payload={"title": "Skills group", "path": path})

    response = trainee_client.get(reverse("reminders:open", args=[opened.pk]))

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == reverse("dashboard")


def test_opening_someone_elses_notification_is_404_and_marks_nothing(
    trainee_client, other_enrollment
):
    theirs = remind(other_enrollment)

    response = trainee_client.get(reverse("reminders:open", args=[theirs.pk]))

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert read_marks(theirs) == [None]


def test_a_trainer_cannot_open_a_trainees_notification(client, trainer, enrollment):
    reminder = remind(enrollment)
    client.force_login(trainer)

    assert (
        client.get(reverse("reminders:open", args=[reminder.pk])).status_code
        == HTTPStatus.NOT_FOUND
    )
    assert read_marks(reminder) == [None]


def test_a_cancelled_notification_cannot_be_opened(trainee_client, enrollment):
    cancelled = remind(enrollment, status=ReminderStatus.CANCELLED)

    response = trainee_client.get(reverse("reminders:open", args=[cancelled.pk]))

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert read_marks(cancelled) == [None]


# --- marking all read ----------------------------------------------------------------------------


def test_mark_all_read_marks_only_the_viewers_and_goes_back(
    trainee_client, enrollment, other_enrollment
):
    mine = [remind(enrollment, n) for n in (1, 2)]
    already = remind(enrollment, 3, read_at=at(2027, 3, 1, 20))
    theirs = remind(other_enrollment, 4)

    response = trainee_client.post(reverse("reminders:mark_read"), {"next": "/notifications/"})

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == "/notifications/"
    assert None not in read_marks(*mine)
    assert read_marks(already, theirs) == [at(2027, 3, 1, 20), None]
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "2 notifications marked as read."
    ]


def test_mark_all_read_with_nothing_unread_says_so(trainee_client, enrollment):
    response = trainee_client.post(reverse("reminders:mark_read"))

    assert response.url == reverse("dashboard")
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "You had no unread notifications."
    ]


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/", "/\\evil", "foo", "dashboard", ""]
)
def test_mark_all_read_never_leaves_the_site(trainee_client, enrollment, target):
    remind(enrollment)

    response = trainee_client.post(reverse("reminders:mark_read"), {"next": target})

    assert response.url == reverse("dashboard")


def test_mark_all_read_refuses_get_and_changes_nothing(trainee_client, enrollment):
    reminder = remind(enrollment)

    response = trainee_client.get(reverse("reminders:mark_read"))

    assert response.status_code == HTTPStatus.METHOD_NOT_ALLOWED
    assert read_marks(reminder) == [None]
