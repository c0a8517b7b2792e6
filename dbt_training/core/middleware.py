"""Middleware every app relies on."""

from django.http import QueryDict

from dbt_training.core.text import has_control_characters, strip_control_characters

# The bodies Django parses into request.POST; any other body (JSON, a file PUT) is left unread.
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


class ControlCharacterMiddleware:
    """Views see the query string, the posted fields and the URL's captured words without control
    characters (`dbt_training.core.text`), so no typed answer, search box or path can carry a NUL
    into PostgreSQL. Stripped silently: no keyboard types them, so nobody loses what they typed.

    Passwords are stripped too; since that happens alike when one is set and when it is checked,
    a password still matches itself.

    The work is in `process_view`, after CsrfViewMiddleware's (list this after it): CSRF has
    already parsed a form post then, with its own handling of a broken upload, and a view that
    is never reached costs nothing. Uploaded files (request.FILES) are left as they are; their
    importers strip the text they read.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        request.GET = _stripped(request.GET)
        if request.method == "POST" and request.content_type in FORM_TYPES:
            try:
                posted = request.POST
            except OSError:  # the client went away mid-upload; the view sees the same error
                posted = None
            if posted is not None:
                request.POST = _stripped(posted)
        for name, value in view_kwargs.items():
            if isinstance(value, str):
                view_kwargs[name] = strip_control_characters(value)
        return None


def _stripped(query: QueryDict) -> QueryDict:
    """`query` itself when it is clean (the usual case, no copy), else an immutable copy with
    keys and values stripped (two keys that differ only by control characters merge)."""
    if not any(
        has_control_characters(key) or any(has_control_characters(v) for v in values)
        for key, values in query.lists()
    ):
        return query
    clean = QueryDict(mutable=True, encoding=query.encoding)
    for key, values in query.lists():
        for value in values:
            clean.appendlist(strip_control_characters(key), strip_control_characters(value))
    clean._mutable = False
    return clean
