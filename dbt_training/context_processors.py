from django.conf import settings


def site(request) -> dict:
    """What base.html needs on every page: the site name and the viewer's role for the menu."""
    user = getattr(request, "user", None)
    signed_in = bool(user and user.is_authenticated)
    # Callables, which templates call only when they print them: fragments (an htmx autosave
    # answer) never show the menu and so never pay for the permission queries.
    return {
        "SITE_NAME": "DBT Training",
        "SIGNUP_OPEN": settings.SIGNUP_OPEN,
        "nav_is_trainer": lambda: signed_in and user.is_trainer,
        "nav_can_author": lambda: signed_in and user.can_author_courses,
        "nav_is_admin": lambda: signed_in and (user.is_enrollment_admin or user.is_staff),
    }
