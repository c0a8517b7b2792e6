"""Refusals and service errors, the same way everywhere.

A *refusal* is a state change a person may not make now (a locked lesson, a closed attempt): the
page says why and nothing changed. A service's `ValidationError` is bad input: it goes back onto
the form the person filled in.
"""

from collections.abc import Mapping

from django.core.exceptions import ValidationError


class Refused(Exception):
    """Refused with a reason a person can read; subclasses name what was refused."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def add_service_errors(form, error: ValidationError, *, rest: str | None = None) -> None:
    """Put a service's ValidationError on the form: each message on its field when the form has
    one; the others on the field named `rest` (a one-field form), or at the top (so the page still
    says what went wrong)."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else rest, errors)
    else:
        form.add_error(rest, error)


def add_errors_around(form, error: ValidationError, *, rows: str) -> list[str]:
    """For a form with a formset: the messages keyed `rows` (the formset's, shown above its rows)
    are returned; every other message goes on the form as `add_service_errors` puts it."""
    row_errors = []
    if hasattr(error, "error_dict") and rows in error.error_dict:
        row_errors = [m for e in error.error_dict.pop(rows) for m in e.messages]
    if not hasattr(error, "error_dict") or error.error_dict:
        add_service_errors(form, error)
    return row_errors


def error_text(error: ValidationError) -> str:
    """All of an error's messages as one line, for a flash message or a page's alert."""
    return " ".join(error.messages)


def flat_errors(error: ValidationError | Mapping | None) -> dict[str, str]:
    """{input name: its messages as one line} from a service's ValidationError (or such a dict),
    for pages whose inputs are not a Django form; "" holds the errors of no one input."""
    if error is None:
        return {}
    if isinstance(error, ValidationError):
        if not hasattr(error, "error_dict"):
            return {"": error_text(error)}
        return {name: " ".join(messages) for name, messages in error.message_dict.items()}
    return dict(error)


class ServiceFormMixin:
    """For a FormView whose valid form goes to one service: the view's `call_service(form)` calls
    it and returns the response; a ValidationError it raises goes onto the form, which is shown
    again with nothing changed."""

    def call_service(self, form):
        raise NotImplementedError

    def form_valid(self, form):
        try:
            return self.call_service(form)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
