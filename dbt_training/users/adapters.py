import uuid
from collections.abc import Callable

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from allauth.core import ratelimit
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.utils.html import strip_tags

from dbt_training.outbox.services import ACCOUNT_KIND, Email, enqueue

# Higher layers (e.g. courses, for invitations) register here in their AppConfig.ready() what
# must happen when someone signs up; this layer never imports them.
SIGNUP_HOOKS: list[Callable] = []

# The ceiling on failed sign-ins for one account from every client together (ACCOUNT_RATE_LIMITS).
ACCOUNT_CEILING = "login_failed_account"


def register_signup_hook(hook: Callable) -> None:
    if hook not in SIGNUP_HOOKS:
        SIGNUP_HOOKS.append(hook)


class AccountAdapter(DefaultAccountAdapter):
    """Fills our own sign-up fields before allauth's first save, honours SIGNUP_OPEN, and sends
    allauth's emails (verification, password reset, notices) through the outbox like every other."""

    def is_open_for_signup(self, request) -> bool:
        return settings.SIGNUP_OPEN

    # Failed sign-ins. allauth counts them per account ("login_failed": …/key), so anyone could
    # lock a named person out by typing wrong passwords for them. Here its key is the account
    # *and* the client's address: one client's flood locks out that client only. A ceiling per
    # account alone (ACCOUNT_CEILING, counted on failures) still stops guessing spread over
    # many addresses; it is set above what one client can reach under its own limits. allauth's
    # public ratelimit API is used, the same in every release we allow.

    def _account_key(self, request, **credentials) -> str:
        return super()._get_login_attempts_cache_key(request, **credentials)

    def _get_login_attempts_cache_key(self, request, **credentials) -> str:
        return f"{self._account_key(request, **credentials)}|{self.get_client_ip(request)}"

    def pre_authenticate(self, request, **credentials) -> None:
        key = self._account_key(request, **credentials)
        if not ratelimit.consume(request, action=ACCOUNT_CEILING, key=key, dry_run=True):
            raise self.validation_error("too_many_login_attempts")
        super().pre_authenticate(request, **credentials)

    def authentication_failed(self, request, **credentials) -> None:
        super().authentication_failed(request, **credentials)
        ratelimit.consume(
            request, action=ACCOUNT_CEILING, key=self._account_key(request, **credentials)
        )

    def _delete_login_attempts_cached_email(self, request, **credentials) -> None:
        # A successful password reset clears the account's counts, as allauth does for its own.
        super()._delete_login_attempts_cached_email(request, **credentials)
        ratelimit.clear(
            request, action=ACCOUNT_CEILING, key=self._account_key(request, **credentials)
        )

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
