"""Issuing, verifying and revoking certificates.

One document per enrollment: a CE certificate, a certificate of attendance or a letter of
participation. Every claim locks the enrollment row first, so two claims at once (of one kind or
of two) leave exactly one document: the second waits for the first and then finds it."""

import re
from datetime import date, datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from assessments.completion.checklists import Checklist, checklist_for
from assessments.completion.dates import completion_date
from assessments.completion.pdf import date_text, missing_characters, period_text
from assessments.models import Certificate, CourseApproval, ProgramSignatory
from courses.models import DeliveryFormat, Enrollment, EnrollmentStatus
from dbt_training.core.sites import site_name
from reminders.kinds import ReminderKind
from reminders.registry import Due
from reminders.services import notify

NOT_APPROVED = "other"  # the claim form's choice for a profession the course is not approved for
CODE_SHAPE = re.compile(r"^DBT-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$")
# The codes of the refusals a page answers with more than the message (a link, a hint).
LICENSE_REQUIRED = "license_required"
APPROVAL_NOT_VALID = "approval_not_valid"
OTHER_DOCUMENT = "other_document"

# Each kind of document as a sentence names it.
DOCUMENT_NAMES = {
    Certificate.Kind.CE: "a CE certificate",
    Certificate.Kind.ATTENDANCE: "a certificate of attendance",
    Certificate.Kind.PARTICIPATION: "a letter of participation",
}
COMPLETION_KINDS = (Certificate.Kind.CE, Certificate.Kind.ATTENDANCE)
COMPLETION_NAME = "a CE certificate or a certificate of attendance"


def lead_trainer_of(cohort) -> str:
    """The first trainer assigned to the cohort, with credentials: "Terry Chen, PhD"."""
    trainer = cohort.trainers.order_by("pk").first()
    if trainer is None:
        return ""
    return ", ".join(part for part in (trainer.full_name, trainer.credentials) if part)


def provider() -> dict[str, str]:
    """The CE provider as certificates print it (settings `CE_PROVIDER_*`); the name falls back
    on the site's (DEFAULT_FROM_EMAIL's display name)."""
    return {
        "provider_name": settings.CE_PROVIDER_NAME or site_name(),
        "provider_address": settings.CE_PROVIDER_ADDRESS,
        "provider_contact": settings.CE_PROVIDER_CONTACT,
    }


def held_reason(held: Certificate, *, wanted: str) -> str:
    """Why `wanted` (a document's name, e.g. "a CE certificate") cannot be claimed by someone
    who holds `held` for the same enrollment."""
    return (
        f"You hold {DOCUMENT_NAMES[held.kind]} for this enrollment ({held.code}); {wanted} can "
        "no longer be claimed. Contact the institute if that was a mistake."
    )


def license_missing(user, approval: CourseApproval | None) -> bool:
    """The approval asks for a licence number and jurisdiction the profile does not hold."""
    if approval is None or not approval.requires_license:
        return False
    return not (user.license_number.strip() and user.license_jurisdiction.strip())


def license_message(approval: CourseApproval) -> str:
    return (
        f"The approval for {approval.profession} prints your licence number and licensing "
        "board or jurisdiction on the certificate, and your profile does not hold both yet. "
        "Add them to your profile, then claim again."
    )


def approval_covers(approval: CourseApproval, day: date) -> bool:
    """The approval was in force on `day` (an open end is no limit)."""
    after_start = approval.valid_from is None or day >= approval.valid_from
    before_end = approval.valid_until is None or day <= approval.valid_until
    return after_start and before_end


@transaction.atomic
def claim_certificate(
    *, enrollment: Enrollment, approval: CourseApproval | None, now: datetime | None = None
) -> Certificate:
    """The trainee's certificate once every requirement is met: a CE certificate when the
    course is approved for the profession they picked (`approval`), else a certificate of
    attendance. Claiming again returns the one already issued. Refused, saying why, before
    completion, when the trainee holds a letter of participation, when the approval needs a
    licence the profile lacks or was not in force on the completion date."""
    now = now or timezone.now()
    locked = _lock(enrollment)
    held = list(Certificate.objects.filter(enrollment=locked))
    issued = next((c for c in held if c.kind in COMPLETION_KINDS), None)
    if issued is not None:
        if issued.is_revoked:
            raise ValidationError(_revoked_message(issued))
        return issued
    kind = Certificate.Kind.CE if approval is not None else Certificate.Kind.ATTENDANCE
    _refuse_other_documents(held, wanted=DOCUMENT_NAMES[kind])
    if locked.status not in (EnrollmentStatus.ACTIVE, EnrollmentStatus.COMPLETED):
        raise ValidationError("Only trainees enrolled in the cohort can claim its certificate.")
    if approval is not None and approval.course_id != locked.cohort.course_id:
        raise ValidationError("Pick one of this course's CE approvals.")
    checklist = checklist_for(locked, now=now)
    if not checklist.complete:
        raise ValidationError(_not_yet(checklist))
    completed_on = completion_date(checklist)
    if approval is not None:
        _refuse_outside_validity(approval, completed_on)
        if license_missing(locked.user, approval):
            raise ValidationError(license_message(approval), code=LICENSE_REQUIRED)
    signatory = ProgramSignatory.objects.filter(course_id=locked.cohort.course_id).first()
    _refuse_unprintable(locked, approval, signatory)
    certificate = _issue(
        locked,
        kind=kind,
        approval=approval,
        completed_on=completed_on,
        signatory=signatory,
        now=now,
    )
    if locked.status != EnrollmentStatus.COMPLETED:
        locked.status = EnrollmentStatus.COMPLETED
        locked.save(update_fields=["status"])
    _tell(certificate, now)
    return certificate


@transaction.atomic
def claim_participation_letter(
    *, enrollment: Enrollment, now: datetime | None = None
) -> Certificate:
    """A letter of participation, when the course offers one and enough is done; once, and
    not beside a certificate of completion."""
    now = now or timezone.now()
    locked = _lock(enrollment)
    held = list(Certificate.objects.filter(enrollment=locked))
    issued = next((c for c in held if c.kind == Certificate.Kind.PARTICIPATION), None)
    if issued is not None:
        return issued
    _refuse_other_documents(held, wanted=DOCUMENT_NAMES[Certificate.Kind.PARTICIPATION])
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
    signatory = ProgramSignatory.objects.filter(course_id=locked.cohort.course_id).first()
    _refuse_unprintable(locked, None, signatory)
    certificate = _issue(
        locked,
        kind=Certificate.Kind.PARTICIPATION,
        approval=None,
        # The day of the last record counted so far: the letter's date of participation.
        completed_on=completion_date(checklist),
        signatory=signatory,
        now=now,
    )
    _tell(certificate, now)
    return certificate


def _lock(enrollment: Enrollment) -> Enrollment:
    """The enrollment row, locked until the claim commits: every claim of every kind for it
    takes this lock first, so they run one after the other."""
    return (
        Enrollment.objects.select_for_update(of=("self",))
        .select_related("user", "cohort__course")
        .get(pk=enrollment.pk)
    )


def _refuse_other_documents(held: list[Certificate], *, wanted: str) -> None:
    """One document per enrollment: any other one already issued (revoked or not) refuses."""
    for certificate in held:
        if certificate.is_revoked:
            raise ValidationError(_revoked_message(certificate))
    if held:
        raise ValidationError(held_reason(held[0], wanted=wanted), code=OTHER_DOCUMENT)


def _refuse_outside_validity(approval: CourseApproval, completed_on: date) -> None:
    """A CE certificate only under an approval in force on the completion date: boards award
    credit for what was completed while the provider was approved, so printing it otherwise
    would claim credit the board never granted (a warning would still print it)."""
    if approval_covers(approval, completed_on):
        return
    number = f" (approval number {approval.approval_number})" if approval.approval_number else ""
    raise ValidationError(
        f"The course's approval for {approval.profession}{number} is valid "
        f"{period_text(approval.valid_from, approval.valid_until)}; you completed the course on "
        f"{date_text(completed_on)}, outside that period, so no CE certificate can be issued "
        "under it. Choose “Other / not listed” for a certificate of attendance, or contact the "
        "institute.",
        code=APPROVAL_NOT_VALID,
    )


def _revoked_message(certificate: Certificate) -> str:
    return (
        f"Your {certificate.get_kind_display().lower()} {certificate.code} was revoked on "
        f"{certificate.revoked_at:%d %B %Y}: {certificate.revoke_reason} No new certificate can "
        "be claimed; please contact the training institute."
    )


def _refuse_unprintable(
    enrollment: Enrollment,
    approval: CourseApproval | None,
    signatory: ProgramSignatory | None,
) -> None:
    """Refuse rather than print a certificate whose text the font would silently drop."""
    user, cohort = enrollment.user, enrollment.cohort
    texts = [
        user.full_name,
        user.credentials,
        user.license_number,
        user.license_jurisdiction,
        cohort.course.title,
        cohort.name,
        *provider().values(),
    ]
    if approval is not None:
        texts += [
            approval.profession,
            approval.accrediting_body,
            approval.approval_statement,
            approval.approval_number,
        ]
    if signatory is not None:
        texts += [signatory.name, signatory.title]
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
    enrollment: Enrollment,
    *,
    kind: str,
    approval: CourseApproval | None,
    completed_on: date,
    signatory: ProgramSignatory | None,
    now: datetime,
) -> Certificate:
    """The certificate, with everything it prints copied as it stands today."""
    cohort, user = enrollment.cohort, enrollment.user
    course = cohort.course
    ce = approval if kind == Certificate.Kind.CE else None
    return Certificate.objects.create(
        enrollment=enrollment,
        kind=kind,
        issued_at=now,
        full_name=user.full_name,
        credentials=user.credentials,
        license_number=user.license_number.strip(),
        license_jurisdiction=user.license_jurisdiction.strip(),
        course_title=course.title,
        cohort_name=cohort.name,
        starts_on=cohort.starts_on,
        ends_on=cohort.ends_on,
        completed_on=completed_on,
        delivery_format=DeliveryFormat(cohort.delivery_format).label,
        ce_hours=_hours(course, kind, approval),
        profession=ce.profession if ce else "",
        accrediting_body=ce.accrediting_body if ce else "",
        approval_statement=ce.approval_statement if ce else "",
        approval_number=ce.approval_number if ce else "",
        approval_valid_from=ce.valid_from if ce else None,
        approval_valid_until=ce.valid_until if ce else None,
        lead_trainer=lead_trainer_of(cohort),
        signatory_name=signatory.name if signatory else "",
        signatory_title=signatory.title if signatory else "",
        # The same stored file, not a copy: a replaced image stays in storage (never deleted),
        # so this certificate keeps printing the signature of the day it was issued.
        signature=signatory.signature.name if signatory and signatory.signature else "",
        **provider(),
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
    # With its cohort, whose time zone dates the issue (`pdf.issued_on`): still one query.
    return Certificate.objects.select_related("enrollment__cohort").filter(code=normal).first()
