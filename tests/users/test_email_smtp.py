"""Account email leaves through a real SMTP server on loopback (aiosmtpd), as in production."""

import socket
from email import message_from_bytes
from email.policy import default as default_policy

import pytest
from aiosmtpd.controller import Controller
from django.urls import reverse

pytestmark = pytest.mark.django_db


class Inbox:
    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = controller.hostname, controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    yield inbox
    controller.stop()


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
