"""Every change to a course's modules, lessons and attachments, and to its publication."""

from collections.abc import Iterable
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from courses.models import Course, CourseStatus, EnrollmentStatus
from courses.services import COURSE_FIELDS, create_course
from dbt_training.core.errors import Refused

from . import activities, publication
from .content import render_markdown, video_embed_url
from .files import check_attachment
from .models import Lesson, LessonAttachment, LessonProgress, Module
from .progress import cohort_progress, note_completion, note_view, outline_changed

MODULE_FIELDS = (
    "title",
    "summary",
    "component",
    "components",
    "treatment_priorities",
    "skills_modules",
    "treatment_stage",
    "release_offset_days",
    "due_offset_days",
)
LESSON_FIELDS = ("title", "kind", "body_markdown", "estimated_minutes", "video_url", "required")


# --- modules ------------------------------------------------------------------------------------


@transaction.atomic
def add_module(
    *,
    course: Course,
    prerequisites: Iterable[Module] = (),
    team_gate: Module | None = None,
    **fields,
) -> Module:
    """Append a module to the end of the course."""
    Course.objects.select_for_update().get(pk=course.pk)  # one writer of positions at a time
    last = course.modules.aggregate(last=Max("position"))["last"]
    module = Module(
        course=course, position=(last or 0) + 1, team_gate=team_gate, **_pick(fields, MODULE_FIELDS)
    )
    module.full_clean()
    module.save()
    set_prerequisites(module=module, prerequisites=prerequisites)
    return module


@transaction.atomic
def update_module(
    *, module: Module, prerequisites: Iterable[Module] | None = None, **fields
) -> Module:
    for name, value in _pick(fields, (*MODULE_FIELDS, "team_gate")).items():
        setattr(module, name, value)
    module.full_clean()
    module.save()
    if prerequisites is not None:
        set_prerequisites(module=module, prerequisites=prerequisites)
    return module


@transaction.atomic
def set_prerequisites(*, module: Module, prerequisites: Iterable[Module]) -> None:
    """Replace the module's prerequisites; refuses other courses' modules and any cycle."""
    wanted = {p.pk: p for p in prerequisites}
    if module.pk in wanted:
        raise ValidationError({"prerequisites": "A module cannot be its own prerequisite."})
    if any(p.course_id != module.course_id for p in wanted.values()):
        raise ValidationError(
            {"prerequisites": "Prerequisites must be modules of the same course."}
        )
    # The course's prerequisite graph as it would be after the change, in one query.
    edges: dict[int, set[int]] = {}
    through = Module.prerequisites.through
    for from_id, to_id in through.objects.filter(
        from_module__course_id=module.course_id
    ).values_list("from_module_id", "to_module_id"):
        edges.setdefault(from_id, set()).add(to_id)
    edges[module.pk] = set(wanted)
    cycle = _find_path(edges, start=set(wanted), target=module.pk)
    if cycle:
        names = dict(Module.objects.filter(pk__in=cycle).values_list("pk", "title"))
        chain = " → ".join(names[pk] for pk in [module.pk, *cycle])
        raise ValidationError(
            {"prerequisites": f"That would make a circle of prerequisites: {chain}."}
        )
    module.prerequisites.set(wanted.values())


def _find_path(edges: dict[int, set[int]], *, start: set[int], target: int) -> list[int]:
    """A path from one of `start` to `target` along `edges` (depth-first), or []."""
    stack = [(node, [node]) for node in start]
    seen: set[int] = set()
    while stack:
        node, path = stack.pop()
        if node == target:
            return path
        if node in seen:
            continue
        seen.add(node)
        stack.extend((nxt, [*path, nxt]) for nxt in edges.get(node, ()))
    return []


@transaction.atomic
def delete_module(*, module: Module) -> None:
    course = Course.objects.select_for_update().get(pk=module.course_id)
    # Submitted attempts and handed-in work are CE records: they must outlive course edits.
    problems = activities.records_in(module)
    if problems:
        raise ValidationError(problems)
    for attachment in LessonAttachment.objects.filter(lesson__module=module):
        _delete_file_after_commit(attachment)
    module.delete()
    _keep_published_course_whole(course)
    renumber(course.modules.order_by("position"))


@transaction.atomic
def move_module(*, module: Module, offset: int) -> Module:
    """Move a module up (offset -1) or down (+1) in its course; at an end, nothing changes."""
    Course.objects.select_for_update().get(pk=module.course_id)
    moved = move_among(
        module, list(Module.objects.filter(course_id=module.course_id).order_by("position")), offset
    )
    outline_changed([module.course_id])  # positions change by bulk update, which sends no signal
    return moved


# --- lessons ------------------------------------------------------------------------------------


@transaction.atomic
def add_lesson(*, module: Module, **fields) -> Lesson:
    Module.objects.select_for_update().get(pk=module.pk)
    last = module.lessons.aggregate(last=Max("position"))["last"]
    lesson = Lesson(module=module, position=(last or 0) + 1)
    return _save_lesson(lesson, fields)


@transaction.atomic
def update_lesson(*, lesson: Lesson, **fields) -> Lesson:
    return _save_lesson(lesson, fields)


def _save_lesson(lesson: Lesson, fields: dict) -> Lesson:
    for name, value in _pick(fields, LESSON_FIELDS).items():
        setattr(lesson, name, value)
    if lesson.video_url and video_embed_url(lesson.video_url) is None:
        raise ValidationError({"video_url": "Use a YouTube or Vimeo link to a single video."})
    # Rendered and sanitized here, once; pages print body_html as stored.
    lesson.body_html = render_markdown(lesson.body_markdown)
    lesson.full_clean()
    lesson.save()
    return lesson


@transaction.atomic
def delete_lesson(*, lesson: Lesson) -> None:
    module = Module.objects.select_for_update().get(pk=lesson.module_id)
    for attachment in lesson.attachments.all():
        _delete_file_after_commit(attachment)
    lesson.delete()
    _keep_published_course_whole(module.course)
    renumber(module.lessons.order_by("position"))


@transaction.atomic
def move_lesson(*, lesson: Lesson, offset: int) -> Lesson:
    module = Module.objects.select_for_update().get(pk=lesson.module_id)
    moved = move_among(
        lesson, list(Lesson.objects.filter(module_id=lesson.module_id).order_by("position")), offset
    )
    outline_changed([module.course_id])  # positions change by bulk update, which sends no signal
    return moved


# --- attachments --------------------------------------------------------------------------------


@transaction.atomic
def add_attachment(*, lesson: Lesson, title: str, upload) -> LessonAttachment:
    """Store an uploaded file after checking its size and its real type."""
    try:
        kind = check_attachment(upload)
    except ValidationError as error:
        raise ValidationError({"upload": error.messages}) from None
    attachment = LessonAttachment(
        lesson=lesson, title=title.strip() or upload.name[:200], kind=kind, size=upload.size
    )
    attachment.file.save(upload.name, upload, save=False)
    try:
        attachment.full_clean()
        attachment.save()
    except Exception:
        attachment.file.delete(save=False)
        raise
    return attachment


@transaction.atomic
def delete_attachment(*, attachment: LessonAttachment) -> None:
    _delete_file_after_commit(attachment)
    attachment.delete()


def _delete_file_after_commit(attachment: LessonAttachment) -> None:
    # The file goes only once the row is gone for good; a rolled-back delete keeps both.
    storage, name = attachment.file.storage, attachment.file.name
    transaction.on_commit(lambda: storage.delete(name))


# --- publication --------------------------------------------------------------------------------


def _keep_published_course_whole(course: Course) -> None:
    # A published course keeps what publishing required; the caller's transaction rolls back.
    if course.status == CourseStatus.PUBLISHED and publication_problems(course):
        raise ValidationError(
            "A published course must keep at least one module with a lesson. "
            "Unpublish the course first."
        )


def publication_problems(course: Course) -> list[str]:
    """What stops the course from being published; empty when it may go live."""
    if not Lesson.objects.filter(module__course=course).exists():
        return ["Add at least one module with a lesson before publishing."]
    return []


@transaction.atomic
def publish_course(*, course: Course, by=None) -> Course:
    """Put the course in the catalogue. When a draft goes live, what higher apps registered in
    `modules.publication` runs in this transaction (the CE checks are recorded); their notes for
    the person publishing come back as `course.publication_notes` (empty when it was live)."""
    course = Course.objects.select_for_update().get(pk=course.pk)
    problems = publication_problems(course)
    if problems:
        raise ValidationError(problems)
    course.publication_notes = []
    if course.status != CourseStatus.PUBLISHED:
        course.status = CourseStatus.PUBLISHED
        course.published_at = timezone.now()
        course.save(update_fields=["status", "published_at", "updated_at"])
        course.publication_notes = publication.course_published(course=course, by=by)
    return course


@transaction.atomic
def unpublish_course(*, course: Course) -> Course:
    course = Course.objects.select_for_update().get(pk=course.pk)
    course.status = CourseStatus.DRAFT
    course.save(update_fields=["status", "updated_at"])
    return course


# --- new versions -------------------------------------------------------------------------------


@transaction.atomic
def duplicate_course(*, course: Course, author, title: str, slug: str) -> Course:
    """A deep copy as a new draft: modules, prerequisites, lessons, attachment files, and what
    higher apps registered in `modules.activities` (quizzes with their questions)."""
    copy = create_course(
        author=author,
        **{**{name: getattr(course, name) for name in COURSE_FIELDS}, "title": title, "slug": slug},
    )
    copy.authors.add(*course.authors.all())
    modules = list(Module.objects.filter(course=course).outline())
    new_modules = Module.objects.bulk_create(
        Module(course=copy, position=m.position, **{f: getattr(m, f) for f in MODULE_FIELDS})
        for m in modules
    )
    new_by_old = {old.pk: new for old, new in zip(modules, new_modules, strict=True)}
    gated = []  # a team gate points at a module of the copy, not of the original
    for old, new in zip(modules, new_modules, strict=True):
        if old.team_gate_id:
            new.team_gate = new_by_old[old.team_gate_id]
            gated.append(new)
    Module.objects.bulk_update(gated, ["team_gate"])
    Module.prerequisites.through.objects.bulk_create(
        Module.prerequisites.through(from_module=new_by_old[m.pk], to_module=new_by_old[p.pk])
        for m in modules
        for p in m.prerequisites.all()
    )
    lessons = [lesson for m in modules for lesson in m.lessons.all()]
    new_lessons = Lesson.objects.bulk_create(
        Lesson(
            module=new_by_old[lesson.module_id],
            position=lesson.position,
            body_html=lesson.body_html,
            **{f: getattr(lesson, f) for f in LESSON_FIELDS},
        )
        for lesson in lessons
    )
    activities.copy_items(new_by_old)  # quizzes (and later assignments) come along
    copied: list[LessonAttachment] = []
    try:
        for old, new in zip(lessons, new_lessons, strict=True):
            for attachment in old.attachments.all():
                duplicate = LessonAttachment(
                    lesson=new, title=attachment.title, kind=attachment.kind, size=attachment.size
                )
                try:
                    source = attachment.file.open("rb")
                except FileNotFoundError:
                    raise ValidationError(
                        f"The file of “{attachment.title}” is missing from storage; remove or "
                        "upload it again before duplicating."
                    ) from None
                with source:
                    name = PurePath(attachment.file.name).name
                    duplicate.file.save(name, File(source), save=False)
                copied.append(duplicate)
                duplicate.save()
    except Exception:
        # The rows roll back with the transaction; the copied files must go by hand.
        for duplicate in copied:
            duplicate.file.delete(save=False)
        raise
    outline_changed([copy.pk])  # modules and lessons came by bulk create, which sends no signal
    return copy


# --- helpers ------------------------------------------------------------------------------------


def _pick(fields: dict, allowed: tuple[str, ...]) -> dict:
    return {name: fields[name] for name in allowed if name in fields}


def move_among(item, siblings: list, offset: int):
    index = next(i for i, sibling in enumerate(siblings) if sibling.pk == item.pk)
    target = index + offset
    if offset not in (-1, 1) or not 0 <= target < len(siblings):
        return item
    siblings[index], siblings[target] = siblings[target], siblings[index]
    renumber(siblings)
    item.refresh_from_db(fields=["position"])
    return item


def renumber(items: Iterable) -> None:
    changed = []
    for position, item in enumerate(items, start=1):
        if item.position != position:
            item.position = position
            changed.append(item)
    if changed:
        type(changed[0]).objects.bulk_update(changed, ["position"])


# --- trainee progress ---------------------------------------------------------------------------


class LessonLocked(Refused):
    """The lesson's module is not open to this trainee; `reason` says why, for the page."""


def check_lesson_open(*, enrollment, lesson: Lesson, now=None) -> None:
    state = cohort_progress(enrollment, now=now).state_of(lesson.module_id)
    if state is None:
        raise LessonLocked("This lesson is not part of your cohort's course.")
    if not state.is_open:
        raise LessonLocked(state.lock_reason)


# The first view inserts the row; a later one moves `last_viewed_at` forward, never back (two
# nodes' clocks may differ a little): one statement either way, on PostgreSQL and SQLite alike.
_RECORD_VIEW = """
    INSERT INTO {table} AS lp (enrollment_id, lesson_id, first_viewed_at, last_viewed_at)
    VALUES (%s, %s, %s, %s)
    ON CONFLICT (enrollment_id, lesson_id) DO UPDATE SET last_viewed_at = CASE
        WHEN excluded.last_viewed_at > lp.last_viewed_at THEN excluded.last_viewed_at
        ELSE lp.last_viewed_at END
    RETURNING id, enrollment_id, lesson_id, first_viewed_at, last_viewed_at, completed_at
"""


@transaction.atomic
def record_lesson_view(*, enrollment, lesson: Lesson, now=None) -> LessonProgress:
    """Remember that the trainee opened the lesson (for "continue where I left off")."""
    now = now or timezone.now()
    moment = connection.ops.adapt_datetimefield_value(now)
    # raw() applies the fields' converters to what RETURNING gives back.
    [progress] = LessonProgress.objects.raw(
        _RECORD_VIEW.format(table=connection.ops.quote_name(LessonProgress._meta.db_table)),
        [enrollment.pk, lesson.pk, moment, moment],
    )
    note_view(progress)  # the read model, in this transaction
    return progress


@transaction.atomic
def complete_lesson(*, enrollment, lesson: Lesson, now=None) -> LessonProgress:
    """Mark the lesson complete; twice is the same as once (one row, first completion kept)."""
    if enrollment.status != EnrollmentStatus.ACTIVE:
        raise ValidationError("Only active enrollments can complete lessons.")
    check_lesson_open(enrollment=enrollment, lesson=lesson, now=now)
    now = now or timezone.now()
    progress, created = LessonProgress.objects.select_for_update().get_or_create(
        enrollment=enrollment,
        lesson=lesson,
        defaults={"first_viewed_at": now, "last_viewed_at": now},
    )
    if progress.completed_at is None:
        progress.completed_at = now
        progress.save(update_fields=["completed_at"])
    # The read model, in this transaction: a failure there undoes the completion too.
    note_completion(progress)
    if created:
        note_view(progress)
    return progress
