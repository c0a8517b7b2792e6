"""The outbox against a real SMTP server on loopback (aiosmtpd): one row per recipient written
with the change, claimed with a lease, sent, marked; a refused recipient retried alone, a
permanent refusal failed and shown; a dead worker's lease expires; a broker down at commit
delays mail and never fails the request."""

import datetime
from http import HTTPStatus

import pytest
import time_machine
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from courses import services as course_services
from courses.models import Enrollment
from dbt_training.core.sites import site_domain
from dbt_training.outbox import services as outbox
from dbt_training.outbox.models import OutgoingEmail
from dbt_training.users.roles import Role
from tests.factories import CohortFactory, UserFactory
from tests.reminders.conftest import SmtpSink
from tests.smtp import relay as serve

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2027, 3, 1, 16, 0, tzinfo=datetime.UTC)


class RefusingRelay(SmtpSink):
    """Refuses the recipients `answers` names with the SMTP replies listed, one per try."""

    def __init__(self, answers: dict[str, list[str]]):
        super().__init__()
        self.answers = answers

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        replies = self.answers.get(address)
        if replies:
            return replies.pop(0)
        envelope.rcpt_tos.append(address)
        return "250 OK"


@pytest.fixture
def relay(settings):
    sink = RefusingRelay({})
    with serve(sink, settings):
        yield sink


@pytest.fixture
def ten_trainees():
    cohort = CohortFactory(name="Spring 2027")
    for n in range(1, 11):
        Enrollment.objects.create(
            user=UserFactory(email=f"t{n:02}@example.org"), cohort=cohort, status="active"
        )
    return cohort


def statuses() -> dict[str, str]:
    return dict(OutgoingEmail.objects.values_list("to", "status"))


def test_one_refused_recipient_of_ten_is_retried_alone_then_failed_and_shown(
    relay, ten_trainees, django_capture_on_commit_callbacks, admin_client
):
    relay.answers["t10@example.org"] = [
        "451 4.2.1 Mailbox busy, try again later",
        "550 5.1.1 No such user here",
    ]
    trainer = UserFactory()
    with (
        time_machine.travel(NOW, tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        course_services.post_announcement(
            cohort=ten_trainees, author=trainer, title="Room change", body="We meet online."
        )

    delivered = sorted(m["To"] for m in relay.accepted)
    assert delivered == [f"t{n:02}@example.org" for n in range(1, 10)]
    assert len(set(relay.message_ids)) == 9
    tenth = OutgoingEmail.objects.get(to="t10@example.org")
    assert (tenth.status, tenth.attempts) == ("pending", 1)
    assert tenth.last_error.startswith("SMTPRecipientsRefused")
    assert tenth.next_attempt_at == NOW + datetime.timedelta(minutes=1)

    with time_machine.travel(NOW + datetime.timedelta(seconds=30), tick=False):
        assert outbox.deliver() == outbox.Delivery()  # not before its backoff
    with time_machine.travel(NOW + datetime.timedelta(minutes=2), tick=False):
        result = outbox.deliver()

    assert result.failed == [tenth.pk] and result.sent == []
    assert len(relay.accepted) == 9  # nobody got it twice
    tenth.refresh_from_db()
    assert (tenth.status, tenth.attempts) == ("failed", 2)
    assert "550" in tenth.last_error
    assert list(statuses().values()).count("sent") == 9
    page = admin_client.get(reverse("admin:outbox_outgoingemail_changelist"))
    assert page.status_code == HTTPStatus.OK
    assert "Waiting to be sent: <strong>0</strong> · failed: <strong>1</strong>" in (
        page.content.decode()
    )


def test_a_dead_workers_claim_is_sent_again_once_its_lease_runs_out(relay):
    outbox.enqueue(
        [outbox.Email(kind="test", key="k:1", to="a@example.org", subject="S", text="B")]
    )
    with time_machine.travel(NOW, tick=False):
        [claimed] = outbox.claim(now=timezone.now())  # the worker dies before sending
    assert OutgoingEmail.objects.get().status == "sending"

    with time_machine.travel(NOW + outbox.LEASE - datetime.timedelta(seconds=1), tick=False):
        assert outbox.deliver().sent == []  # still leased: another worker keeps off
    with time_machine.travel(NOW + outbox.LEASE + datetime.timedelta(seconds=1), tick=False):
        assert outbox.deliver().sent == [claimed.pk]
        assert outbox.deliver().sent == []

    row = OutgoingEmail.objects.get()
    assert (row.status, row.attempts) == ("sent", 2)
    assert relay.message_ids == [f"<outbox-{row.pk}@{site_domain()}>"]


def test_the_same_key_twice_is_one_email(relay):
    email = outbox.Email(kind="test", key="k:same", to="a@example.org", subject="S", text="B")

    assert outbox.enqueue([email, email]) == 1
    assert outbox.enqueue([email]) == 0
    assert len(outbox.deliver().sent) == 1
    assert len(relay.accepted) == 1


def test_a_broker_down_at_commit_delays_the_announcement_and_answers_as_usual(
    client, relay, ten_trainees, django_capture_on_commit_callbacks, unreachable_broker
):
    trainer = UserFactory(roles=[Role.TRAINER])
    ten_trainees.trainers.add(trainer)
    client.force_login(trainer)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("cohorts:announcements", args=[ten_trainees.pk]),
            {"title": "Room change", "body": "We meet online."},
        )

    assert response.status_code == HTTPStatus.FOUND
    assert relay.accepted == []
    assert list(statuses().values()) == ["pending"] * 10

    assert len(outbox.deliver().sent) == 10  # the sweep, once a worker runs again
    assert len(set(relay.message_ids)) == 10


def test_the_outbox_admin_is_for_those_allowed_to_see_it(client, enrollment_admin):
    url = reverse("admin:outbox_outgoingemail_changelist")
    client.force_login(enrollment_admin)
    assert client.get(url).status_code == HTTPStatus.FORBIDDEN
    enrollment_admin.user_permissions.add(Permission.objects.get(codename="view_outgoingemail"))
    assert client.get(url).status_code == HTTPStatus.OK


def test_staff_never_read_a_sign_in_link_in_the_admin(admin_client, relay):
    outbox.enqueue(
        [
            outbox.Email(
                kind=outbox.ACCOUNT_KIND,
                key="account:password_reset_key:1",
                to="dana@example.org",
                subject="Password reset",
                text="Reset it at https://testserver/accounts/password/reset/key/secret-token/",
            ),
            outbox.Email(
                kind="announcement",
                key="announcement:1:user:1",
                to="dana@example.org",
                subject="Room change",
                text="We meet in room 4.",
            ),
        ]
    )
    reset, announcement = OutgoingEmail.objects.order_by("pk")

    def page(row):
        url = reverse("admin:outbox_outgoingemail_change", args=[row.pk])
        return admin_client.get(url).content.decode()

    assert "secret-token" not in page(reset)
    assert "We meet in room 4." in page(announcement)

    assert outbox.deliver().sent == [reset.pk, announcement.pk]
    assert "secret-token" in relay.accepted[0].get_body().get_content()
    reset.refresh_from_db()
    announcement.refresh_from_db()
    assert (reset.body_text, announcement.body_text) == ("", "We meet in room 4.")
