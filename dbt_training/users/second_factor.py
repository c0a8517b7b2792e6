"""Staff sign in with a second factor. Trainers see trainees' clinical worksheets and grades,
enrollment admins their accounts: a password alone is not enough for them. Trainees may add a
factor; nobody makes them.

Signing in with a factor is allauth.mfa's own stage. What is ours: a staff member who has no
factor yet reaches nothing but the pages that set one up (and signing out) until they add one.
Whether they have one is looked up at sign-in with the permissions (permissions.
remember_at_sign_in) and remembered in the session under the person's `permissions_stamp`, which
any added or removed factor renews (permissions.connect_signals): a factor an admin removes takes
effect on the person's next request, and trainee pages never pay a query for it."""

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

SESSION_KEY = "_second_factor"
# The factors that count; recovery codes only stand in for one of these.
FACTORS = [Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]
# allauth.mfa's own pages are all named mfa_*; besides them a person setting up a factor may
# confirm their password again (allauth asks before a factor is added) and sign out.
OPEN_URL_NAMES = {"account_logout", "account_reauthenticate"}


def needs_second_factor(user) -> bool:
    """Every staff account (User.objects.staff_accounts(): staff, superusers, anyone holding a
    permission, trainers and enrollment admins included), asked of the permissions the session
    remembers, so without a query."""
    return user.is_staff or user.is_superuser or bool(user.get_all_permissions())


def has_second_factor(request, user=None) -> bool:
    user = user or request.user
    stamp = [user.pk, str(user.permissions_stamp)]
    if request.session.get(SESSION_KEY) == stamp:
        return True
    if not is_mfa_enabled(user, types=FACTORS):
        return False
    request.session[SESSION_KEY] = stamp
    return True


class StaffSecondFactorMiddleware:
    """After authentication, remembered permissions and messages: send a staff member without a
    factor to set one up before any other page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not needs_second_factor(user):
            return None
        url_name = request.resolver_match.url_name or ""
        if url_name.startswith("mfa_") or url_name in OPEN_URL_NAMES:
            return None
        if has_second_factor(request):
            return None
        setup = reverse("mfa_index")
        if request.method == "GET" and not getattr(request, "htmx", False):
            messages.warning(
                request,
                "Your role gives you access to trainees' work, so your account needs a second "
                "factor: add an authenticator app or a security key to continue.",
            )
        if getattr(request, "htmx", False):
            response = HttpResponse(status=204)
            response["HX-Redirect"] = setup
            return response
        return redirect(setup)
