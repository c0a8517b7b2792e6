"""Calendar pages: the secret per-user feed, one live session as an `.ics`, and a new feed URL."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views import View

from courses.models import Cohort, Enrollment
from dbt_training.core.http import attachment_headers
from dbt_training.core.sites import site_name

from .. import services
from ..calendar import build_calendar, feed_events, sessions_for
from ..models import CalendarFeed
from ..sources import live_session_event

ICS_TYPE = "text/calendar; charset=utf-8"


class FeedView(View):
    """The person's feed at its secret URL; no sign-in, since calendar apps carry no session."""

    http_method_names = ["get", "head"]

    def get(self, request, token):
        feed = get_object_or_404(
            CalendarFeed.objects.select_related("user"), token=token, user__is_active=True
        )
        response = HttpResponse(
            build_calendar(feed_events(feed.user), name=site_name()), content_type=ICS_TYPE
        )
        attachment_headers(response, "dbt-training.ics", inline=True)
        response["Cache-Control"] = "private, max-age=900"
        return response


class SessionIcsView(LoginRequiredMixin, View):
    """One live session as an `.ics` file, with the same UID as in the feed."""

    http_method_names = ["get", "head"]

    def get(self, request, session_id):
        session = get_object_or_404(sessions_for(request.user), pk=session_id)
        may_join = (
            Enrollment.objects.active()
            .for_trainee(request.user)
            .filter(cohort=session.cohort_id)
            .exists()
            or Cohort.objects.visible_to(request.user).filter(pk=session.cohort_id).exists()
        )
        response = HttpResponse(
            build_calendar(
                [live_session_event(session, with_join_link=may_join)], name=session.title
            ),
            content_type=ICS_TYPE,
        )
        attachment_headers(response, f"live-session-{session.pk}.ics")
        return response


class RotateFeedView(LoginRequiredMixin, View):
    """Give the person a new secret feed URL; the old one stops working."""

    http_method_names = ["post"]

    def post(self, request):
        services.rotate_calendar_token(user=request.user)
        messages.success(request, "A new calendar link was made; the old one no longer works.")
        return redirect("reminders:settings")
