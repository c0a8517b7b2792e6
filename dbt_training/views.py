from http import HTTPStatus

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, JsonResponse
from django.shortcuts import redirect
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from courses.models import Announcement, Cohort, Enrollment, EnrollmentStatus

from . import health


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
        user = self.request.user
        return super().get_context_data(
            enrollments=Enrollment.objects.for_trainee(user)
            .exclude(status=EnrollmentStatus.WITHDRAWN)
            .select_related("cohort__course")
            .order_by("-cohort__starts_on"),
            taught=Cohort.objects.taught_by(user).select_related("course").order_by("-starts_on"),
            announcements=Announcement.objects.filter(
                cohort__enrollments__user=user,
                cohort__enrollments__status__in=[
                    EnrollmentStatus.ACTIVE,
                    EnrollmentStatus.COMPLETED,
                ],
            ).select_related("cohort", "author")[:5],
            **kwargs,
        )


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    checks = {"database": health.check_database(), "broker": health.check_broker()}
    healthy = all(result in ("ok", "not configured") for result in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": checks},
        status=HTTPStatus.OK if healthy else HTTPStatus.SERVICE_UNAVAILABLE,
    )
