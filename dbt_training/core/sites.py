"""The site as emails, calendars and certificates name it, read from settings in one place."""

from email.utils import parseaddr
from urllib.parse import urlsplit

from django.conf import settings


def absolute_url(path: str) -> str:
    """A path on this site as a full address (for emails and feeds sent without a request)."""
    return settings.SITE_URL.rstrip("/") + path


def site_name() -> str:
    """The institute's name as its emails, calendars and certificates give it: the display name
    of DEFAULT_FROM_EMAIL, on one line."""
    return " ".join((parseaddr(settings.DEFAULT_FROM_EMAIL)[0] or "DBT Training").split())


def site_domain() -> str:
    """The host of SITE_URL: the right-hand side of calendar UIDs and Message-IDs."""
    return urlsplit(settings.SITE_URL).hostname or "localhost"
