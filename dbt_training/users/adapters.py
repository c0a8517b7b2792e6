from collections.abc import Callable

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings

# Higher layers (e.g. courses, for invitations) register here in their AppConfig.ready() what
# must happen when someone signs up; this layer never imports them.
SIGNUP_HOOKS: list[Callable] = []


def register_signup_hook(hook: Callable) -> None:
    if hook not in SIGNUP_HOOKS:
        SIGNUP_HOOKS.append(hook)


class AccountAdapter(DefaultAccountAdapter):
    """Fills our own sign-up fields before allauth's first save, and honours SIGNUP_OPEN."""

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
