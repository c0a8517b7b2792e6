from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings


class AccountAdapter(DefaultAccountAdapter):
    """Fills our own sign-up fields before allauth's first save, and honours SIGNUP_OPEN."""

    def is_open_for_signup(self, request) -> bool:
        return settings.SIGNUP_OPEN

    def save_user(self, request, user, form, commit=True):
        user.full_name = form.cleaned_data["full_name"]
        user.time_zone = form.cleaned_data["time_zone"]
        return super().save_user(request, user, form, commit=commit)
