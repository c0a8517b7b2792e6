"""A whole course as one portable file: `course.json` plus its files, in a zip.

`export_course_zip` writes what `course_document` describes (always version 2, the format
`docs/course-package.schema.json` publishes). `import_course_zip` reads such a zip back as a new
draft course: a version 2 document is first validated against that schema, then checked for
meaning (references in range, answers complete, files usable), every problem collected with its
JSON path (`$.rubrics[0].criteria[1].levels[2].points`); only when there are none does it create
the course, through the ordinary services, in one transaction. Version 1 documents (the course,
modules, lessons and attachments only) still import.

`modules` sits below `assessments`, so quizzes, assignments, rubrics, completion rules and the
rest travel as *parts*: each concept registers, in its `AppConfig.ready()`, how to export, check
and create its part of the document (`register_part`), as course duplication's copiers do.

The document holds what a trainer wrote, never what the site derives or owns: no ids, no
rendered HTML (rendered and sanitized on import), no status (an import is a draft), no authors.
"""

import datetime
import json
import os
import re
import zipfile
from collections import deque
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path, PurePosixPath
from typing import IO, Any

import jsonschema
from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.validators import MinValueValidator
from django.db import models, transaction
from django.db.models.fields.files import FieldFile
from django.template.defaultfilters import filesizeformat
from django.utils.text import get_valid_filename

from courses import services as course_services
from courses.models import Course
from dbt_training.core.errors import error_text
from dbt_training.core.text import strip_control_characters_from

from . import services
from .content import video_embed_url
from .fields import TagListField
from .files import ZIP_ERRORS, check_attachment
from .models import Lesson, LessonAttachment, Module

FORMAT = "dbt-training-course"
VERSION = 2  # what export writes
READABLE_VERSIONS = (1, 2)
SCHEMA_PATH = Path(settings.BASE_DIR) / "docs" / "course-package.schema.json"

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
    "components",
    "treatment_priorities",
    "skills_modules",
    "treatment_stage",
    "release_offset_days",
    "due_offset_days",
)
# Version 1 and the first version 2 exports gave a module one treatment priority and one skills
# module; read still, as the only entry of the list each became (or one more entry of it).
LEGACY_MODULE_KEYS = {
    "treatment_priority": "treatment_priorities",
    "skills_module": "skills_modules",
}
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


# --- parts: what higher layers add to the document ------------------------------------------


@dataclass
class ExportContext:
    """What a part's `export` is given besides the course: the modules in document order (a
    part refers to a module by its index) and a way to put a file in the zip."""

    modules: list[Module]
    module_index: dict[int, int]  # module id → its index in the document
    files: list[tuple[str, FieldFile]] = field(default_factory=list)

    def add_file(self, folder: str, file: FieldFile, name: str = "") -> str:
        """Put the stored file in the zip under `folder`, numbered in the order added (so that
        two files of one name cannot collide, and a re-export names them alike); returns the
        member's name for the document."""
        basename = name or PurePosixPath(file.name).name
        number = sum(1 for member, _file in self.files if member.startswith(f"{folder}/")) + 1
        member = f"{folder}/{number}-{get_valid_filename(basename)}"
        self.files.append((member, file))
        return member


@dataclass
class Created:
    """What a part's `create` is given: the new course, its modules in document order, the
    importer, the zip, and what each earlier part's `create` returned (by part name)."""

    course: Course
    modules: list[Module]
    author: Any
    archive: zipfile.ZipFile
    parts: dict[str, Any] = field(default_factory=dict)
    stored: list[FieldFile] = field(default_factory=list)

    def read(self, member: str) -> bytes:
        """A file of the zip (one the part's `check` accepted)."""
        return self.archive.read(member)

    def keep(self, files: list[FieldFile]) -> None:
        """Files a part stored: deleted again if the import fails later (rows roll back, the
        storage does not)."""
        self.stored.extend(files)


@dataclass(frozen=True)
class Part:
    name: str  # its key in course.json
    export: Callable[[Course, ExportContext], JSON]
    check: Callable[[JSON, str, "Checker"], Any]
    create: Callable[[Any, Created], Any]
    empty: JSON  # what a document that leaves the part out means


_parts: dict[str, Part] = {}


def register_part(
    name: str,
    *,
    export: Callable[[Course, ExportContext], JSON],
    check: Callable[[JSON, str, "Checker"], Any],
    create: Callable[[Any, Created], Any],
    empty: JSON,
) -> None:
    """Add a part under the key `name` of version 2 documents, after those registered before.

    export(course, context) -> the part's JSON value (a fixed number of queries; files through
    `context.add_file`); check(value, path, checker) -> a plan, reporting each problem through
    `checker.problem(path, message)` (the value has passed the published schema already; other
    parts' plans are in `checker.plans`); create(plan, created) -> what later parts may need
    (`created.parts[name]`), called inside the import's transaction only when no part found a
    problem. Service errors are reported with `service_errors(path)`."""
    _parts[name] = Part(name, export, check, create, empty)


def parts() -> list[Part]:
    return list(_parts.values())


def decimal_text(value: Decimal | None, places: int) -> str | None:
    """How the document writes a decimal: a string with the field's decimal places (exact, and
    the same every export)."""
    return None if value is None else f"{Decimal(value):.{places}f}"


# --- export -------------------------------------------------------------------------------------


def course_document(course: Course) -> dict[str, JSON]:
    """The whole course as plain JSON data (see the module docstring for what is left out)."""
    document, _files = _document_and_files(course)
    return document


def document_text(document: dict[str, JSON]) -> str:
    """course.json's text: keys in the order the exporter wrote them, so that the same course
    always gives the same bytes."""
    return json.dumps(document, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def export_course_zip(course: Course, destination: Source) -> None:
    """Write course.json and every file it names (at its path in the zip) to a zip."""
    document, files = _document_and_files(course)
    with zipfile.ZipFile(destination, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(DOCUMENT_NAME, document_text(document))
        for member, file in files:
            with file.open("rb") as source, archive.open(member, "w") as target:
                while chunk := source.read(1024 * 1024):
                    target.write(chunk)


def _document_and_files(
    course: Course,
) -> tuple[dict[str, JSON], list[tuple[str, FieldFile]]]:
    """The document, and each file with its path in the zip."""
    modules = list(Module.objects.filter(course=course).outline())
    index = {module.pk: i for i, module in enumerate(modules)}
    context = ExportContext(modules=modules, module_index=index)
    module_entries = []
    for module in modules:
        lesson_entries = []
        for lesson in module.lessons.all():
            attachment_entries = [
                {
                    "title": attachment.title,
                    "kind": attachment.kind,
                    "file": context.add_file("attachments", attachment.file),
                }
                for attachment in lesson.attachments.all()
            ]
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
    course_entry["ce_hours"] = decimal_text(course.ce_hours, 2)
    document = {
        "format": FORMAT,
        "version": VERSION,
        "course": course_entry,
        "modules": module_entries,
    }
    for part in parts():
        document[part.name] = part.export(course, context)
    return document, context.files


# --- the published schema -----------------------------------------------------------------------


@cache
def package_schema() -> dict[str, JSON]:
    """docs/course-package.schema.json, read once."""
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def schema_problems(document: JSON) -> list[tuple[str, str]]:
    """Where the document breaks the published schema: (JSON path, message), in document order."""
    validator = jsonschema.Draft202012Validator(package_schema())
    found: dict[tuple[str, str], tuple] = {}
    for error in validator.iter_errors(document):
        for elements, message in _explain(error):
            key = (_json_path(elements), message)
            found.setdefault(key, _document_order(document, elements))
    return sorted(found, key=lambda key: found[key])


_TYPE_WORDS = {
    "string": "a string",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "object": "an object",
    "array": "a list",
    "null": "null",
}


def _explain(error: jsonschema.ValidationError) -> list[tuple[list, str]]:
    """One schema error in the words the v1 checks use, at the path of the field concerned."""
    at = list(error.absolute_path)
    rule, schema, instance = error.validator, error.schema, error.instance
    if rule == "required":
        return [
            (at + [name], "This field is required.")
            for name in schema["required"]
            if isinstance(instance, dict) and name not in instance
        ]
    if rule == "additionalProperties":
        known = schema.get("properties", {})
        return [(at + [key], "Unknown field.") for key in instance if key not in known]
    if rule == "type":
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        return [(at, f"Expected {' or '.join(_TYPE_WORDS[t] for t in types)}.")]
    if rule == "enum":
        allowed = ", ".join(v if isinstance(v, str) else json.dumps(v) for v in schema["enum"])
        shown = instance if isinstance(instance, str) else json.dumps(instance)
        return [(at, f"“{shown}” is not one of: {allowed}.")]
    if rule == "const":
        return [(at, f"Expected {json.dumps(schema['const'])}.")]
    if rule in ("minimum", "maximum") and "minimum" in schema and "maximum" in schema:
        return [(at, f"Expected a number from {schema['minimum']} to {schema['maximum']}.")]
    if rule == "minLength" and schema["minLength"] == 1:
        return [(at, "This field is required.")]
    if rule == "maxLength":
        return [
            (
                at,
                f"Ensure this value has at most {schema['maxLength']} characters "
                f"(it has {len(instance)}).",
            )
        ]
    if rule == "minItems":
        return [(at, f"Give at least {schema['minItems']}.")]
    if rule == "pattern" and "A decimal number" in schema.get("description", ""):
        sentence = schema["description"][schema["description"].index("A decimal number") :]
        return [(at, f"Expected a{sentence[1:]}")]
    if rule == "pattern" and "description" in schema:
        return [(at, f"Expected {schema['description'][0].lower()}{schema['description'][1:]}")]
    return [(at, error.message)]


def _json_path(elements: list) -> str:
    path = "$"
    for element in elements:
        path = f"{path}[{element}]" if isinstance(element, int) else _child(path, element)
    return path


def _document_order(document: JSON, elements: list) -> tuple:
    """A sort key putting paths in the order they appear in the document (a missing key last
    among its siblings)."""
    key, node = [], document
    for element in elements:
        if isinstance(node, dict):
            names = list(node)
            key.append(names.index(element) if element in node else len(names))
            node = node.get(element)
        elif isinstance(node, list) and isinstance(element, int) and element < len(node):
            key.append(element)
            node = node[element]
        else:
            key.append(0)
            node = None
    return tuple(key)


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
        plan = Checker(archive, slug=slug).check(document)
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
    parts: dict[str, Any] = field(default_factory=dict)  # part name → its plan


class Checker:
    """Walks the document, collecting every problem; returns what to create when there are none.
    Parts check theirs with `problem`, `fields`, `zip_member`, `module_count` and `plans`."""

    def __init__(self, archive: zipfile.ZipFile, *, slug: str | None):
        self.archive = archive
        self.slug = slug
        self.problems: list[tuple[str, str]] = []
        self.module_count = 0
        self.plans: dict[str, Any] = {}  # the plans of the parts checked so far

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
        elif (
            type(document.get("version")) is not int or document["version"] not in READABLE_VERSIONS
        ):
            self.problem(
                "$.version",
                "This site reads versions "
                + " and ".join(str(v) for v in READABLE_VERSIONS)
                + f" of the course format, not {json.dumps(document.get('version'))}.",
            )
        if len(self.problems) > known:
            raise ImportProblems(self.problems)
        version_parts = parts() if document["version"] >= 2 else []
        if version_parts:
            # The published schema first: past a wrong shape, meaning cannot be judged.
            self.problems.extend(schema_problems(document))
            if len(self.problems) > known:
                raise ImportProblems(self.problems)
        self.unknown_keys(
            document,
            "$",
            ("format", "version", "course", "modules", *(part.name for part in version_parts)),
        )
        if "course" in document:
            course_fields = self.course(document["course"], "$.course")
        else:
            self.problem("$.course", "This field is required.")
            course_fields = {}
        modules_value = document.get("modules", [])
        self.module_count = len(modules_value) if isinstance(modules_value, list) else 0
        modules = self.modules(modules_value, "$.modules")
        for part in version_parts:
            self.plans[part.name] = part.check(
                document.get(part.name, part.empty), f"$.{part.name}", self
            )
        if self.problems:
            raise ImportProblems(self.problems)
        return _CoursePlan(course_fields, modules, dict(self.plans))

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
            data = self.as_object(
                item, at, (*MODULE_KEYS, *LEGACY_MODULE_KEYS, "prerequisites", "lessons")
            )
            if data is None:
                continue
            fields = self.fields(data, at, Module, MODULE_KEYS)
            self.legacy_tags(data, at, fields)
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

    def legacy_tags(self, data: dict, path: str, fields: dict[str, Any]) -> None:
        """A single `treatment_priority` or `skills_module` (older exports) joins its list."""
        for old, new in LEGACY_MODULE_KEYS.items():
            if old not in data:
                continue
            field = Module._meta.get_field(new)
            value = data[old]
            if not isinstance(value, str):
                self.problem(f"{path}.{old}", "Expected a string.")
            elif value and value not in field.taxonomy.values:
                allowed = ", ".join(field.taxonomy.values)
                self.problem(f"{path}.{old}", f"“{value}” is not one of: {allowed}.")
            elif value:
                fields[new] = field.to_python([*fields.get(new, []), value])

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
        name = self.zip_member(data["file"], path, limit=settings.LESSON_ATTACHMENT_MAX_BYTES)
        if name is None:
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

    def zip_member(
        self, name: JSON, path: str, *, limit: int, what: str = "attachments"
    ) -> str | None:
        """The zip member a document names at `path`, if it is there and at most `limit` bytes
        (judged on the declared size before anything is read: a zip can inflate enormously)."""
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
        if info.file_size > limit:
            self.problem(
                path,
                f"“{name}” is {filesizeformat(info.file_size)}; {what} may be at most "
                f"{filesizeformat(limit)}.",
            )
            return None
        return name

    def read(self, member: str, path: str) -> bytes | None:
        """A member's bytes (one `zip_member` accepted), or None with a problem if damaged."""
        try:
            return self.archive.read(member)
        except _ZIP_ERRORS:
            self.problem(path, f"“{member}” is damaged in the zip.")
            return None


def _clean(field: models.Field, value: JSON) -> Any:
    """The JSON value as the model field stores it, or a ValidationError. Stricter about types
    than Field.clean, which would turn 5 into "5" for a title and "5" into 5 for a number."""
    if value is None and field.null:
        return None
    if isinstance(field, TagListField):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValidationError("Expected a list of strings.")
        value = field.to_python(value)
        field.validate(value, None)
    elif isinstance(field, models.DecimalField):
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise ValidationError("Expected a decimal number such as “12.50”.")
        try:
            value = Decimal(str(value))
        except InvalidOperation:
            raise ValidationError("Expected a decimal number such as “12.50”.") from None
        if not value.is_finite():
            raise ValidationError("Expected a decimal number such as “12.50”.")
        # A required decimal is a quantity (CE hours, points) unless its own lower bound is
        # below 0 (a weight from -100); an optional one may be negative (a numeric answer).
        signed = field.null or any(
            isinstance(v, MinValueValidator) and v.limit_value < 0 for v in field.validators
        )
        if value < 0 and not signed:
            raise ValidationError("Expected a decimal number of 0 or more.")
    elif isinstance(field, models.IntegerField):
        low, high = _INTEGER_RANGES[field.get_internal_type()]
        if type(value) is not int or not low <= value <= high:
            raise ValidationError(f"Expected a whole number from {low} to {high}.")
    elif isinstance(field, models.BooleanField):
        if type(value) is not bool:
            raise ValidationError("Expected true or false.")
    elif isinstance(field, models.DateField) and not isinstance(field, models.DateTimeField):
        if not isinstance(value, str):
            raise ValidationError("Expected a date such as “2026-01-31”.")
        try:
            value = datetime.date.fromisoformat(value)
        except ValueError:
            raise ValidationError("Expected a date such as “2026-01-31”.") from None
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
    stored: list[FieldFile] = []
    try:
        with transaction.atomic():
            with service_errors("$.course"):
                course = course_services.create_course(author=author, **plan.fields)
            modules = []
            for entry in plan.modules:
                with service_errors(entry.path):
                    modules.append(services.add_module(course=course, **entry.fields))
            # Only once every module exists can each one name its prerequisites.
            for entry, module in zip(plan.modules, modules, strict=True):
                if entry.prerequisites:
                    with service_errors(entry.path):
                        services.set_prerequisites(
                            module=module, prerequisites=[modules[i] for i in entry.prerequisites]
                        )
            for entry, module in zip(plan.modules, modules, strict=True):
                for lesson_entry in entry.lessons:
                    with service_errors(lesson_entry.path):
                        lesson = services.add_lesson(module=module, **lesson_entry.fields)
                    for item in lesson_entry.attachments:
                        with service_errors(item.path, rename={"upload": "file"}):
                            stored.append(
                                services.add_attachment(
                                    lesson=lesson,
                                    title=item.title,
                                    upload=_upload(archive, item.member),
                                ).file
                            )
            created = Created(
                course=course, modules=modules, author=author, archive=archive, stored=stored
            )
            for part in parts():
                if part.name in plan.parts:
                    created.parts[part.name] = part.create(plan.parts[part.name], created)
    except BaseException:
        # The rows are rolled back; the files stored so far are outside the transaction.
        for file in stored:
            file.storage.delete(file.name)
        raise
    return course


@contextmanager
def service_errors(path: str, *, rename: dict[str, str] | None = None) -> Iterator[None]:
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
