from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
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


class SiteCSPMiddleware(CSPMiddleware):
    """The site's Content-Security-Policy (settings.CONTENT_SECURITY_POLICY), except that Django's
    admin may use inline styles: its templates set `style` attributes (field widths, the
    change-list's filters) that the site's own pages never need. Scripts stay as strict there as
    everywhere."""

    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if request.path.startswith("/admin/"):
            parts.update = {**(parts.update or {}), "style-src": [UNSAFE_INLINE]}
        return parts
