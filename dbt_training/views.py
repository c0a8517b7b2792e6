import logging
from http import HTTPStatus

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import (
    HttpRequest,
    HttpResponsePermanentRedirect,
    HttpResponseRedirect,
    JsonResponse,
)
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from . import health
from .dashboard import dashboard_for

logger = logging.getLogger(__name__)


class LandingView(TemplateView):
    """The public front page; people who are signed in go straight to their dashboard."""

    template_name = "landing.html"

    def get(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            return redirect("dashboard")
        return super().get(request, *args, **kwargs)


def admin_login(request: HttpRequest) -> HttpResponseRedirect:
    """/admin/login/: staff sign in where the second factor is asked for (the admin's own form
    knows none). Someone signed in is here because the admin refused them: they get the 403
    page, not the sign-in page, which would send them back to the admin and round again."""
    if request.user.is_authenticated:
        raise PermissionDenied("Your account has no access to the administration pages.")
    query = request.META.get("QUERY_STRING", "")
    return HttpResponseRedirect(reverse("account_login") + (f"?{query}" if query else ""))


class DashboardView(LoginRequiredMixin, TemplateView):
    """Home after sign-in: what this person does here, by role."""

    template_name = "dashboard.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**dashboard_for(self.request.user), **kwargs)


@require_GET
def favicon(request: HttpRequest) -> HttpResponseRedirect:
    """/favicon.ico, which browsers ask for on pages that name no icon: the site's SVG icon."""
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Readiness: the database and the broker, nothing slower. With `?live=1` (for the load
    balancer) the database only: pages, autosave and sign-in work while Redis is down, so a node
    must not be taken out of service for it. With `?deep=1` (for monitors) also the worker
    heartbeat, the last reminder scan and the outbox backlog; 503 when either of the first two is
    older than its limit (dbt_training/health.py)."""
    checks = {"database": health.check_database()}
    details = {}
    if request.GET.get("live") not in ("1", "true", "yes"):
        checks["broker"] = health.check_broker()
        if request.GET.get("deep") in ("1", "true", "yes") and checks["database"] == "ok":
            details = health.deep_checks(checks)
    healthy = all(result in ("ok", "not configured") for result in checks.values())
    response = JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": checks, **details},
        status=HTTPStatus.OK if healthy else HTTPStatus.SERVICE_UNAVAILABLE,
    )
    if not healthy:
        # An answer, not an error of this page: a monitor polling through an outage must not
        # have Django log each 503 at ERROR (which mails ADMINS, past the outbox, every time).
        logger.warning("Health check: %s", checks)
        response._has_been_logged = True  # Django's own flag for "already logged"
    return response
