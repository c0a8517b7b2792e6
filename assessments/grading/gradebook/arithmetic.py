"""The gradebook's arithmetic: small pure functions over Decimals, rounded half-up to two
decimals at each stage, so a spreadsheet that recomputes the exported columns agrees."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from assessments.taxonomy import GradeCategory

CENT = Decimal("0.01")
HUNDRED = Decimal(100)
CATEGORIES = (GradeCategory.QUIZZES, GradeCategory.ASSIGNMENTS, GradeCategory.ATTENDANCE)

PASS, FAIL, IN_PROGRESS = "Pass", "Fail", "In progress"

AWAITING = "awaiting grading"
NOT_RELEASED = "not released"
OVERRIDDEN = "overridden"
RETURNED = "returned for revision"
SUBMITTED = "submitted"
NO_SESSIONS = "no sessions held yet"

# Rows read per round trip: big enough that the round trips cost little, small enough that a
# chunk of a 50-item cohort stays a few megabytes.
CHUNK = 2000


# --- the arithmetic (pure) ------------------------------------------------------------------------


def rounded(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def percent_of(score: Decimal | None, max_score: Decimal | None) -> Decimal | None:
    """score out of max_score as a percent with two decimals; None when there is nothing to say."""
    if score is None or not max_score:
        return None
    return rounded(Decimal(score) * HUNDRED / Decimal(max_score))


def category_percent(values: Iterable[Decimal | None]) -> Decimal | None:
    """The mean of the items that have a value; None when none has."""
    present = [value for value in values if value is not None]
    if not present:
        return None
    return rounded(sum(present, Decimal(0)) / len(present))


def weighted_total(percents: dict[str, Decimal | None], weights: dict[str, int]) -> Decimal | None:
    """Σ weight·percent / Σ weight over the categories that have a value: a category with nothing
    graded drops out and the others share its weight (Moodle's weighted mean of grades)."""
    pairs = [
        (Decimal(weights[category]), percent)
        for category, percent in percents.items()
        if percent is not None and weights.get(category)
    ]
    weight = sum((w for w, _ in pairs), Decimal(0))
    if not weight:
        return None
    return rounded(sum((w * p for w, p in pairs), Decimal(0)) / weight)


def result_of(total: Decimal | None, *, pass_mark: int, complete: bool) -> str:
    """Pass or Fail against the course's pass mark once every counted item has a value."""
    if not complete or total is None:
        return IN_PROGRESS
    return PASS if total >= pass_mark else FAIL
