"""Overriding one gradebook cell (and removing an override), each written to the grade trail."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from assessments.grading.audit import record_grade_change
from assessments.grading.gradebook.arithmetic import HUNDRED, rounded
from assessments.grading.gradebook.rows import Cell, GradebookItem, current_cell
from assessments.models import (
    GradeOverride,
)
from assessments.taxonomy import GradeAction
from courses.models import Enrollment
from dbt_training.core.formatting import score_text

# --- overrides ------------------------------------------------------------------------------------


@transaction.atomic
def set_override(
    *,
    enrollment: Enrollment,
    item: GradebookItem,
    percent: Decimal,
    reason: str,
    by,
    current: Cell | None = None,
) -> GradeOverride:
    """Replace one cell of the gradebook with a percentage, and write it to the audit trail.

    `current` is the cell as the caller last computed it (the import has it already); without it
    the cell is read afresh, so the trail's old value is what the gradebook showed."""
    reason = " ".join((reason or "").split())
    errors = {}
    if item.course_id != enrollment.cohort.course_id:
        errors["item"] = "That item is not part of this trainee's course."
    try:
        percent = rounded(Decimal(percent))
    except (InvalidOperation, TypeError):
        errors["percent"] = "Enter a percentage from 0 to 100."
    else:
        if not percent.is_finite() or not 0 <= percent <= HUNDRED:
            errors["percent"] = "Enter a percentage from 0 to 100."
    if not reason:
        errors["reason"] = "Say why the grade is overridden: the reason goes in the audit trail."
    elif len(reason) > GradeOverride._meta.get_field("reason").max_length:
        errors["reason"] = "Keep the reason under 300 characters."
    if errors:
        raise ValidationError(errors)
    if current is None:
        current = current_cell(enrollment, item)
    now = timezone.now()
    override, _ = GradeOverride.objects.update_or_create(
        enrollment=enrollment,
        item=item.key,
        defaults={"percent": percent, "reason": reason, "set_by": by, "set_at": now},
    )
    record_grade_change(
        enrollment=enrollment,
        item=item.key,
        item_title=item.title,
        action=GradeAction.OVERRIDDEN,
        old=score_text(current.value),
        new=score_text(percent),
        reason=reason,
        by=by,
        at=now,
    )
    return override


@transaction.atomic
def clear_override(*, enrollment: Enrollment, item: GradebookItem, reason: str, by) -> None:
    """Give a cell back to what the gradebook computes, and write that to the audit trail."""
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError(
            {"reason": "Say why the override is removed: it goes in the audit trail."}
        )
    if len(reason) > GradeOverride._meta.get_field("reason").max_length:
        raise ValidationError({"reason": "Keep the reason under 300 characters."})
    override = (
        GradeOverride.objects.select_for_update()
        .filter(enrollment=enrollment, item=item.key)
        .first()
    )
    if override is None:
        raise ValidationError("This cell has no override to remove.")
    old = override.percent
    override.delete()
    record_grade_change(
        enrollment=enrollment,
        item=item.key,
        item_title=item.title,
        action=GradeAction.OVERRIDDEN,
        old=score_text(old),
        new=score_text(current_cell(enrollment, item).value),
        reason=f"Override removed: {reason}",
        by=by,
    )
