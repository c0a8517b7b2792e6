"""How numbers read on every page, email and PDF."""

from decimal import Decimal

from django.template.defaultfilters import floatformat


def hours_text(hours) -> str:
    """CE hours as every page, email and PDF prints them (the templates' `floatformat:"-2"`):
    12.5 → "12.50", 10 → "10", None → "0"."""
    return floatformat(hours or 0, "-2")


def plain_number(number) -> str:
    """A decimal as people and text formats write it: no exponent, no trailing zeros ("1991",
    "33.33333", "0.5"); GIFT and Moodle XML write numbers this way."""
    number = Decimal(number)
    return "0" if number == 0 else format(number.normalize(), "f")


def score_text(score: Decimal | None, max_score: Decimal | None = None) -> str:
    """A score as the grade trail and gradebook show it: "7.5 / 10", "85%" (max_score None) or
    "" for none."""
    if score is None:
        return ""
    value = f"{score.normalize():f}" if isinstance(score, Decimal) else str(score)
    if max_score is None:
        return f"{value}%"
    return f"{value} / {max_score.normalize():f}"


def percent_text(fraction) -> str:
    """A share as a whole percentage: 0.734 → "73%", 1 → "100%"."""
    return f"{floatformat(fraction * 100, 0)}%"
