from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.utils import timezone


class UserTimeZoneMiddleware:
    """Show every time in the signed-in person's own time zone (dates, deadlines, sessions)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            try:
                zone = ZoneInfo(user.time_zone)
            except (ZoneInfoNotFoundError, ValueError):
                zone = None
            if zone is not None:
                with timezone.override(zone):
                    return self.get_response(request)
        return self.get_response(request)
