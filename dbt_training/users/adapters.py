import uuid
from collections.abc import Callable

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.utils.html import strip_tags

from dbt_training.outbox.services import ACCOUNT_KIND, Email, enqueue

# Higher layers (e.g. courses, for invitations) register here in their AppConfig.ready() what
# must happen when someone signs up; this layer never imports them.
SIGNUP_HOOKS: list[Callable] = []


def register_signup_hook(hook: Callable) -> None:
    if hook not in SIGNUP_HOOKS:
        SIGNUP_HOOKS.append(hook)


class AccountAdapter(DefaultAccountAdapter):
    """Fills our own sign-up fields before allauth's first save, honours SIGNUP_OPEN, and sends
    allauth's emails (verification, password reset, notices) through the outbox like every other."""

    def is_open_for_signup(self, request) -> bool:
        return settings.SIGNUP_OPEN

    def save_user(self, request, user, form, commit=True):
        user.full_name = form.cleaned_data["full_name"]
        user.time_zone = form.cleaned_data["time_zone"]
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            for hook in SIGNUP_HOOKS:
                hook(request, user)
        return user

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        # allauth's own context (as its send_mail builds it), rendered now; the outbox sends it,
        # so a relay outage delays a reset link instead of answering 500 on the form.
        request = allauth_context.request
        message = self.render_mail(
            template_prefix,
            email,
            {
                "request": request,
                "email": email,
                "current_site": get_current_site(request),
                **context,
            },
        )
        html = next(
            (
                body
                for body, mimetype in getattr(message, "alternatives", [])
                if mimetype == "text/html"
            ),
            "",
        )
        text = message.body
        if message.content_subtype == "html":
            html, text = message.body, strip_tags(message.body)
        # Every request is its own email (a second reset request must send a second link).
        name = template_prefix.rsplit("/", 1)[-1]
        enqueue(
            [
                Email(
                    kind=ACCOUNT_KIND,
                    key=f"account:{name}:{uuid.uuid4().hex}",
                    to=email,
                    subject=message.subject,
                    text=text,
                    html=html,
                    headers=dict(message.extra_headers),
                    from_email=message.from_email,
                )
            ]
        )
