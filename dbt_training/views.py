from http import HTTPStatus
from zoneinfo import ZoneInfo

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, JsonResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from courses.models import Announcement, Cohort, Enrollment, EnrollmentStatus, LiveSession
from modules.progress import progress_for

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
        now = timezone.now()
        enrollments = list(
            Enrollment.objects.for_trainee(user)
            .exclude(status__in=[EnrollmentStatus.WITHDRAWN, EnrollmentStatus.INVITED])
            .select_related("cohort__course")
            .order_by("-cohort__starts_on")
        )
        progress = progress_for(enrollments, now=now)
        cards = [(e, progress[e.pk]) for e in enrollments]
        deadlines = sorted(
            (
                (state.due_on, e.cohort, state)
                for e, p in cards
                if e.status == EnrollmentStatus.ACTIVE
                for state in p.modules
                if state.due_on
                and state.due_on >= now.astimezone(ZoneInfo(e.cohort.time_zone)).date()
                and not state.is_complete
            ),
            key=lambda item: item[0],
        )[:5]
        sessions = (
            LiveSession.objects.filter(
                cohort__in=[e.cohort for e in enrollments if e.status == EnrollmentStatus.ACTIVE],
                starts_at__gte=now,
            )
            .select_related("cohort")
            .order_by("starts_at")[:5]
        )
        return super().get_context_data(
            cards=cards,
            deadlines=deadlines,
            sessions=sessions,
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
