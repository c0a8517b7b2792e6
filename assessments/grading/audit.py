"""The grade audit trail: every service that changes what a trainee is graded writes one line here."""

from django.utils import timezone

from assessments.models import GradeChange


def grade_change(
    *,
    enrollment_id: int,
    item: str,
    item_title: str,
    action: str,
    old: str = "",
    new: str = "",
    reason: str = "",
    by=None,
    at=None,
) -> GradeChange:
    """One line of the trail, not yet saved (bulk services `bulk_create` a batch of them)."""
    return GradeChange(
        enrollment_id=enrollment_id,
        item=item,
        item_title=item_title[:200],
        action=action,
        old_value=old[:40],
        new_value=new[:40],
        reason=reason[:500],
        changed_by=by,
        changed_at=at or timezone.now(),
    )


def record_grade_change(*, enrollment, **line) -> GradeChange:
    """Call inside the transaction that makes the change, so the trail and the grade agree."""
    change = grade_change(enrollment_id=enrollment.pk, **line)
    change.save()
    return change
