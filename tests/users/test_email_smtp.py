"""Account email leaves through a real SMTP server on loopback (aiosmtpd), as in production."""

from email import message_from_bytes
from email.policy import default as default_policy

import pytest
from django.urls import reverse

from tests.smtp import relay

pytestmark = pytest.mark.django_db


class Inbox:
    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_server(settings):
    inbox = Inbox()
    with relay(inbox, settings):
        yield inbox


def test_signup_confirmation_is_delivered_over_smtp(client, smtp_server):
    client.post(
        reverse("account_signup"),
        {
            "full_name": "Maya Lindqvist",
            "email": "maya@example.org",
            "password1": "a-Long-passphrase-42",
            "password2": "a-Long-passphrase-42",
            "time_zone": "Europe/Stockholm",
        },
    )

    assert [e.rcpt_tos for e in smtp_server.envelopes] == [["maya@example.org"]]
    message = message_from_bytes(smtp_server.envelopes[0].content, policy=default_policy)
    assert message["Subject"] == "[DBT Training] Please Confirm Your Email Address"
    assert message["From"] == "DBT Training <training@example.org>"
    assert "http://testserver/accounts/confirm-email/" in message.get_body().get_content()
