"""A whole course as one portable file: `course.json` plus the attachment files, in a zip.

`export_course_zip` writes what `course_document` describes. `import_course_zip` reads such a zip
back as a new draft course: it first checks the entire document, and every attachment's bytes,
collecting each problem with its JSON path (`$.modules[2].lessons[0].kind`); only when there are
none does it create the course, through the ordinary services, in one transaction.

The document holds what a trainer wrote, never what the site derives or owns: no ids, no
body_html (re-rendered and sanitized on import), no status (an import is a draft), no authors.
"""

import json
import os
import re
import zipfile
from collections import deque
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import PurePosixPath
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models, transaction
from django.template.defaultfilters import filesizeformat
from django.utils.text import get_valid_filename

from courses import services as course_services
from courses.models import Course
from dbt_training.core.errors import error_text
from dbt_training.core.text import strip_control_characters_from

from . import services
from .content import video_embed_url
from .files import ZIP_ERRORS, check_attachment
from .models import Lesson, LessonAttachment, Module

FORMAT = "dbt-training-course"
VERSION = 1

DOCUMENT_NAME = "course.json"
# course.json is read into memory whole; a long course is a few hundred kilobytes.
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
NOT_AN_EXPORT = "This is not a course export (a .zip with course.json)."

# The format is a contract, so its fields are listed here rather than borrowed from the services.
COURSE_KEYS = (
    "slug",
    "title",
    "summary",
    "audience",
    "learning_objectives",
    "ce_hours",
    "pass_mark",
)
MODULE_KEYS = (
    "title",
    "summary",
    "component",
    "treatment_priority",
    "skills_module",
    "release_offset_days",
    "due_offset_days",
)
LESSON_KEYS = ("title", "kind", "body_markdown", "estimated_minutes", "video_url", "required")
ATTACHMENT_KEYS = ("title", "kind", "file")

Source = str | os.PathLike[str] | IO[bytes]
JSON = Any  # whatever json.loads returns

# What reading a damaged or exotic zip member can raise (encrypted: RuntimeError; unknown
# compression: NotImplementedError; truncated: EOFError; corrupt: BadZipFile or zlib.error).
_ZIP_ERRORS = ZIP_ERRORS
_INTEGER_RANGES = {
    "PositiveSmallIntegerField": (0, 32767),
    "PositiveIntegerField": (0, 2147483647),
}


class ImportProblems(Exception):
    """Why a course export cannot be imported: (JSON path, message) pairs, in document order."""

    def __init__(self, problems: list[tuple[str, str]]):
        self.problems = list(problems)
        super().__init__(str(self))

    def __str__(self) -> str:
        return "\n".join(f"{path}: {message}" for path, message in self.problems)


# --- export -------------------------------------------------------------------------------------


def course_document(course: Course) -> dict[str, JSON]:
    """The whole course as plain JSON data (see the module docstring for what is left out)."""
    document, _files = _document_and_files(course)
    return document


def export_course_zip(course: Course, destination: Source) -> None:
    """Write course.json and every attachment's bytes (at its "file" path) to a zip."""
    document, files = _document_and_files(course)
    with zipfile.ZipFile(destination, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(DOCUMENT_NAME, json.dumps(document, indent=2, ensure_ascii=False))
        for member, attachment in files:
            with attachment.file.open("rb") as source, archive.open(member, "w") as target:
                while chunk := source.read(1024 * 1024):
                    target.write(chunk)


def _document_and_files(
    course: Course,
) -> tuple[dict[str, JSON], list[tuple[str, LessonAttachment]]]:
    """The document, and each attachment with its path in the zip."""
    modules = list(Module.objects.filter(course=course).outline())
    index = {module.pk: i for i, module in enumerate(modules)}
    files: list[tuple[str, LessonAttachment]] = []
    module_entries = []
    for module in modules:
        lesson_entries = []
        for lesson in module.lessons.all():
            attachment_entries = []
            for attachment in lesson.attachments.all():
                # Numbered, so that two lessons' "handout.pdf" cannot collide in the zip.
                basename = PurePosixPath(attachment.file.name).name
                member = f"attachments/{len(files) + 1}-{get_valid_filename(basename)}"
                files.append((member, attachment))
                attachment_entries.append(
                    {"title": attachment.title, "kind": attachment.kind, "file": member}
                )
            lesson_entries.append(
                {
                    **{name: getattr(lesson, name) for name in LESSON_KEYS},
                    "attachments": attachment_entries,
                }
            )
        module_entries.append(
            {
                **{name: getattr(module, name) for name in MODULE_KEYS},
                "prerequisites": [index[p.pk] for p in module.prerequisites.all()],
                "lessons": lesson_entries,
            }
        )
    course_entry = {name: getattr(course, name) for name in COURSE_KEYS}
    course_entry["ce_hours"] = f"{Decimal(course.ce_hours):.2f}"
    document = {
        "format": FORMAT,
        "version": VERSION,
        "course": course_entry,
        "modules": module_entries,
    }
    return document, files


# --- import -------------------------------------------------------------------------------------


def import_course_zip(source: Source, *, author, slug: str | None = None) -> Course:
    """Create a draft course from an export, with `author` on its team and, if given, `slug`
    instead of the document's. Raises ImportProblems, having created nothing, when the zip or
    anything in it is unusable."""
    try:
        archive = zipfile.ZipFile(source)
    except _ZIP_ERRORS:
        raise ImportProblems([("$", NOT_AN_EXPORT)]) from None
    with archive:
        document = _read_document(archive)
        plan = _Checker(archive, slug=slug).check(document)
        return _create(plan, archive, author=author)


def _read_document(archive: zipfile.ZipFile) -> JSON:
    def refuse(message: str) -> ImportProblems:
        return ImportProblems([("$", message)])

    try:
        info = archive.getinfo(DOCUMENT_NAME)
    except KeyError:
        raise refuse(f"The zip has no {DOCUMENT_NAME}, so it is not a course export.") from None
    if info.file_size > MAX_DOCUMENT_BYTES:
        raise refuse(f"{DOCUMENT_NAME} is larger than {filesizeformat(MAX_DOCUMENT_BYTES)}.")
    try:
        raw = archive.read(info)
    except _ZIP_ERRORS:
        raise refuse(f"{DOCUMENT_NAME} is damaged in the zip.") from None
    try:
        text = raw.decode("utf-8-sig")  # tolerate the byte-order mark some editors add
    except UnicodeDecodeError:
        raise refuse(f"{DOCUMENT_NAME} is not UTF-8 text.") from None
    try:
        # Every string, keys too, through the site's one rule (a "\u0000" escape would reach
        # PostgreSQL); inside the `try`, since stripping walks as deep as the parser did.
        return strip_control_characters_from(json.loads(text))
    except json.JSONDecodeError as error:
        raise refuse(
            f"{DOCUMENT_NAME} is not valid JSON: {error.msg} "
            f"(line {error.lineno}, column {error.colno})."
        ) from None
    except RecursionError:
        raise refuse(f"{DOCUMENT_NAME} is nested too deeply.") from None


@dataclass
class _AttachmentPlan:
    path: str  # the attachment's JSON path
    title: str
    member: str  # its file in the zip


@dataclass
class _LessonPlan:
    path: str
    fields: dict[str, Any]
    attachments: list[_AttachmentPlan]


@dataclass
class _ModulePlan:
    index: int  # its place in the document's modules
    path: str
    fields: dict[str, Any]
    prerequisites: list[int]  # indexes into the document's modules
    lessons: list[_LessonPlan]


@dataclass
class _CoursePlan:
    fields: dict[str, Any]
    modules: list[_ModulePlan]


class _Checker:
    """Walks the document, collecting every problem; returns what to create when there are none."""

    def __init__(self, archive: zipfile.ZipFile, *, slug: str | None):
        self.archive = archive
        self.slug = slug
        self.problems: list[tuple[str, str]] = []

    def problem(self, path: str, message: str) -> None:
        self.problems.append((path, message))

    def check(self, document: JSON) -> _CoursePlan:
        for name in self.archive.namelist():
            if not _is_safe_member(name):
                self.problem("$", f"The zip contains an unsafe path: “{name}”.")
        if not isinstance(document, dict):
            self.problem("$", f"Expected an object in {DOCUMENT_NAME}.")
            raise ImportProblems(self.problems)
        # Past a wrong format or version nothing else can be judged; stop there.
        known = len(self.problems)
        if document.get("format") != FORMAT:
            self.problem("$.format", f"Expected “{FORMAT}”: this is not a course export.")
        elif type(document.get("version")) is not int or document["version"] != VERSION:
            self.problem(
                "$.version",
                f"This site reads version {VERSION} of the course format, "
                f"not {json.dumps(document.get('version'))}.",
            )
        if len(self.problems) > known:
            raise ImportProblems(self.problems)
        self.unknown_keys(document, "$", ("format", "version", "course", "modules"))
        if "course" in document:
            course_fields = self.course(document["course"], "$.course")
        else:
            self.problem("$.course", "This field is required.")
            course_fields = {}
        modules = self.modules(document.get("modules", []), "$.modules")
        if self.problems:
            raise ImportProblems(self.problems)
        return _CoursePlan(course_fields, modules)

    # --- shapes ---

    def as_object(self, value: JSON, path: str, keys: Collection[str]) -> dict | None:
        if not isinstance(value, dict):
            self.problem(path, "Expected an object.")
            return None
        self.unknown_keys(value, path, keys)
        return value

    def as_list(self, value: JSON, path: str) -> list:
        if not isinstance(value, list):
            self.problem(path, "Expected a list.")
            return []
        return value

    def unknown_keys(self, data: dict, path: str, keys: Collection[str]) -> None:
        # A misspelt key would otherwise be dropped without a word.
        for key in data:
            if key not in keys:
                self.problem(_child(path, key), "Unknown field.")

    def fields(
        self, data: dict, path: str, model: type[models.Model], names: Collection[str]
    ) -> dict[str, Any]:
        """The named fields, checked against the model's own fields. A missing key is left out
        (so the model's default applies) unless the field is required."""
        cleaned = {}
        for name in names:
            field = model._meta.get_field(name)
            if name not in data:
                if not field.blank and not field.has_default():
                    self.problem(f"{path}.{name}", "This field is required.")
                continue
            try:
                cleaned[name] = _clean(field, data[name])
            except ValidationError as error:
                self.problem(f"{path}.{name}", error_text(error))
        return cleaned

    # --- the document ---

    def course(self, value: JSON, path: str) -> dict[str, Any]:
        data = self.as_object(value, path, COURSE_KEYS)
        if data is None:
            return {}
        if self.slug is None:
            cleaned = self.fields(data, path, Course, COURSE_KEYS)
        else:
            # The caller's slug replaces the document's, and is checked as if written there.
            cleaned = self.fields(data, path, Course, [n for n in COURSE_KEYS if n != "slug"])
            cleaned |= self.fields({"slug": self.slug}, path, Course, ["slug"])
        if "slug" in cleaned and Course.objects.filter(slug=cleaned["slug"]).exists():
            self.problem(
                f"{path}.slug",
                f"A course with the slug “{cleaned['slug']}” already exists; choose another slug.",
            )
        return cleaned

    def modules(self, value: JSON, path: str) -> list[_ModulePlan]:
        items = self.as_list(value, path)
        plans = []
        for i, item in enumerate(items):
            at = f"{path}[{i}]"
            data = self.as_object(item, at, (*MODULE_KEYS, "prerequisites", "lessons"))
            if data is None:
                continue
            fields = self.fields(data, at, Module, MODULE_KEYS)
            due = fields.get("due_offset_days")
            release = fields.get("release_offset_days", 0)
            release_ok = "release_offset_days" in fields or "release_offset_days" not in data
            if due is not None and release_ok and due < release:
                self.problem(
                    f"{at}.due_offset_days",
                    f"Must not be before the release day ({release}).",
                )
            prerequisites = self.prerequisites(
                data.get("prerequisites", []), f"{at}.prerequisites", i, len(items)
            )
            lessons = self.lessons(data.get("lessons", []), f"{at}.lessons")
            plans.append(_ModulePlan(i, at, fields, prerequisites, lessons))
        self.cycles(plans, path)
        return plans

    def prerequisites(self, value: JSON, path: str, own: int, count: int) -> list[int]:
        indexes = set()
        for k, index in enumerate(self.as_list(value, path)):
            if type(index) is not int:
                self.problem(f"{path}[{k}]", "Expected the index of a module (0 for the first).")
            elif index == own:
                self.problem(f"{path}[{k}]", "A module cannot be its own prerequisite.")
            elif not 0 <= index < count:
                self.problem(
                    f"{path}[{k}]",
                    f"There is no module {index}; modules are numbered 0 to {count - 1}.",
                )
            else:
                indexes.add(index)
        return sorted(indexes)

    def cycles(self, plans: list[_ModulePlan], path: str) -> None:
        """Report each circle of prerequisites once, at its first module."""
        by_index = {p.index: p for p in plans}
        edges = {p.index: p.prerequisites for p in plans}

        def label(j: int) -> str:
            title = by_index[j].fields.get("title")
            return f"module {j} “{title}”" if title else f"module {j}"

        covered: set[int] = set()
        for i in sorted(edges):
            if i in covered:
                continue
            circle = _circle_through(i, edges)
            if circle:
                covered.update(circle)
                self.problem(
                    f"{path}[{i}].prerequisites",
                    "These modules require each other in a circle: "
                    + " → ".join(label(j) for j in circle)
                    + ".",
                )

    def lessons(self, value: JSON, path: str) -> list[_LessonPlan]:
        plans = []
        for j, item in enumerate(self.as_list(value, path)):
            at = f"{path}[{j}]"
            data = self.as_object(item, at, (*LESSON_KEYS, "attachments"))
            if data is None:
                continue
            fields = self.fields(data, at, Lesson, LESSON_KEYS)
            if fields.get("video_url") and video_embed_url(fields["video_url"]) is None:
                self.problem(f"{at}.video_url", "Use a YouTube or Vimeo link to a single video.")
            attachments = self.attachments(data.get("attachments", []), f"{at}.attachments")
            plans.append(_LessonPlan(at, fields, attachments))
        return plans

    def attachments(self, value: JSON, path: str) -> list[_AttachmentPlan]:
        plans = []
        for k, item in enumerate(self.as_list(value, path)):
            at = f"{path}[{k}]"
            # "kind" is informative only: the file's own bytes decide its kind.
            data = self.as_object(item, at, ATTACHMENT_KEYS)
            if data is None:
                continue
            fields = self.fields(data, at, LessonAttachment, ["title"])
            member = self.attachment_file(data, f"{at}.file")
            if "title" in fields and member is not None:
                plans.append(_AttachmentPlan(at, fields["title"], member))
        return plans

    def attachment_file(self, data: dict, path: str) -> str | None:
        """The zip member holding the attachment, once its size and real type are checked."""
        if "file" not in data:
            self.problem(path, "This field is required.")
            return None
        name = data["file"]
        if not isinstance(name, str):
            self.problem(path, "Expected a string.")
            return None
        if not _is_safe_member(name):
            self.problem(path, "Must be a relative path inside the zip, without “..”.")
            return None
        try:
            info = self.archive.getinfo(name)
        except KeyError:
            info = None
        if info is None or info.is_dir():
            self.problem(path, f"“{name}” is not in the zip.")
            return None
        # Judged on the declared size before anything is read: a zip can inflate enormously.
        limit = settings.LESSON_ATTACHMENT_MAX_BYTES
        if info.file_size > limit:
            self.problem(
                path,
                f"“{name}” is {filesizeformat(info.file_size)}; attachments may be at most "
                f"{filesizeformat(limit)}.",
            )
            return None
        try:
            check_attachment(_upload(self.archive, name))
        except _ZIP_ERRORS:
            self.problem(path, f"“{name}” is damaged in the zip.")
            return None
        except ValidationError as error:
            self.problem(path, error_text(error))
            return None
        return name


def _clean(field: models.Field, value: JSON) -> Any:
    """The JSON value as the model field stores it, or a ValidationError. Stricter about types
    than Field.clean, which would turn 5 into "5" for a title and "5" into 5 for a number."""
    if value is None and field.null:
        return None
    if isinstance(field, models.DecimalField):
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise ValidationError("Expected a decimal number such as “12.50”.")
        try:
            value = Decimal(str(value))
        except InvalidOperation:
            raise ValidationError("Expected a decimal number such as “12.50”.") from None
        if not value.is_finite() or value < 0:
            raise ValidationError("Expected a decimal number of 0 or more.")
    elif isinstance(field, models.IntegerField):
        low, high = _INTEGER_RANGES[field.get_internal_type()]
        if type(value) is not int or not low <= value <= high:
            raise ValidationError(f"Expected a whole number from {low} to {high}.")
    elif isinstance(field, models.BooleanField):
        if type(value) is not bool:
            raise ValidationError("Expected true or false.")
    elif isinstance(field, models.CharField | models.TextField):
        if not isinstance(value, str):
            raise ValidationError("Expected a string.")
        if not field.blank and not value.strip():
            raise ValidationError("This field is required.")
        allowed = [str(choice) for choice, _label in field.choices or ()]
        if value and allowed and value not in allowed:
            raise ValidationError(f"“{value}” is not one of: {', '.join(allowed)}.")
    else:  # pragma: no cover - a field type this format does not use
        raise TypeError(f"No JSON rule for {field!r}.")
    field.run_validators(value)  # max length, slug, URL, pass mark at most 100, decimal digits
    return value


# The exporter's "<n>-" numbering, removed again so that a round trip keeps the file's name.
_EXPORT_NUMBER = re.compile(r"^\d+-(?=[^.])")


def _upload(archive: zipfile.ZipFile, member: str) -> SimpleUploadedFile:
    name = _EXPORT_NUMBER.sub("", PurePosixPath(member).name, count=1)
    return SimpleUploadedFile(name, archive.read(member))


def _is_safe_member(name: str) -> bool:
    """Relative and without "..": nothing that could point outside an unpacked export."""
    parts = re.split(r"[\\/]", name)
    return not (name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name) or ".." in parts)


def _child(path: str, key: str) -> str:
    return f"{path}.{key}" if key.isidentifier() else f"{path}[{json.dumps(key)}]"


def _circle_through(start: int, edges: dict[int, list[int]]) -> list[int]:
    """The shortest path start → ... → start along `edges` (breadth-first), or []."""
    parents: dict[int, int] = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for nxt in edges.get(node, ()):
            if nxt == start:
                path = [node]
                while path[-1] != start:
                    path.append(parents[path[-1]])
                return [*reversed(path), start]
            if nxt not in parents:
                parents[nxt] = node
                queue.append(nxt)
    return []


def _create(plan: _CoursePlan, archive: zipfile.ZipFile, *, author) -> Course:
    stored: list[LessonAttachment] = []
    try:
        with transaction.atomic():
            with _service_errors("$.course"):
                course = course_services.create_course(author=author, **plan.fields)
            modules = []
            for entry in plan.modules:
                with _service_errors(entry.path):
                    modules.append(services.add_module(course=course, **entry.fields))
            # Only once every module exists can each one name its prerequisites.
            for entry, module in zip(plan.modules, modules, strict=True):
                if entry.prerequisites:
                    with _service_errors(entry.path):
                        services.set_prerequisites(
                            module=module, prerequisites=[modules[i] for i in entry.prerequisites]
                        )
            for entry, module in zip(plan.modules, modules, strict=True):
                for lesson_entry in entry.lessons:
                    with _service_errors(lesson_entry.path):
                        lesson = services.add_lesson(module=module, **lesson_entry.fields)
                    for item in lesson_entry.attachments:
                        with _service_errors(item.path, rename={"upload": "file"}):
                            stored.append(
                                services.add_attachment(
                                    lesson=lesson,
                                    title=item.title,
                                    upload=_upload(archive, item.member),
                                )
                            )
    except BaseException:
        # The rows are rolled back; the files stored so far are outside the transaction.
        for attachment in stored:
            attachment.file.storage.delete(attachment.file.name)
        raise
    return course


@contextmanager
def _service_errors(path: str, *, rename: dict[str, str] | None = None) -> Iterator[None]:
    """A service's ValidationError as ImportProblems at `path` (or at `path.field`)."""
    try:
        yield
    except ValidationError as error:
        if not hasattr(error, "error_dict"):
            raise ImportProblems([(path, message) for message in error.messages]) from error
        raise ImportProblems(
            [
                (
                    path
                    if name == NON_FIELD_ERRORS
                    else f"{path}.{(rename or {}).get(name, name)}",
                    message,
                )
                for name, messages in error.message_dict.items()
                for message in messages
            ]
        ) from error
