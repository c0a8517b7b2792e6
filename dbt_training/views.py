from http import HTTPStatus

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import (
    HttpRequest,
    HttpResponsePermanentRedirect,
    HttpResponseRedirect,
    JsonResponse,
)
from django.shortcuts import redirect
from django.templatetags.static import static
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from . import health
from .dashboard import dashboard_for


class LandingView(TemplateView):
    """The public front page; people who are signed in go straight to their dashboard."""

    template_name = "landing.html"

    def get(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            return redirect("dashboard")
        return super().get(request, *args, **kwargs)


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
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": checks, **details},
        status=HTTPStatus.OK if healthy else HTTPStatus.SERVICE_UNAVAILABLE,
    )
