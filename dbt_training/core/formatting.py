"""How numbers read on every page, email and PDF."""

from decimal import ROUND_FLOOR, Decimal

from django.template.defaultfilters import floatformat


def hours_text(hours) -> str:
    """CE hours as every page, email and PDF prints them (the templates' `floatformat:"-2"`):
    12.5 → "12.50", 10 → "10", None → "0"."""
    return floatformat(hours or 0, "-2")


def lower_first(label: str) -> str:
    """A label to use inside a sentence: "Single choice" → "single choice" (the rest kept, so
    "True/false" and names inside it stay as written)."""
    return label[:1].lower() + label[1:]


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
    """A share (0..1) as a whole percentage by the rule of `whole_percent`: 0.734 → "73%",
    0.125 → "12%", 1 → "100%". Through `str`, so a float such as 0.29 reads 29%, not 28%."""
    return f"{whole_percent(Decimal(str(fraction)) * 100)}%"


def whole_percent(percent) -> int:
    """A percentage as every page, email and export shows it: a whole number, rounded down, so a
    figure shown at a threshold has reached it (2 of 3 is 66%, never 67%; 1 of 8 is 12%)."""
    return int(Decimal(str(percent or 0)).to_integral_value(rounding=ROUND_FLOOR))


def share_percent(part, whole) -> int:
    """`part` of `whole` as a whole percentage by the same rule; 100 when nothing is counted."""
    if not whole:
        return 100
    return int(Decimal(part) * 100 // Decimal(whole))
