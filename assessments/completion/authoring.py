"""Authoring a course's completion rules and its CE approvals (trainers and admins), and its
program signatory (enrollment admins).

Certificates copy an approval's body, statement, number, period and hours, and the signatory's
name, title and image, when they are issued, so changing or deleting them never changes a
certificate already given.
"""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.db.models.signals import post_delete, post_save

from assessments.completion.signatures import check_signature
from assessments.models import CompletionRules, CourseApproval, ProgramSignatory
from courses.models import Course
from modules.progress import outline_changed

RULE_FIELDS = (
    "require_lessons",
    "require_post_test",
    "require_assignments",
    "require_evaluation",
    "min_attendance_percent",
    "participation_letter_percent",
)


@transaction.atomic
def save_completion_rules(*, course: Course, by, **fields) -> CompletionRules:
    """Set what a trainee must have done for the course's certificate; the first save creates
    the course's rules (until then the defaults apply)."""
    unknown = sorted(set(fields) - set(RULE_FIELDS))
    if unknown:
        raise TypeError(f"Unknown completion rule fields: {', '.join(unknown)}")
    # The course row is the lock: two first saves at once would both try to create the rules.
    Course.objects.select_for_update().get(pk=course.pk)
    rules = CompletionRules.objects.filter(course=course).first() or CompletionRules(course=course)
    for name, value in fields.items():
        setattr(rules, name, value)
    rules.updated_by = by if by is not None and by.is_authenticated else None
    rules.full_clean(exclude=["course", "updated_by"])
    rules.save()
    return rules


@transaction.atomic
def add_approval(
    *,
    course: Course,
    profession: str,
    accrediting_body: str,
    approval_statement: str,
    ce_hours: Decimal | None = None,
    approval_number: str = "",
    valid_from: date | None = None,
    valid_until: date | None = None,
    requires_license: bool = False,
) -> CourseApproval:
    """Add a CE approval at the end of the course's list."""
    # The course row is the lock for its approvals: one name per profession, positions in order.
    Course.objects.select_for_update().get(pk=course.pk)
    last = CourseApproval.objects.filter(course=course).aggregate(last=Max("position"))["last"]
    approval = CourseApproval(course=course, position=(last or 0) + 1)
    return _save_approval(
        approval,
        profession=profession,
        accrediting_body=accrediting_body,
        approval_statement=approval_statement,
        ce_hours=ce_hours,
        approval_number=approval_number,
        valid_from=valid_from,
        valid_until=valid_until,
        requires_license=requires_license,
    )


@transaction.atomic
def update_approval(
    *,
    approval: CourseApproval,
    profession: str,
    accrediting_body: str,
    approval_statement: str,
    ce_hours: Decimal | None = None,
    approval_number: str = "",
    valid_from: date | None = None,
    valid_until: date | None = None,
    requires_license: bool = False,
) -> CourseApproval:
    """Change an approval; certificates already issued keep what it said then."""
    Course.objects.select_for_update().get(pk=approval.course_id)
    approval = CourseApproval.objects.get(pk=approval.pk)
    return _save_approval(
        approval,
        profession=profession,
        accrediting_body=accrediting_body,
        approval_statement=approval_statement,
        ce_hours=ce_hours,
        approval_number=approval_number,
        valid_from=valid_from,
        valid_until=valid_until,
        requires_license=requires_license,
    )


@transaction.atomic
def delete_approval(*, approval: CourseApproval) -> None:
    """Remove an approval; certificates issued under it keep their copy of its wording."""
    CourseApproval.objects.filter(pk=approval.pk).delete()


def _save_approval(approval: CourseApproval, **fields) -> CourseApproval:
    fields["profession"] = " ".join((fields["profession"] or "").split())
    fields["accrediting_body"] = " ".join((fields["accrediting_body"] or "").split())
    fields["approval_statement"] = (fields["approval_statement"] or "").strip()
    fields["approval_number"] = " ".join((fields["approval_number"] or "").split())
    problem = period_problem(fields["valid_from"], fields["valid_until"])
    if problem:
        raise ValidationError({"valid_until": problem})
    taken = (
        CourseApproval.objects.filter(
            course_id=approval.course_id, profession__iexact=fields["profession"]
        )
        .exclude(pk=approval.pk)
        .exists()
    )
    if fields["profession"] and taken:
        # Trainees pick by profession when claiming: two lines with one name would be ambiguous.
        raise ValidationError(
            {"profession": f"This course already has an approval for “{fields['profession']}”."}
        )
    for name, value in fields.items():
        setattr(approval, name, value)
    approval.full_clean(exclude=["course"])
    approval.save()
    return approval


def period_problem(valid_from: date | None, valid_until: date | None) -> str:
    """What is wrong with an approval's valid period ("" when nothing)."""
    if valid_from and valid_until and valid_until < valid_from:
        return "The approval cannot end before it starts: give an end on or after the start."
    return ""


@transaction.atomic
def set_program_signatory(
    *, course: Course, name: str, title: str, signature=None, by
) -> ProgramSignatory:
    """Name the person responsible for the course's CE program; a new signature image (an
    upload, checked by its content) replaces the one certificates will print from now on. The
    replaced image stays in storage: certificates already issued keep printing it."""
    name, title = " ".join((name or "").split()), " ".join((title or "").split())
    checked = check_signature(signature) if signature else None
    # The course row is the lock: two first saves at once would both create the signatory.
    Course.objects.select_for_update().get(pk=course.pk)
    signatory = ProgramSignatory.objects.filter(course=course).first() or ProgramSignatory(
        course=course
    )
    signatory.name, signatory.title = name, title
    signatory.updated_by = by if by is not None and by.is_authenticated else None
    signatory.full_clean(exclude=["course", "updated_by", "signature"])
    if checked is not None:
        # Checked before anything is stored; the storage picks a free name, never overwriting.
        signatory.signature.save(
            f"signature-{course.pk}.{checked.extension}", signature, save=False
        )
    signatory.save()
    return signatory


def copy_completion(new_by_old: dict) -> None:
    """Copy the course's completion rules and CE approvals into its duplicate (registered with
    `modules.activities`, which `duplicate_course` asks). Two reads and at most two inserts,
    however many approvals. A course without modules has nothing to copy them through."""
    if not new_by_old:
        return
    any_module_id = next(iter(new_by_old))
    new_course_id = new_by_old[any_module_id].course_id
    rules = CompletionRules.objects.filter(course__modules__pk=any_module_id).first()
    if rules is not None:
        CompletionRules.objects.create(
            course_id=new_course_id, **{name: getattr(rules, name) for name in RULE_FIELDS}
        )
    CourseApproval.objects.bulk_create(
        CourseApproval(
            course_id=new_course_id,
            profession=approval.profession,
            accrediting_body=approval.accrediting_body,
            approval_statement=approval.approval_statement,
            ce_hours=approval.ce_hours,
            approval_number=approval.approval_number,
            valid_from=approval.valid_from,
            valid_until=approval.valid_until,
            requires_license=approval.requires_license,
            position=approval.position,
        )
        for approval in CourseApproval.objects.filter(course__modules__pk=any_module_id)
    )


def _approvals_changed(sender, instance, **kwargs) -> None:
    # Trainee pages read a course's approvals from each process's memory, kept under the
    # course's outline stamp (`checklists.course_approvals`): renewing the stamp makes every
    # process read them again, whoever changed them (these services, the admin, a shell).
    outline_changed([instance.course_id])


# Connected when the app is ready (its AppConfig imports this module).
for _signal in (post_save, post_delete):
    _signal.connect(_approvals_changed, sender=CourseApproval, dispatch_uid="completion-approvals")
