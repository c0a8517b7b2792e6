"""Issuing, verifying and revoking certificates. A certificate is issued once per enrollment
and kind: the claim locks the enrollment row, so two claims at once make one certificate."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from assessments.completion.checklists import Checklist, checklist_for
from assessments.completion.pdf import missing_characters
from assessments.models import Certificate, CourseApproval
from courses.models import Enrollment, EnrollmentStatus
from reminders.kinds import ReminderKind
from reminders.registry import Due
from reminders.services import notify

NOT_APPROVED = "other"  # the claim form's choice for a profession the course is not approved for
CODE_SHAPE = re.compile(r"^DBT-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$")


def lead_trainer_of(cohort) -> str:
    """The first trainer assigned to the cohort, with credentials: "Terry Chen, PhD"."""
    trainer = cohort.trainers.order_by("pk").first()
    if trainer is None:
        return ""
    return ", ".join(part for part in (trainer.full_name, trainer.credentials) if part)


@transaction.atomic
def claim_certificate(
    *, enrollment: Enrollment, approval: CourseApproval | None, now: datetime | None = None
) -> Certificate:
    """The trainee's certificate once every requirement is met: a CE certificate when the
    course is approved for the profession they picked (`approval`), else a certificate of
    attendance. Claiming again returns the one already issued. Refused, with what is left,
    before completion."""
    now = now or timezone.now()
    locked = (
        Enrollment.objects.select_for_update(of=("self",))
        .select_related("user", "cohort__course")
        .get(pk=enrollment.pk)
    )
    issued = Certificate.objects.filter(
        enrollment=locked, kind__in=[Certificate.Kind.CE, Certificate.Kind.ATTENDANCE]
    ).first()
    if issued is not None:
        if issued.is_revoked:
            raise ValidationError(_revoked_message(issued))
        return issued
    if locked.status not in (EnrollmentStatus.ACTIVE, EnrollmentStatus.COMPLETED):
        raise ValidationError("Only trainees enrolled in the cohort can claim its certificate.")
    if approval is not None and approval.course_id != locked.cohort.course_id:
        raise ValidationError("Pick one of this course's CE approvals.")
    checklist = checklist_for(locked, now=now)
    if not checklist.complete:
        raise ValidationError(_not_yet(checklist))
    _refuse_unprintable(locked, approval)
    kind = Certificate.Kind.CE if approval is not None else Certificate.Kind.ATTENDANCE
    certificate = _issue(locked, kind=kind, approval=approval, now=now)
    if locked.status != EnrollmentStatus.COMPLETED:
        locked.status = EnrollmentStatus.COMPLETED
        locked.save(update_fields=["status"])
    _tell(certificate, now)
    return certificate


@transaction.atomic
def claim_participation_letter(
    *, enrollment: Enrollment, now: datetime | None = None
) -> Certificate:
    """A letter of participation, when the course offers one and enough is done; once."""
    now = now or timezone.now()
    locked = (
        Enrollment.objects.select_for_update(of=("self",))
        .select_related("user", "cohort__course")
        .get(pk=enrollment.pk)
    )
    issued = Certificate.objects.filter(
        enrollment=locked, kind=Certificate.Kind.PARTICIPATION
    ).first()
    if issued is not None:
        return issued
    revoked = Certificate.objects.filter(enrollment=locked, revoked_at__isnull=False).first()
    if revoked is not None:
        raise ValidationError(_revoked_message(revoked))
    if locked.status not in (EnrollmentStatus.ACTIVE, EnrollmentStatus.COMPLETED):
        raise ValidationError("Only trainees enrolled in the cohort can claim a letter.")
    checklist = checklist_for(locked, now=now)
    threshold = checklist.rules.participation_letter_percent
    if threshold is None:
        raise ValidationError("This course does not offer letters of participation.")
    if not checklist.letter_available:
        raise ValidationError(
            f"A letter of participation needs {threshold}% of the requirements; "
            f"{checklist.share:.0f}% are met so far."
        )
    _refuse_unprintable(locked, None)
    certificate = _issue(locked, kind=Certificate.Kind.PARTICIPATION, approval=None, now=now)
    _tell(certificate, now)
    return certificate


def _revoked_message(certificate: Certificate) -> str:
    return (
        f"Your {certificate.get_kind_display().lower()} {certificate.code} was revoked on "
        f"{certificate.revoked_at:%d %B %Y}: {certificate.revoke_reason} No new certificate can "
        "be claimed; please contact the training institute."
    )


def _refuse_unprintable(enrollment: Enrollment, approval: CourseApproval | None) -> None:
    """Refuse rather than print a certificate whose name the font would silently drop."""
    user, cohort = enrollment.user, enrollment.cohort
    texts = [user.full_name, user.credentials, cohort.course.title, cohort.name]
    if approval is not None:
        texts += [approval.profession, approval.accrediting_body, approval.approval_statement]
    missing = missing_characters(*texts)
    if missing:
        raise ValidationError(
            "The certificate cannot yet print these characters: "
            + " ".join(missing)
            + ". Nothing was issued; please contact the training institute, who can issue it "
            "by hand."
        )


def _not_yet(checklist: Checklist) -> list[str]:
    return ["Not yet: the certificate needs every requirement met."] + [
        f"{r.label}: {r.detail}." for r in checklist.left
    ]


def _issue(
    enrollment: Enrollment, *, kind: str, approval: CourseApproval | None, now
) -> Certificate:
    cohort, user = enrollment.cohort, enrollment.user
    course = cohort.course
    return Certificate.objects.create(
        enrollment=enrollment,
        kind=kind,
        issued_at=now,
        full_name=user.full_name,
        credentials=user.credentials,
        course_title=course.title,
        cohort_name=cohort.name,
        starts_on=cohort.starts_on,
        completed_on=now.astimezone(ZoneInfo(cohort.time_zone)).date(),
        ce_hours=_hours(course, kind, approval),
        profession=approval.profession if approval else "",
        accrediting_body=approval.accrediting_body if approval else "",
        approval_statement=approval.approval_statement if approval else "",
        lead_trainer=lead_trainer_of(cohort),
    )


def _hours(course, kind: str, approval: CourseApproval | None):
    """The approval's hours on a CE certificate, the course's on attendance, none on a letter."""
    if approval is not None:
        return approval.hours
    return None if kind == Certificate.Kind.PARTICIPATION else course.ce_hours


def _tell(certificate: Certificate, now) -> None:
    enrollment = certificate.enrollment
    notify(
        dues=[
            Due(
                enrollment.pk,
                enrollment.cohort_id,
                enrollment.user_id,
                ReminderKind.CERTIFICATE_READY,
                f"certificate:{certificate.pk}",
                now,
                {
                    "title": certificate.course_title,
                    "path": reverse("certificates:mine", args=[enrollment.cohort_id]),
                    "detail": certificate.get_kind_display(),
                },
            )
        ],
        now=now,
    )


@transaction.atomic
def revoke_certificate(*, certificate: Certificate, by, reason: str, now=None) -> Certificate:
    """Withdraw a certificate; the verification page shows it as revoked, with the reason."""
    reason = " ".join(reason.split())
    if not reason:
        raise ValidationError("Give the reason for revoking: it is shown on the verification page.")
    limit = Certificate._meta.get_field("revoke_reason").max_length
    if len(reason) > limit:
        raise ValidationError(f"Keep the reason to {limit} characters.")
    locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if locked.revoked_at is not None:
        raise ValidationError("This certificate is already revoked.")
    locked.revoked_at, locked.revoked_by, locked.revoke_reason = now or timezone.now(), by, reason
    locked.save(update_fields=["revoked_at", "revoked_by", "revoke_reason"])
    return locked


def normalise_code(text: str) -> str:
    """What a person typed, as a code: upper case, no spaces, the dashes put back."""
    compact = re.sub(r"[^A-Za-z0-9]", "", text or "").upper()
    if len(compact) == 15 and compact.startswith("DBT"):
        compact = compact[3:]
    return (
        "DBT-" + "-".join(compact[i : i + 4] for i in range(0, 12, 4)) if len(compact) == 12 else ""
    )


def find_certificate(code: str) -> Certificate | None:
    """The certificate with this code, or None. Malformed codes run the same indexed lookup
    (with a code that cannot exist), so a wrong code takes as long to answer as a right one."""
    normal = normalise_code(code)
    if not CODE_SHAPE.match(normal):
        normal = "DBT-0000-0000-0000"  # 0 is not in the alphabet: never issued
    return Certificate.objects.filter(code=normal).first()
