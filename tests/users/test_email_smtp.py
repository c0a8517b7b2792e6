"""Account email leaves through a real SMTP server on loopback (aiosmtpd), as in production."""

from email import message_from_bytes
from email.policy import default as default_policy

import pytest
from django.urls import reverse
from django.utils import timezone

from dbt_training.outbox import services as outbox
from dbt_training.outbox.models import OutgoingEmail
from tests.smtp import relay

pytestmark = pytest.mark.django_db


class Inbox:
    def __init__(self):
        self.envelopes = []
        self.answer = "250 Message accepted for delivery"

    async def handle_DATA(self, server, session, envelope):
        if self.answer.startswith("250"):
            self.envelopes.append(envelope)
        return self.answer


@pytest.fixture
def smtp_server(settings):
    inbox = Inbox()
    with relay(inbox, settings):
        yield inbox


SIGNUP = {
    "full_name": "Maya Lindqvist",
    "email": "maya@example.org",
    "password1": "a-Long-passphrase-42",
    "password2": "a-Long-passphrase-42",
    "time_zone": "Europe/Stockholm",
}


def test_signup_confirmation_is_delivered_over_smtp(
    client, smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_signup"), SIGNUP)

    assert [e.rcpt_tos for e in smtp_server.envelopes] == [["maya@example.org"]]
    message = message_from_bytes(smtp_server.envelopes[0].content, policy=default_policy)
    assert message["Subject"] == "[DBT Training] Please Confirm Your Email Address"
    assert message["From"] == "DBT Training <training@example.org>"
    assert "http://testserver/accounts/confirm-email/" in message.get_body().get_content()


def test_password_reset_while_the_relay_refuses_waits_in_the_outbox(
    client, trainee, smtp_server, django_capture_on_commit_callbacks
):
    smtp_server.answer = "451 4.3.0 Try again later"

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_reset_password"), {"email": trainee.email})

    # The trainee is told the link is on its way; nothing is lost.
    assert response["Location"] == reverse("account_reset_password_done")
    assert smtp_server.envelopes == []
    row = OutgoingEmail.objects.get()
    assert (row.kind, row.to, row.status, row.attempts) == ("account", trainee.email, "pending", 1)

    smtp_server.answer = "250 Message accepted for delivery"
    delivered = outbox.deliver(now=timezone.now() + outbox.backoff(1))

    assert delivered.sent == [row.pk]
    assert [e.rcpt_tos for e in smtp_server.envelopes] == [[trainee.email]]
    message = message_from_bytes(smtp_server.envelopes[0].content, policy=default_policy)
    assert "/accounts/password/reset/key/" in message.get_body().get_content()
