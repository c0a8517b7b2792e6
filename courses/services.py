"""State changes of courses themselves; their modules and lessons change in modules.services."""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models.functions import Lower
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from dbt_training.core.sites import absolute_url
from dbt_training.outbox.services import Email, enqueue
from dbt_training.users.models import User

from .csv_import import CsvProblem, CsvRow, parse_enrollment_csv
from .models import (
    SEAT_HOLDING,
    Announcement,
    Attendance,
    Cohort,
    CohortStatus,
    Course,
    Enrollment,
    EnrollmentEvent,
    EnrollmentStatus,
    Invitation,
    LiveSession,
    Team,
    TeamApplication,
    TeamApplicationMember,
)
from .signals import announcement_posted

COURSE_FIELDS = (
    "slug",
    "title",
    "summary",
    "audience",
    "learning_objectives",
    "ce_hours",
    "pass_mark",
)


@transaction.atomic
def create_course(*, author: User, **fields) -> Course:
    """A new draft course with the author on its team."""
    course = Course(**{name: fields[name] for name in COURSE_FIELDS if name in fields})
    course.full_clean()
    try:
        with transaction.atomic():
            course.save()
    except IntegrityError:
        # Two people took the same slug at the same moment; full_clean saw it free.
        raise ValidationError({"slug": "A course with this web address already exists."}) from None
    course.authors.add(author)
    return course


@transaction.atomic
def update_course(*, course: Course, **fields) -> Course:
    for name in COURSE_FIELDS:
        if name in fields:
            setattr(course, name, fields[name])
    course.full_clean()
    course.save()
    return course


# --- cohorts and enrollment ---------------------------------------------------------------------

COHORT_FIELDS = (
    "name",
    "starts_on",
    "ends_on",
    "time_zone",
    "delivery_format",
    "capacity",
    "status",
)


# Seats a cohort may have; empty means no limit. Above this a typo (an extra zero or five) is
# far likelier than a real cohort.
CAPACITY_RANGE = (1, 10_000)
CAPACITY_MESSAGE = "Capacity is between 1 and 10,000 seats, or empty for no limit."


def _check_capacity(capacity: int | None) -> None:
    low, high = CAPACITY_RANGE
    if capacity is not None and not low <= capacity <= high:
        raise ValidationError({"capacity": CAPACITY_MESSAGE})


@transaction.atomic
def create_cohort(*, course: Course, trainers=(), **fields) -> Cohort:
    """A new run of a published course (a draft's trainees would be emailed about a course
    nobody published)."""
    if not Course.objects.published().filter(pk=course.pk).exists():
        raise ValidationError(
            {"course": f"“{course.title}” is a draft: publish it before creating a cohort."}
        )
    cohort = Cohort(course=course, **{k: fields[k] for k in COHORT_FIELDS if k in fields})
    _check_capacity(cohort.capacity)
    cohort.full_clean()
    cohort.save()
    cohort.trainers.set(trainers)
    return cohort


@transaction.atomic
def update_cohort(*, cohort: Cohort, trainers=None, **fields) -> Cohort:
    """Change a cohort; a larger capacity offers the new seats to the waitlist at once. A
    capacity below the seats taken is refused: nobody loses a seat by a settings change."""
    cohort = Cohort.objects.select_for_update().get(pk=cohort.pk)
    for name in COHORT_FIELDS:
        if name in fields:
            setattr(cohort, name, fields[name])
    _check_capacity(cohort.capacity)
    if cohort.capacity is not None:
        taken = Enrollment.objects.filter(cohort=cohort).holding_seats().count()
        if cohort.capacity < taken:
            are = "seat is" if taken == 1 else "seats are"
            raise ValidationError(
                {"capacity": f"{taken} {are} taken; capacity cannot go below {taken}."}
            )
    cohort.full_clean()
    cohort.save()
    if trainers is not None:
        cohort.trainers.set(trainers)
    _fill_free_seats(cohort)
    return cohort


@transaction.atomic
def enroll(
    *,
    cohort: Cohort,
    user,
    by=None,
    note: str = "",
    team: Team | None = None,
    confirm: bool = True,
) -> Enrollment:
    """Give the person a seat, or a place on the waitlist when the cohort is full. When someone
    else enrolled them (an admin), they get an email saying which (unless `confirm` is off:
    they are on the page that says it).

    An admin enrolling again someone withdrawn less than `UNDO_WITHDRAWAL` ago undoes the
    withdrawal: the person gets a seat even when the cohort is full (their seat may have gone to
    the waitlist meanwhile, and that person keeps it), so the cohort runs over capacity by the
    admin's choice, which the roster page says before they make it."""
    # The cohort row is the lock that serializes every seat decision for this cohort, so two
    # enrollments (or a withdrawal and an enrollment) at the same moment can't share a seat.
    cohort = Cohort.objects.select_for_update().get(pk=cohort.pk)
    enrollment = Enrollment.objects.filter(cohort=cohort, user=user).first()
    if enrollment is not None and enrollment.status not in (
        EnrollmentStatus.WITHDRAWN,
        EnrollmentStatus.INVITED,
    ):
        raise ValidationError(
            f"{user.email} is already {enrollment.get_status_display().lower()} in this cohort."
        )
    again = enrollment is not None and enrollment.status == EnrollmentStatus.WITHDRAWN
    if enrollment is None:
        enrollment = Enrollment(cohort=cohort, user=user)
    now = timezone.now()
    undo = again and by is not None and by.pk != user.pk and withdrawal_undoable(enrollment, now)
    if undo or _free_seats(cohort) > 0:
        enrollment.status, enrollment.enrolled_at = EnrollmentStatus.ACTIVE, now
        action = EnrollmentEvent.Action.REENROLLED if again else EnrollmentEvent.Action.ENROLLED
        if undo and not note:
            note = "withdrawal undone"
    else:
        enrollment.status, enrollment.waitlisted_at = EnrollmentStatus.WAITLISTED, now
        action = EnrollmentEvent.Action.WAITLISTED
    enrollment.withdrawn_at = None
    if team is not None:
        enrollment.team = team
    enrollment.save()
    event = EnrollmentEvent.objects.create(
        enrollment=enrollment, action=action, actor=by, note=note
    )
    if confirm and by is not None and by.pk != user.pk:
        enqueue([enrollment_email(enrollment, event)])
    return enrollment


def enrollment_email(enrollment: Enrollment, event: EnrollmentEvent) -> Email:
    """The email that tells a trainee they were enrolled, waitlisted or given a freed seat;
    keyed by the event, so each event emails once."""
    cohort = enrollment.cohort
    promoted = event.action == EnrollmentEvent.Action.PROMOTED
    waitlisted = enrollment.status == EnrollmentStatus.WAITLISTED
    context = {
        "user": enrollment.user,
        "cohort": cohort,
        "course": cohort.course,
        "promoted": promoted,
        "waitlisted": waitlisted,
        "link": absolute_url(reverse("learn:cohort", args=[cohort.pk])),
        "dashboard": absolute_url(reverse("dashboard")),
    }
    if promoted:
        lead = f"A seat is yours in {cohort.course.title}"
    elif waitlisted:
        lead = f"You are on the waitlist for {cohort.course.title}"
    else:
        lead = f"You are enrolled in {cohort.course.title}"
    return Email(
        kind="enrollment",
        key=f"enrollment-event:{event.pk}",
        to=enrollment.user.email,
        subject=f"[{cohort.name}] {lead}",
        text=render_to_string("courses/email/enrollment_body.txt", context),
    )


@transaction.atomic
def self_enroll(*, code: str, user) -> Enrollment:
    """Enroll with a cohort's code, while the cohort is open for enrollment."""
    cohort = Cohort.objects.filter(
        enroll_code=code.strip().upper(), status=CohortStatus.OPEN
    ).first()
    if cohort is None:
        raise ValidationError(
            {"code": "No cohort is open for enrollment with that code. Check it with your trainer."}
        )
    previous = Enrollment.objects.filter(cohort=cohort, user=user).first()
    if previous is not None and previous.status == EnrollmentStatus.WITHDRAWN:
        raise ValidationError(
            {
                "code": "You were withdrawn from this cohort; ask your training administrator to "
                "enroll you again."
            }
        )
    return enroll(cohort=cohort, user=user, by=user, note="self-enrolled with the cohort code")


@transaction.atomic
def withdraw(*, enrollment: Enrollment, by=None, note: str = "") -> Enrollment:
    """Withdraw the person; a seat they held goes to the first person on the waitlist."""
    cohort = Cohort.objects.select_for_update().get(pk=enrollment.cohort_id)
    enrollment = Enrollment.objects.get(pk=enrollment.pk)
    if enrollment.status == EnrollmentStatus.WITHDRAWN:
        return enrollment  # twice is the same as once
    enrollment.status, enrollment.withdrawn_at = EnrollmentStatus.WITHDRAWN, timezone.now()
    enrollment.save(update_fields=["status", "withdrawn_at"])
    EnrollmentEvent.objects.create(
        enrollment=enrollment, action=EnrollmentEvent.Action.WITHDRAWN, actor=by, note=note
    )
    _fill_free_seats(cohort)
    return enrollment


# How long an admin's withdrawal can be undone by enrolling the person again (seat guaranteed).
UNDO_WITHDRAWAL = timedelta(days=1)


def withdrawal_undoable(enrollment: Enrollment, now=None) -> bool:
    """Whether re-enrolling this withdrawn person still gives their seat back."""
    now = now or timezone.now()
    return (
        enrollment.status == EnrollmentStatus.WITHDRAWN
        and enrollment.withdrawn_at is not None
        and now - enrollment.withdrawn_at <= UNDO_WITHDRAWAL
    )


def withdrawal_consequence(*, enrollment: Enrollment) -> str:
    """What withdrawing this person would do to the seats, in one sentence (read only: the
    confirmation page shows it before the admin decides)."""
    name = enrollment.user.full_name or enrollment.user.email
    if enrollment.status == EnrollmentStatus.WAITLISTED:
        return f"{name} leaves the waitlist; no seat changes hands."
    if enrollment.status not in SEAT_HOLDING:
        return f"{name} holds no seat, so no seat changes hands."
    cohort = enrollment.cohort
    # The seat freed joins any already free; the waitlist takes them first come, first served,
    # and the last of those is the one this seat goes to.
    free_after = _free_seats(cohort) + 1
    waiting = list(
        Enrollment.objects.filter(cohort=cohort).waitlist().select_related("user")[:free_after]
    )
    if cohort.capacity is None or not waiting or len(waiting) < free_after:
        return f"{name}'s seat stays free: nobody is waiting."
    successor = waiting[-1].user
    first = "first" if free_after == 1 else f"number {free_after}"
    return (
        f"{name}'s seat goes to {successor.full_name or successor.email}, {first} on the waitlist."
    )


@transaction.atomic
def transfer(*, enrollment: Enrollment, to_cohort: Cohort, by=None) -> Enrollment:
    """Move the person to another cohort of the same course, keeping the enrollment row (and so
    everything recorded against it, such as progress). The seat they leave goes to the old
    cohort's waitlist; in the new cohort they get a seat or join its waitlist."""
    # Lock both cohorts in id order, so two opposite transfers can't deadlock.
    ids = sorted({enrollment.cohort_id, to_cohort.pk})
    cohorts = {
        c.pk: c for c in Cohort.objects.select_for_update().filter(pk__in=ids).order_by("pk")
    }
    source, target = cohorts[enrollment.cohort_id], cohorts[to_cohort.pk]
    enrollment = Enrollment.objects.select_for_update().get(pk=enrollment.pk)
    if source.pk == target.pk:
        raise ValidationError("Choose a different cohort.")
    if source.course_id != target.course_id:
        raise ValidationError("A transfer must stay within the same course.")
    if enrollment.status == EnrollmentStatus.WITHDRAWN:
        raise ValidationError("Enroll the person again instead of transferring a withdrawal.")
    if Enrollment.objects.filter(cohort=target, user=enrollment.user_id).exists():
        raise ValidationError(f"{enrollment.user} already has a place in {target.name}.")
    now = timezone.now()
    enrollment.cohort = target
    enrollment.team = None  # teams belong to one cohort
    if _free_seats(target) > 0:
        enrollment.status, enrollment.enrolled_at = EnrollmentStatus.ACTIVE, now
    else:
        enrollment.status, enrollment.waitlisted_at = EnrollmentStatus.WAITLISTED, now
    enrollment.save(update_fields=["cohort", "team", "status", "enrolled_at", "waitlisted_at"])
    EnrollmentEvent.objects.create(
        enrollment=enrollment,
        action=EnrollmentEvent.Action.TRANSFERRED,
        actor=by,
        note=f"from {source.name} to {target.name}",
    )
    _fill_free_seats(source)
    return enrollment


@transaction.atomic
def offer_free_seats(*, cohort: Cohort) -> None:
    """Give any free seats to the waitlist (e.g. after the capacity changed in the admin)."""
    _fill_free_seats(Cohort.objects.select_for_update().get(pk=cohort.pk))


def _free_seats(cohort: Cohort) -> int:
    if cohort.capacity is None:
        return 1_000_000_000
    return cohort.capacity - Enrollment.objects.filter(cohort=cohort).holding_seats().count()


def _fill_free_seats(cohort: Cohort) -> None:
    """Offer free seats to the waitlist, first come first served. Caller holds the cohort lock."""
    free = _free_seats(cohort)
    if free <= 0:
        return
    now = timezone.now()
    emails = []
    waiting = Enrollment.objects.filter(cohort=cohort).waitlist().select_related("user", "cohort")
    for enrollment in waiting[:free]:
        enrollment.status, enrollment.enrolled_at = EnrollmentStatus.ACTIVE, now
        enrollment.save(update_fields=["status", "enrolled_at"])
        event = EnrollmentEvent.objects.create(
            enrollment=enrollment,
            action=EnrollmentEvent.Action.PROMOTED,
            note="a seat became free",
        )
        emails.append(enrollment_email(enrollment, event))
    enqueue(emails)


# --- invitations --------------------------------------------------------------------------------

INVITATION_SALT = "courses.invitation"


class InvitationProblem(Exception):
    """Why an invitation link can't be used: `kind` is invalid, expired, used, replaced (a newer
    invitation went to the same address) or revoked (an enrollment admin withdrew it)."""

    def __init__(self, kind: str, invitation: Invitation | None = None):
        super().__init__(kind)
        self.kind, self.invitation = kind, invitation


def invitation_token(invitation: Invitation) -> str:
    # Signed with SECRET_KEY and timestamped: expiry needs no extra column, and the id in it
    # can't be changed to someone else's invitation.
    return signing.dumps({"invitation": invitation.pk}, salt=INVITATION_SALT, compress=True)


def _closed_kind(invitation: Invitation) -> str | None:
    """Why an invitation can no longer be accepted, or None while it is open."""
    if invitation.accepted_at is not None:
        return "used"
    if invitation.revoked_at is not None:
        # `invite` revokes the open invitation it replaces; only a newer one tells them apart.
        newer = Invitation.objects.filter(
            cohort=invitation.cohort_id, email=invitation.email, pk__gt=invitation.pk
        )
        return "replaced" if newer.exists() else "revoked"
    return None


def find_invitation(token: str) -> Invitation:
    """The open invitation behind a link, or InvitationProblem saying what is wrong with it."""
    try:
        payload = signing.loads(token, salt=INVITATION_SALT, max_age=Invitation.max_age())
    except signing.SignatureExpired:
        payload = signing.loads(token, salt=INVITATION_SALT)
        invitation = Invitation.objects.filter(pk=payload.get("invitation")).first()
        kind = _closed_kind(invitation) if invitation is not None else None
        raise InvitationProblem(kind or "expired", invitation) from None
    except signing.BadSignature:
        raise InvitationProblem("invalid") from None
    invitation = (
        Invitation.objects.select_related("cohort__course")
        .filter(pk=payload.get("invitation"))
        .first()
    )
    if invitation is None:
        raise InvitationProblem("invalid")
    if kind := _closed_kind(invitation):
        raise InvitationProblem(kind, invitation)
    return invitation


@transaction.atomic
def invite(
    *, cohort: Cohort, email: str, full_name: str = "", by=None, team: Team | None = None
) -> Invitation:
    """Invite someone who has no account yet; a newer invitation replaces an open older one."""
    # The cohort lock makes two quick submissions for one address take turns (one open each).
    Cohort.objects.select_for_update().get(pk=cohort.pk)
    email = email.strip().lower()
    Invitation.objects.pending().filter(cohort=cohort, email=email).update(
        revoked_at=timezone.now()
    )
    invitation = Invitation(
        cohort=cohort, email=email, full_name=full_name.strip(), invited_by=by, team=team
    )
    invitation.full_clean()
    invitation.save()
    queue_invitation_emails([invitation])
    return invitation


@transaction.atomic
def enroll_or_invite(
    *, cohort: Cohort, email: str, full_name: str = "", by=None, team: Team | None = None
):
    """Enroll the person with this email, or invite them when they have no account."""
    user = User.objects.with_email(email).first()
    if user is None:
        return invite(cohort=cohort, email=email, full_name=full_name, by=by, team=team)
    return enroll(cohort=cohort, user=user, by=by, team=team)


def invitation_closed_reason(invitation: Invitation) -> str | None:
    """Why Resend and Revoke no longer apply to an invitation (seen on a stale page, or a
    forged request), or None while it is open."""
    return {
        "used": f"The invitation to {invitation.email} was already accepted.",
        "replaced": (
            f"The invitation to {invitation.email} was replaced by a newer one; act on that one."
        ),
        "revoked": f"The invitation to {invitation.email} was already revoked.",
    }.get(_closed_kind(invitation))


def _lock_open_invitation(invitation: Invitation) -> Invitation:
    """The invitation's row, locked, if it is still open; else a ValidationError saying why."""
    # Cohort first, then the invitation: the order `invite` takes them in, so the two never
    # wait on each other.
    Cohort.objects.select_for_update().get(pk=invitation.cohort_id)
    locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if reason := invitation_closed_reason(locked):
        raise ValidationError(reason)
    return locked


@transaction.atomic
def resend_invitation(*, invitation: Invitation, by=None) -> Invitation:
    """A fresh link for an expired or lost invitation, to the same address: a new invitation
    with a new validity period replaces it, so only the newest link works."""
    invitation = _lock_open_invitation(invitation)
    return invite(
        cohort=invitation.cohort,
        email=invitation.email,
        full_name=invitation.full_name,
        by=by or invitation.invited_by,
        team=invitation.team,
    )


@transaction.atomic
def revoke_invitation(*, invitation: Invitation, by) -> Invitation:
    """Withdraw an open invitation: its link stops working at once and says so."""
    # `by` is checked by the caller's access rules; the model has no column to keep it yet.
    invitation = _lock_open_invitation(invitation)
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    return invitation


@transaction.atomic
def accept_invitation(*, invitation: Invitation, user) -> Enrollment:
    """Enroll the signed-in person the invitation was sent to; a link works once."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if kind := _closed_kind(invitation):
        raise InvitationProblem(kind, invitation)
    if user.email.lower() != invitation.email:
        raise ValidationError(
            f"This invitation was sent to {invitation.email}; you are signed in as {user.email}."
        )
    enrollment = Enrollment.objects.filter(cohort=invitation.cohort, user=user).first()
    if enrollment is None or enrollment.status == EnrollmentStatus.WITHDRAWN:
        enrollment = enroll(
            cohort=invitation.cohort,
            user=user,
            by=invitation.invited_by,
            note="accepted an emailed invitation",
            team=invitation.team,
            confirm=False,  # they are on the page that says so
        )
    invitation.accepted_at, invitation.accepted_by = timezone.now(), user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return enrollment


def queue_invitation_emails(invitations: list[Invitation]) -> None:
    """Write each invitation's email into the outbox with it; `sent_at` is when it was queued
    (the outbox row says when it left)."""
    now = timezone.now()
    emails = []
    for invitation in invitations:
        link = absolute_url(reverse("join:invitation", args=[invitation_token(invitation)]))
        context = {
            "invitation": invitation,
            "link": link,
            "days": settings.INVITATION_MAX_AGE_DAYS,
        }
        emails.append(
            Email(
                kind="invitation",
                key=f"invitation:{invitation.pk}",
                to=invitation.email,
                subject=render_to_string("courses/email/invitation_subject.txt", context),
                text=render_to_string("courses/email/invitation_body.txt", context),
            )
        )
        invitation.sent_at = now
    enqueue(emails)
    Invitation.objects.filter(pk__in=[i.pk for i in invitations]).update(sent_at=now)


# --- CSV enrollment -----------------------------------------------------------------------------


class CsvAction(models.TextChoices):
    ENROLL = "enroll", "Enroll"
    WAITLIST = "waitlist", "Waitlist (cohort full)"
    INVITE = "invite", "Invite (no account yet)"
    INVITED = "invited", "Already invited (invitation still open)"
    ALREADY = "already", "Already in the cohort"


@dataclass(frozen=True)
class CsvPlanRow:
    row: CsvRow
    action: str
    detail: str = ""

    @property
    def label(self) -> str:
        return CsvAction(self.action).label


@dataclass(frozen=True)
class CsvPlan:
    """What a CSV upload would do to a cohort, row by row, before anything changes."""

    rows: list[CsvPlanRow]
    problems: list[CsvProblem]

    @property
    def ok(self) -> bool:
        return not self.problems

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)

    @property
    def counts(self) -> dict[str, int]:
        return {label: self.count(value) for value, label in CsvAction.choices}


def plan_csv_enrollment(*, cohort: Cohort, data: bytes) -> CsvPlan:
    """Read the file and decide each row's fate with a handful of queries, whatever its size."""
    parsed = parse_enrollment_csv(data)
    if not parsed.ok:
        return CsvPlan(rows=[], problems=parsed.problems)
    emails = [row.email for row in parsed.rows]  # lower-cased by the parser
    users = _users_by_email(emails)
    current = dict(
        Enrollment.objects.annotate(email=Lower("user__email"))
        .filter(cohort=cohort, email__in=emails)
        .values_list("email", "status")
    )
    free = _free_seats(cohort)
    # An open invitation is kept, not replaced: replacing it would email the person twice.
    invited = set(
        Invitation.objects.pending()
        .filter(cohort=cohort, email__in=emails)
        .values_list("email", flat=True)
    )
    planned = []
    for row in parsed.rows:
        status = current.get(row.email)
        if status is not None and status != EnrollmentStatus.WITHDRAWN:
            detail = EnrollmentStatus(status).label.lower()
            planned.append(CsvPlanRow(row, CsvAction.ALREADY, detail))
        elif row.email not in users and row.email in invited:
            planned.append(CsvPlanRow(row, CsvAction.INVITED))
        elif row.email not in users:
            planned.append(CsvPlanRow(row, CsvAction.INVITE))
        elif free > 0:
            free -= 1
            planned.append(CsvPlanRow(row, CsvAction.ENROLL))
        else:
            planned.append(CsvPlanRow(row, CsvAction.WAITLIST))
    return CsvPlan(rows=planned, problems=[])


@transaction.atomic
def apply_csv_enrollment(*, cohort: Cohort, data: bytes, by=None) -> CsvPlan:
    """Apply the whole file or nothing: re-planned under the cohort lock, so the seats counted
    are the seats given even if someone enrolled between preview and confirmation."""
    cohort = Cohort.objects.select_for_update().get(pk=cohort.pk)
    plan = plan_csv_enrollment(cohort=cohort, data=data)
    if not plan.ok:
        raise ValidationError(
            [f"Line {p.line}: {p.message}" if p.line else p.message for p in plan.problems]
        )
    users = _users_by_email([r.row.email for r in plan.rows])
    withdrawn = {
        e.user.email.lower(): e
        for e in Enrollment.objects.filter(
            cohort=cohort, status=EnrollmentStatus.WITHDRAWN
        ).select_related("user")
    }
    teams = {}
    for name in sorted({r.row.team for r in plan.rows if r.row.team}):
        teams[name], _ = Team.objects.get_or_create(cohort=cohort, name=name)
    now = timezone.now()
    fresh, again = [], []
    for planned in plan.rows:
        if planned.action not in (CsvAction.ENROLL, CsvAction.WAITLIST):
            continue
        seat = planned.action == CsvAction.ENROLL
        enrollment = withdrawn.get(planned.row.email) or Enrollment(
            cohort=cohort, user=users[planned.row.email]
        )
        enrollment.status = EnrollmentStatus.ACTIVE if seat else EnrollmentStatus.WAITLISTED
        enrollment.enrolled_at = now if seat else None
        enrollment.waitlisted_at = None if seat else now
        enrollment.withdrawn_at = None
        enrollment.team = teams.get(planned.row.team)
        (again if enrollment.pk else fresh).append(enrollment)
    Enrollment.objects.bulk_create(fresh)
    Enrollment.objects.bulk_update(
        again, ["status", "enrolled_at", "waitlisted_at", "withdrawn_at", "team"]
    )
    events = EnrollmentEvent.objects.bulk_create(
        EnrollmentEvent(
            enrollment=e,
            actor=by,
            note="CSV upload",
            action=EnrollmentEvent.Action.ENROLLED
            if e.status == EnrollmentStatus.ACTIVE
            else EnrollmentEvent.Action.WAITLISTED,
        )
        for e in [*fresh, *again]
    )
    enqueue([enrollment_email(event.enrollment, event) for event in events])
    invited = [r.row for r in plan.rows if r.action == CsvAction.INVITE]
    invitations = Invitation.objects.bulk_create(
        Invitation(
            cohort=cohort,
            email=row.email,
            full_name=row.full_name,
            invited_by=by,
            team=teams.get(row.team),
        )
        for row in invited
    )
    queue_invitation_emails(invitations)
    return plan


def _users_by_email(emails: list[str]) -> dict:
    """Users by lower-cased email: addresses are compared without case everywhere."""
    return {
        u.email_lower: u
        for u in User.objects.annotate(email_lower=Lower("email")).filter(email_lower__in=emails)
    }


# --- live sessions and attendance ---------------------------------------------------------------

SESSION_FIELDS = ("kind", "title", "starts_at", "duration_minutes", "join_url", "location")


@transaction.atomic
def schedule_live_session(*, cohort: Cohort, **fields) -> LiveSession:
    session = LiveSession(cohort=cohort, **{k: fields[k] for k in SESSION_FIELDS if k in fields})
    session.full_clean()
    session.save()
    return session


def came_from_check_in(attendance: Attendance | None) -> bool:
    """Whether the trainee checked in on this row: a trainer who changes such a row must say
    why, and the check-in time stays on it. Rows from before check-in times were kept say so by
    their source, or by the reason a trainer gave when changing them."""
    return attendance is not None and (
        attendance.checked_in_at is not None
        or attendance.source == Attendance.Source.CHECK_IN
        or bool(attendance.change_reason)
    )


@transaction.atomic
def record_attendance(
    *,
    session: LiveSession,
    marks: dict[int, tuple[bool, int]],
    by,
    reasons: dict[int, str] | None = None,
    now=None,
) -> int:
    """Save the trainer's marks: {enrollment id: (present, minutes)} for this session's cohort.
    Callers pass only what the trainer changed, so a check-in made meanwhile is kept. A mark
    that changes a row the trainee checked in on needs a reason ({enrollment id: reason}), kept
    on the row with its check-in time (a CE audit asks for both). Ids of other cohorts'
    enrollments are refused; so is the whole save when a reason is missing (ValidationError keyed
    by enrollment id). Returns how many rows were written."""
    now = now or timezone.now()
    reasons = reasons or {}
    enrollments = {
        e.pk: e
        for e in Enrollment.objects.filter(cohort=session.cohort_id, pk__in=marks).select_related(
            "user"
        )
    }
    strangers = set(marks) - set(enrollments)
    if strangers:
        raise ValidationError("Attendance can only be taken for people enrolled in this cohort.")
    for _present, minutes in marks.values():
        if not 0 <= minutes <= session.duration_minutes:
            raise ValidationError(
                f"Minutes must be between 0 and the session's {session.duration_minutes}."
            )
    # Locked, so a check-in arriving meanwhile waits and then sees the trainer's row.
    existing = {
        a.enrollment_id: a
        for a in session.attendance.select_for_update().filter(enrollment__in=enrollments)
    }
    limit = Attendance._meta.get_field("change_reason").max_length
    changed, created, missing = [], [], {}
    for enrollment_id, (present, minutes) in marks.items():
        minutes = minutes if present else 0
        row = existing.get(enrollment_id)
        if row is not None and (row.present, row.minutes) == (present, minutes):
            continue  # nothing to change: the row keeps who recorded it and how
        reason = " ".join((reasons.get(enrollment_id) or "").split())
        if came_from_check_in(row):
            name = enrollments[enrollment_id].user.full_name
            if not reason:
                missing[str(enrollment_id)] = (
                    f"Say why you are changing {name}'s check-in: the reason is kept with the "
                    "attendance record."
                )
                continue
            if len(reason) > limit:
                missing[str(enrollment_id)] = f"Keep the reason for {name} to {limit} characters."
                continue
            row.change_reason = reason
        row = row or Attendance(live_session=session, enrollment=enrollments[enrollment_id])
        row.present, row.minutes = present, minutes
        row.source, row.recorded_by, row.recorded_at = Attendance.Source.TRAINER, by, now
        (changed if row.pk else created).append(row)
    if missing:
        raise ValidationError(missing)
    Attendance.objects.bulk_create(created)
    Attendance.objects.bulk_update(
        changed, ["present", "minutes", "source", "recorded_by", "recorded_at", "change_reason"]
    )
    return len(created) + len(changed)


@transaction.atomic
def check_in(*, code: str, user, now=None) -> Attendance:
    """Mark the person present with the code shown during a session, only while it runs. The
    first check-in's time is kept on the row; checking in again changes nothing, so a trainer's
    later correction (made with a reason) stands."""
    now = now or timezone.now()
    code = code.strip().upper()
    sessions = LiveSession.objects.filter(
        check_in_code=code,
        cohort__enrollments__user=user,
        cohort__enrollments__status=EnrollmentStatus.ACTIVE,
    ).select_related("cohort")
    session = min(sessions, key=lambda s: abs(s.starts_at - now), default=None)
    if session is None:
        raise ValidationError({"code": "That code does not belong to a session of your cohorts."})
    opens, closes = session.check_in_window()
    if not opens <= now <= closes:
        raise ValidationError(
            {
                "code": "This code works only while its session runs (from 15 "
                "minutes before the start until the end)."
            }
        )
    enrollment = Enrollment.objects.get(cohort=session.cohort, user=user)
    attendance, created = Attendance.objects.select_for_update().get_or_create(
        live_session=session,
        enrollment=enrollment,
        defaults={"source": Attendance.Source.CHECK_IN},
    )
    if not created and came_from_check_in(attendance):
        return attendance  # checked in before: the first time stands
    attendance.checked_in_at = now
    if attendance.present:
        # Marked present by a trainer already: their minutes and name stay, the check-in time
        # is added as evidence.
        attendance.save(update_fields=["checked_in_at"])
        return attendance
    # Credited from check-in to the end; a trainer can correct the minutes on the roster.
    attendance.present = True
    attendance.minutes = max(
        0,
        min(
            session.duration_minutes,
            int((closes - max(now, session.starts_at)).total_seconds() // 60),
        ),
    )
    attendance.source, attendance.recorded_by = Attendance.Source.CHECK_IN, user
    attendance.save()
    return attendance


# --- announcements ------------------------------------------------------------------------------


@transaction.atomic
def post_announcement(*, cohort: Cohort, author, title: str, body: str) -> Announcement:
    """Publish to the cohort at once. The emails (one per active trainee, through the outbox)
    are written by the reminders layer on `announcement_posted`, in this same transaction."""
    announcement = Announcement(
        cohort=cohort, author=author, title=title.strip(), body=body.strip()
    )
    announcement.full_clean()
    announcement.save()
    announcement_posted.send(sender=Announcement, announcement=announcement)
    announcement.emailed_at = timezone.now()  # queued for every active trainee
    announcement.save(update_fields=["emailed_at"])
    return announcement


# --- teams --------------------------------------------------------------------------------------

TEAM_SIZE = (3, 8)  # DBT intensive training admits teams of 3 to 8 clinicians, leader included


@transaction.atomic
def apply_as_team(
    *, cohort: Cohort, leader, team_name: str, members: list[dict[str, str]]
) -> TeamApplication:
    """A leader asks to enroll their team; members are dicts of full_name, email, team_role.
    The leader is a member too (added when missing from the list)."""
    if cohort.status != CohortStatus.OPEN:
        raise ValidationError("This cohort is not open for applications.")
    people = [{"full_name": leader.full_name, "email": leader.email, "team_role": "Team leader"}]
    people += [m for m in members if m["email"].strip().lower() != leader.email.lower()]
    emails = [p["email"].strip().lower() for p in people]
    if len(set(emails)) != len(emails):
        raise ValidationError("Each member needs their own email address.")
    low, high = TEAM_SIZE
    if not low <= len(people) <= high:
        raise ValidationError(
            f"A team has {low} to {high} members, the leader included; this one has {len(people)}."
        )
    name = team_name.strip()
    if Team.objects.filter(cohort=cohort, name__iexact=name).exists() or (
        TeamApplication.objects.filter(
            cohort=cohort, team_name__iexact=name, status=TeamApplication.Status.PENDING
        ).exists()
    ):
        raise ValidationError({"team_name": "A team with this name is already in this cohort."})
    application = TeamApplication(cohort=cohort, leader=leader, team_name=name)
    application.full_clean()
    application.save()
    rows = [
        TeamApplicationMember(
            application=application,
            full_name=p["full_name"].strip(),
            email=email,
            team_role=p.get("team_role", "").strip(),
        )
        for p, email in zip(people, emails, strict=True)
    ]
    for row in rows:
        row.full_clean(exclude=["application"])
    TeamApplicationMember.objects.bulk_create(rows)
    return application


@transaction.atomic
def approve_team_application(*, application: TeamApplication, by) -> Team:
    """Create the team and enroll (or invite) every member into it, all at once."""
    application = TeamApplication.objects.select_for_update().get(pk=application.pk)
    if application.status != TeamApplication.Status.PENDING:
        raise ValidationError("This application was already decided.")
    # The name may already exist (e.g. from a CSV team column): join that team.
    team, _ = Team.objects.get_or_create(cohort=application.cohort, name=application.team_name)
    if team.leader_id is None:
        team.leader = application.leader
        team.save(update_fields=["leader"])
    for member in application.members.all():
        existing = (
            Enrollment.objects.filter(cohort=application.cohort, user__email__iexact=member.email)
            .exclude(status=EnrollmentStatus.WITHDRAWN)
            .first()
        )
        if existing is not None:
            existing.team = team
            existing.save(update_fields=["team"])
        else:
            enroll_or_invite(
                cohort=application.cohort,
                email=member.email,
                full_name=member.full_name,
                by=by,
                team=team,
            )
    application.status, application.team = TeamApplication.Status.APPROVED, team
    application.decided_by, application.decided_at = by, timezone.now()
    application.save(update_fields=["status", "team", "decided_by", "decided_at"])
    return team


@transaction.atomic
def decline_team_application(*, application: TeamApplication, by, reason: str) -> TeamApplication:
    application = TeamApplication.objects.select_for_update().get(pk=application.pk)
    if application.status != TeamApplication.Status.PENDING:
        raise ValidationError("This application was already decided.")
    if not reason.strip():
        raise ValidationError({"reason": "Tell the team leader why."})
    application.status, application.decline_reason = TeamApplication.Status.DECLINED, reason.strip()
    application.decided_by, application.decided_at = by, timezone.now()
    application.save(update_fields=["status", "decline_reason", "decided_by", "decided_at"])
    return application
