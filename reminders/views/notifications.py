"""In-app notifications: the full list, opening one (marks it read, goes to its item) and
marking all read. Found through `Reminder.objects.for_user`: anyone else's answer 404."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import View

from .. import display, services
from ..models import Reminder

PER_PAGE = 25


def local_path(path) -> str | None:
    """`path` when it stays on this site (starts with one "/"), else None. Browsers read "//x"
    and "/\\x" as another host, which `url_has_allowed_host_and_scheme` also refuses."""
    if (
        isinstance(path, str)
        and path.startswith("/")
        and not path.startswith("//")
        and url_has_allowed_host_and_scheme(path, allowed_hosts=set())
    ):
        return path
    return None


class NotificationListView(LoginRequiredMixin, View):
    """Every notification of the signed-in person, newest first, 25 a page."""

    template_name = "reminders/notification_list.html"

    def get(self, request):
        page = Paginator(display.notifications_for(request.user), PER_PAGE).get_page(
            request.GET.get("page")
        )
        rows = list(page.object_list)
        return render(
            request,
            self.template_name,
            {
                "page": page,
                "items": [display.notification(r) for r in rows],
                # Every row carries the total; an empty page means there are none at all.
                "unread_count": rows[0].unread_total if rows else 0,
            },
        )


class OpenNotificationView(LoginRequiredMixin, View):
    """Mark one notification read and go to what it is about."""

    def get(self, request, pk):
        reminder = get_object_or_404(Reminder.objects.for_user(request.user), pk=pk)
        services.mark_read(user=request.user, reminder_ids=[reminder.pk])
        return redirect(local_path(reminder.payload.get("path")) or reverse("dashboard"))


class MarkReadView(LoginRequiredMixin, View):
    """Mark every notification read, then go back where the person was."""

    def post(self, request):
        changed = services.mark_read(user=request.user)
        if changed:
            messages.success(
                request,
                f"{changed} notification{'s' if changed != 1 else ''} marked as read.",
            )
        else:
            messages.info(request, "You had no unread notifications.")
        target = request.POST.get("next", "")
        # A path on this site only: redirect() would take a bare word for a URL name (a 500).
        if not target.startswith("/") or not url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            target = reverse("dashboard")
        return HttpResponseRedirect(target)
