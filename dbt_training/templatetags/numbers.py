"""Numbers in templates by the rules of `dbt_training.core.formatting`: `{% load numbers %}`,
then `{{ checklist.share|percent }}` → "66%"."""

from django import template

from dbt_training.core.formatting import whole_percent

register = template.Library()


@register.filter
def percent(value) -> str:
    """A percentage (0–100) as a whole number, rounded down, with the sign."""
    return f"{whole_percent(value)}%"
