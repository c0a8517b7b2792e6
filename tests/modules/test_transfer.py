import copy
import io
import json
import zipfile
from decimal import Decimal
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from courses.models import Course, CourseStatus
from modules import services
from modules.models import Lesson, LessonAttachment, Module
from modules.transfer import (
    FORMAT,
    ImportProblems,
    course_document,
    export_course_zip,
    import_course_zip,
)
from tests.factories import CourseFactory, LessonFactory, ModuleFactory, UserFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
VIDEO_URL = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def course(trainer):
    """Three modules with every kind of tag, four kinds of lesson, a video and an attachment."""
    course = CourseFactory(
        slug="dbt-foundations",
        title="DBT Foundations",
        summary="Comprehensive DBT for clinicians.",
        audience="Licensed clinicians joining a DBT team.",
        learning_objectives="Describe the biosocial theory\nName the four modes of DBT",
        ce_hours="12.50",
        pass_mark=75,
        authors=[trainer],
    )
    theory = ModuleFactory(
        course=course, title="Biosocial theory", summary="Why DBT.", component="foundations"
    )
    skills = ModuleFactory(
        course=course,
        title="Mindfulness skills",
        summary="",
        component="skills_training_group",
        treatment_priorities=["behavioral_skills"],
        skills_modules=["mindfulness"],
        treatment_stage="stage_1",
        release_offset_days=7,
        due_offset_days=14,
    )
    chains = ModuleFactory(
        course=course,
        title="Chain analysis",
        component="individual_therapy",
        components=["phone_coaching", "consultation_team"],
        treatment_priorities=["life_threatening", "therapy_interfering"],
        release_offset_days=14,
    )
    skills.prerequisites.set([theory])
    chains.prerequisites.set([theory, skills])
    LessonFactory(module=theory, title="Emotional vulnerability", kind="reading")
    LessonFactory(
        module=theory,
        title="Marsha Linehan on validation",
        kind="video",
        body_markdown="Watch, then note **three** validation levels.",
        estimated_minutes=25,
        video_url=VIDEO_URL,
    )
    worksheet = LessonFactory(
        module=skills, title="Wise mind worksheet", kind="exercise", estimated_minutes=30
    )
    services.add_attachment(
        lesson=worksheet,
        title="Wise mind handout",
        upload=SimpleUploadedFile("wise-mind.pdf", PDF),
    )
    LessonFactory(module=chains, title="Before consultation", kind="live_session_preparation")
    return course


def export_bytes(course) -> io.BytesIO:
    buffer = io.BytesIO()
    export_course_zip(course, buffer)
    buffer.seek(0)
    return buffer


def make_zip(document=None, files=None, *, raw_document: bytes | None = None) -> io.BytesIO:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        if raw_document is not None:
            archive.writestr("course.json", raw_document)
        elif document is not None:
            archive.writestr("course.json", json.dumps(document))
        for name, content in (files or {}).items():
            archive.writestr(name, content)
    buffer.seek(0)
    return buffer


def valid_document() -> dict:
    """A small hand-written version 1 export: two modules, one lesson with a PDF attachment
    (version 1 documents still import; version 2 is tested in tests/assessments/test_package.py)."""
    return {
        "format": FORMAT,
        "version": 1,
        "course": {
            "slug": "dbt-skills",
            "title": "DBT Skills",
            "summary": "The four skills modules.",
            "audience": "",
            "learning_objectives": "",
            "ce_hours": "6.00",
            "pass_mark": 80,
        },
        "modules": [
            {
                "title": "Orientation",
                "summary": "",
                "component": "foundations",
                "treatment_priority": "",
                "skills_module": "",
                "release_offset_days": 0,
                "due_offset_days": None,
                "prerequisites": [],
                "lessons": [
                    {
                        "title": "What skills training is",
                        "kind": "reading",
                        "body_markdown": "Skills are *learned*.",
                        "estimated_minutes": 15,
                        "video_url": "",
                        "required": True,
                        "attachments": [
                            {
                                "title": "Diary card",
                                "kind": "pdf",
                                "file": "attachments/1-diary.pdf",
                            }
                        ],
                    }
                ],
            },
            {
                "title": "Distress tolerance",
                "summary": "",
                "component": "skills_training_group",
                "treatment_priority": "",
                "skills_module": "distress_tolerance",
                "release_offset_days": 7,
                "due_offset_days": 21,
                "prerequisites": [0],
                "lessons": [],
            },
        ],
    }


VALID_FILES = {"attachments/1-diary.pdf": PDF}


def counts() -> tuple[int, int, int, int]:
    return (
        Course.objects.count(),
        Module.objects.count(),
        Lesson.objects.count(),
        LessonAttachment.objects.count(),
    )


def stored_files(media_root) -> list:
    return [path for path in media_root.rglob("*") if path.is_file()]


def assert_refused(source, author, problems, *, slug=None) -> None:
    """The import raises exactly these problems and creates nothing."""
    before = counts()
    with pytest.raises(ImportProblems) as caught:
        import_course_zip(source, author=author, slug=slug)
    assert caught.value.problems == problems
    assert counts() == before


# --- export -------------------------------------------------------------------------------------


def test_course_document_is_the_whole_course_as_plain_json_in_position_order(course):
    assert course_document(course) == {
        "format": "dbt-training-course",
        "version": 2,
        "course": {
            "slug": "dbt-foundations",
            "title": "DBT Foundations",
            "summary": "Comprehensive DBT for clinicians.",
            "audience": "Licensed clinicians joining a DBT team.",
            "learning_objectives": "Describe the biosocial theory\nName the four modes of DBT",
            "ce_hours": "12.50",
            "pass_mark": 75,
        },
        "modules": [
            {
                "title": "Biosocial theory",
                "summary": "Why DBT.",
                "component": "foundations",
                "components": [],
                "treatment_priorities": [],
                "skills_modules": [],
                "treatment_stage": "",
                "release_offset_days": 0,
                "due_offset_days": None,
                "prerequisites": [],
                "lessons": [
                    {
                        "title": "Emotional vulnerability",
                        "kind": "reading",
                        "body_markdown": "Validation is **not** approval.",
                        "estimated_minutes": 15,
                        "video_url": "",
                        "required": True,
                        "attachments": [],
                    },
                    {
                        "title": "Marsha Linehan on validation",
                        "kind": "video",
                        "body_markdown": "Watch, then note **three** validation levels.",
                        "estimated_minutes": 25,
                        "video_url": VIDEO_URL,
                        "required": True,
                        "attachments": [],
                    },
                ],
            },
            {
                "title": "Mindfulness skills",
                "summary": "",
                "component": "skills_training_group",
                "components": [],
                "treatment_priorities": ["behavioral_skills"],
                "skills_modules": ["mindfulness"],
                "treatment_stage": "stage_1",
                "release_offset_days": 7,
                "due_offset_days": 14,
                "prerequisites": [0],
                "lessons": [
                    {
                        "title": "Wise mind worksheet",
                        "kind": "exercise",
                        "body_markdown": "Validation is **not** approval.",
                        "estimated_minutes": 30,
                        "video_url": "",
                        "required": True,
                        "attachments": [
                            {
                                "title": "Wise mind handout",
                                "kind": "pdf",
                                "file": "attachments/1-wise-mind.pdf",
                            }
                        ],
                    }
                ],
            },
            {
                "title": "Chain analysis",
                "summary": "What this module covers.",
                "component": "individual_therapy",
                "components": ["phone_coaching", "consultation_team"],
                "treatment_priorities": ["life_threatening", "therapy_interfering"],
                "skills_modules": [],
                "treatment_stage": "",
                "release_offset_days": 14,
                "due_offset_days": None,
                "prerequisites": [0, 1],
                "lessons": [
                    {
                        "title": "Before consultation",
                        "kind": "live_session_preparation",
                        "body_markdown": "Validation is **not** approval.",
                        "estimated_minutes": 15,
                        "video_url": "",
                        "required": True,
                        "attachments": [],
                    }
                ],
            },
        ],
        "question_bank": {"categories": [], "questions": []},
        "quizzes": [],
        "rubrics": [],
        "assignments": [],
        "gradebook_weights": None,
        "completion_rules": None,
        "ce_approvals": [],
    }


def test_course_document_reads_a_fixed_number_of_queries(course, django_assert_num_queries):
    # The outline in four (modules, lessons, attachments, prerequisites), then each part's own:
    # bank (categories, questions, answers, media), quizzes (categories, quizzes, questions,
    # answers, media, draws), rubrics, assignments (rubric order, assignments), weights, rules,
    # approvals. Empty prefetches are skipped, so a course with more would read a few more.
    with django_assert_num_queries(4 + 2 + 2 + 1 + 2 + 1 + 1 + 1):
        course_document(course)


def test_export_zip_holds_course_json_and_each_attachment_at_its_path(course):
    with zipfile.ZipFile(export_bytes(course)) as archive:
        assert archive.namelist() == ["course.json", "attachments/1-wise-mind.pdf"]
        assert all(info.compress_type == zipfile.ZIP_DEFLATED for info in archive.infolist())
        assert json.loads(archive.read("course.json")) == course_document(course)
        assert archive.read("attachments/1-wise-mind.pdf") == PDF


def test_export_writes_to_a_path_too(course, tmp_path):
    path = tmp_path / "course.zip"

    export_course_zip(course, path)

    with zipfile.ZipFile(path) as archive:
        assert json.loads(archive.read("course.json"))["course"]["title"] == "DBT Foundations"


# --- import -------------------------------------------------------------------------------------


def test_export_then_import_gives_the_same_course(course, trainer):
    imported = import_course_zip(export_bytes(course), author=trainer, slug="dbt-foundations-2")

    expected = course_document(course)
    expected["course"]["slug"] = "dbt-foundations-2"
    assert course_document(imported) == expected
    attachment = LessonAttachment.objects.get(lesson__module__course=imported)
    with attachment.file.open("rb") as stored:
        assert stored.read() == PDF
    assert attachment.size == len(PDF)


def test_imported_course_is_a_draft_with_the_importer_on_its_team(course, trainer):
    importer = UserFactory(email="alex@example.org")

    imported = import_course_zip(export_bytes(course), author=importer, slug="copy")

    assert imported.status == CourseStatus.DRAFT
    assert imported.published_at is None
    assert list(imported.authors.all()) == [importer]
    assert imported.ce_hours == Decimal("12.50")
    assert list(imported.modules.values_list("position", flat=True)) == [1, 2, 3]


def test_import_renders_and_sanitizes_the_lesson_body(trainer):
    document = valid_document()
    lesson = document["modules"][0]["lessons"][0]
    lesson["body_markdown"] = "Hello <script>alert('x')</script> **wise mind**"

    imported = import_course_zip(make_zip(document, VALID_FILES), author=trainer)

    body_html = Lesson.objects.get(module__course=imported).body_html
    assert body_html == "<p>Hello  <strong>wise mind</strong></p>\n"
    assert "<script" not in body_html


def test_a_hand_written_document_imports(trainer):
    imported = import_course_zip(make_zip(valid_document(), VALID_FILES), author=trainer)

    assert (imported.slug, imported.title, imported.ce_hours) == (
        "dbt-skills",
        "DBT Skills",
        Decimal("6.00"),
    )
    orientation, distress = imported.modules.order_by("position")
    assert list(distress.prerequisites.all()) == [orientation]
    attachment = LessonAttachment.objects.get(lesson__module=orientation)
    assert (attachment.title, attachment.kind, attachment.file.name) == (
        "Diary card",
        "pdf",
        f"lesson-attachments/{attachment.lesson_id}/diary.pdf",
    )


def test_optional_fields_left_out_take_the_model_defaults(trainer):
    document = {
        "format": FORMAT,
        "version": 1,
        "course": {"slug": "bare", "title": "Bare", "summary": "Only what is required."},
        "modules": [{"title": "Only", "component": "foundations", "lessons": [{"title": "One"}]}],
    }

    imported = import_course_zip(make_zip(document), author=trainer)

    assert (imported.ce_hours, imported.pass_mark) == (Decimal("0"), 80)
    module = imported.modules.get()
    assert (module.release_offset_days, module.due_offset_days) == (0, None)
    lesson = module.lessons.get()
    assert (lesson.kind, lesson.estimated_minutes, lesson.video_url) == ("reading", 10, "")


# --- refusals: each names its JSON path and creates nothing -------------------------------------


def test_wrong_format_is_refused_before_anything_else(trainer):
    document = valid_document()
    document["format"] = "moodle-backup"
    document["modules"] = "not even checked"

    assert_refused(
        make_zip(document, VALID_FILES),
        trainer,
        [("$.format", "Expected “dbt-training-course”: this is not a course export.")],
    )


def test_unknown_version_is_refused(trainer):
    document = valid_document()
    document["version"] = 3

    assert_refused(
        make_zip(document, VALID_FILES),
        trainer,
        [("$.version", "This site reads versions 1 and 2 of the course format, not 3.")],
    )


def test_slug_already_used_is_refused(trainer):
    CourseFactory(slug="dbt-skills")

    assert_refused(
        make_zip(valid_document(), VALID_FILES),
        trainer,
        [
            (
                "$.course.slug",
                "A course with the slug “dbt-skills” already exists; choose another slug.",
            )
        ],
    )


def test_slug_argument_replaces_the_documents_and_is_checked_too(trainer):
    CourseFactory(slug="taken")

    assert_refused(
        make_zip(valid_document(), VALID_FILES),
        trainer,
        [("$.course.slug", "A course with the slug “taken” already exists; choose another slug.")],
        slug="taken",
    )
    assert_refused(
        make_zip(valid_document(), VALID_FILES),
        trainer,
        [
            (
                "$.course.slug",
                "Enter a valid “slug” consisting of letters, numbers, underscores or hyphens.",
            )
        ],
        slug="not a slug",
    )


def test_unknown_component_is_refused_at_its_path(trainer):
    document = valid_document()
    document["modules"][1]["component"] = "astrology"

    assert_refused(
        make_zip(document, VALID_FILES),
        trainer,
        [
            (
                "$.modules[1].component",
                "“astrology” is not one of: foundations, individual_therapy, "
                "skills_training_group, phone_coaching, consultation_team, ancillary_treatment, "
                "family_sessions.",
            )
        ],
    )


def test_unknown_lesson_kind_is_refused_at_its_path(trainer):
    document = valid_document()
    document["modules"][0]["lessons"][0]["kind"] = "podcast"

    assert_refused(
        make_zip(document, VALID_FILES),
        trainer,
        [
            (
                "$.modules[0].lessons[0].kind",
                "“podcast” is not one of: reading, video, exercise, live_session_preparation.",
            )
        ],
    )


def test_prerequisite_cycle_is_refused_at_its_first_module(trainer):
    document = valid_document()
    third = copy.deepcopy(document["modules"][1])
    third["title"] = "Emotion regulation"
    document["modules"].append(third)
    # 0 needs 2, 2 needs 1, 1 needs 0.
    document["modules"][0]["prerequisites"] = [2]
    document["modules"][2]["prerequisites"] = [1]

    assert_refused(
        make_zip(document, VALID_FILES),
        trainer,
        [
            (
                "$.modules[0].prerequisites",
                "These modules require each other in a circle: module 0 “Orientation” → "
                "module 2 “Emotion regulation” → module 1 “Distress tolerance” → "
                "module 0 “Orientation”.",
            )
        ],
    )


def test_prerequisite_index_out_of_range_or_itself_is_refused(trainer):
    document = valid_document()
    document["modules"][1]["prerequisites"] = [0, 5, 1, "0"]

    assert_refused(
        make_zip(document, VALID_FILES),
        trainer,
        [
            ("$.modules[1].prerequisites[1]", "There is no module 5; modules are numbered 0 to 1."),
            ("$.modules[1].prerequisites[2]", "A module cannot be its own prerequisite."),
            ("$.modules[1].prerequisites[3]", "Expected the index of a module (0 for the first)."),
        ],
    )


def test_string_instead_of_list_is_a_problem_not_a_crash(trainer):
    document = valid_document()
    document["modules"] = "Orientation, Distress tolerance"

    assert_refused(make_zip(document), trainer, [("$.modules", "Expected a list.")])


def test_wrong_json_types_anywhere_are_problems(trainer):
    document = valid_document()
    document["course"]["pass_mark"] = "80"
    document["course"]["ce_hours"] = True
    document["modules"][0]["title"] = 7
    document["modules"][0]["lessons"] = {"title": "Not a list"}
    document["modules"][1]["due_offset_days"] = 3.5
    document["modules"][1]["prerequisites"] = 0

    assert_refused(
        make_zip(document),
        trainer,
        [
            ("$.course.ce_hours", "Expected a decimal number such as “12.50”."),
            ("$.course.pass_mark", "Expected a whole number from 0 to 32767."),
            ("$.modules[0].title", "Expected a string."),
            ("$.modules[0].lessons", "Expected a list."),
            ("$.modules[1].due_offset_days", "Expected a whole number from 0 to 32767."),
            ("$.modules[1].prerequisites", "Expected a list."),
        ],
    )


def test_attachment_missing_from_the_zip_is_refused(trainer):
    assert_refused(
        make_zip(valid_document()),
        trainer,
        [
            (
                "$.modules[0].lessons[0].attachments[0].file",
                "“attachments/1-diary.pdf” is not in the zip.",
            )
        ],
    )


def test_disguised_attachment_is_refused(trainer, media_root):
    files = {"attachments/1-diary.pdf": b"#!/bin/sh\necho this is not a PDF\n"}

    assert_refused(
        make_zip(valid_document(), files),
        trainer,
        [
            (
                "$.modules[0].lessons[0].attachments[0].file",
                "“diary.pdf” is named as a PDF file but its content is not a file type we accept.",
            )
        ],
    )
    assert stored_files(media_root) == []


def test_attachment_over_the_size_limit_is_refused(trainer, settings):
    settings.LESSON_ATTACHMENT_MAX_BYTES = 10

    assert_refused(
        make_zip(valid_document(), VALID_FILES),
        trainer,
        [
            (
                "$.modules[0].lessons[0].attachments[0].file",
                f"“attachments/1-diary.pdf” is {len(PDF)}\xa0bytes; attachments may be at most "
                "10\xa0bytes.",
            )
        ],
    )


def test_zip_members_outside_the_export_are_refused(trainer):
    document = valid_document()
    document["modules"][0]["lessons"][0]["attachments"][0]["file"] = "../diary.pdf"
    files = {**VALID_FILES, "../diary.pdf": PDF, "/etc/cron.d/job": b"* * * * * root true"}

    assert_refused(
        make_zip(document, files),
        trainer,
        [
            ("$", "The zip contains an unsafe path: “../diary.pdf”."),
            ("$", "The zip contains an unsafe path: “/etc/cron.d/job”."),
            (
                "$.modules[0].lessons[0].attachments[0].file",
                "Must be a relative path inside the zip, without “..”.",
            ),
        ],
    )


def test_not_a_zip_is_refused(trainer):
    assert_refused(
        io.BytesIO(b"title,summary\nDBT,Skills\n"),
        trainer,
        [("$", "This is not a course export (a .zip with course.json).")],
    )


def test_zip_without_course_json_is_refused(trainer):
    assert_refused(
        make_zip(files=VALID_FILES),
        trainer,
        [("$", "The zip has no course.json, so it is not a course export.")],
    )


def test_invalid_json_is_refused(trainer):
    assert_refused(
        make_zip(raw_document=b'{"format": "dbt-training-course",\n "version": }'),
        trainer,
        [("$", "course.json is not valid JSON: Expecting value (line 2, column 13).")],
    )


def test_course_json_that_is_not_utf8_is_refused(trainer):
    assert_refused(
        make_zip(raw_document='{"title": "Ünterricht"}'.encode("latin-1")),
        trainer,
        [("$", "course.json is not UTF-8 text.")],
    )


def test_several_problems_are_all_reported_in_document_order(trainer):
    document = valid_document()
    del document["course"]["title"]
    document["course"]["pass_mark"] = 101
    document["course"]["ce_hours"] = "-1"
    document["course"]["colour"] = "teal"
    document["modules"][0]["title"] = "x" * 201
    document["modules"][1]["treatment_priority"] = "everything"
    document["modules"][1]["due_offset_days"] = 3
    lesson = document["modules"][0]["lessons"][0]
    lesson["estimated_minutes"] = 40000
    lesson["video_url"] = "https://example.org/talk.mp4"
    lesson["attachments"][0]["title"] = ""

    assert_refused(
        make_zip(document, VALID_FILES),
        trainer,
        [
            ("$.course.colour", "Unknown field."),
            ("$.course.title", "This field is required."),
            ("$.course.ce_hours", "Expected a decimal number of 0 or more."),
            ("$.course.pass_mark", "Ensure this value is less than or equal to 100."),
            (
                "$.modules[0].title",
                "Ensure this value has at most 200 characters (it has 201).",
            ),
            (
                "$.modules[0].lessons[0].estimated_minutes",
                "Expected a whole number from 0 to 32767.",
            ),
            (
                "$.modules[0].lessons[0].video_url",
                "Use a YouTube or Vimeo link to a single video.",
            ),
            ("$.modules[0].lessons[0].attachments[0].title", "This field is required."),
            (
                "$.modules[1].treatment_priority",
                "“everything” is not one of: life_threatening, therapy_interfering, "
                "quality_of_life, behavioral_skills.",
            ),
            ("$.modules[1].due_offset_days", "Must not be before the release day (7)."),
        ],
    )


def test_a_service_refusing_midway_rolls_back_rows_and_files(trainer, media_root, monkeypatch):
    document = valid_document()
    lesson = document["modules"][0]["lessons"][0]
    lesson["attachments"].append({"title": "Second", "kind": "pdf", "file": "attachments/2-b.pdf"})
    files = {**VALID_FILES, "attachments/2-b.pdf": PDF}
    add_attachment = services.add_attachment
    calls = []

    def second_fails(**kwargs):
        calls.append(kwargs["title"])
        if len(calls) == 2:
            raise ValidationError({"upload": "The disk is full."})
        return add_attachment(**kwargs)

    monkeypatch.setattr(services, "add_attachment", second_fails)

    assert_refused(
        make_zip(document, files),
        trainer,
        [("$.modules[0].lessons[0].attachments[1].file", "The disk is full.")],
    )
    assert calls == ["Diary card", "Second"]
    assert stored_files(media_root) == []


def test_import_problems_read_one_per_line():
    problems = ImportProblems([("$.format", "Wrong."), ("$.modules[0].title", "Missing.")])

    assert str(problems) == "$.format: Wrong.\n$.modules[0].title: Missing."


# --- management commands ------------------------------------------------------------------------


def test_export_and_import_commands_copy_a_course_under_a_new_slug(course, trainer, tmp_path):
    path = tmp_path / "foundations.zip"
    out = StringIO()

    call_command("export_course", "dbt-foundations", str(path), stdout=out)
    call_command(
        "import_course",
        str(path),
        "--slug",
        "foundations-2025",
        "--author",
        trainer.email,
        stdout=out,
    )

    assert out.getvalue() == (
        f"Exported DBT Foundations to {path}\n"
        "Imported DBT Foundations as foundations-2025 (draft)\n"
    )
    imported = Course.objects.get(slug="foundations-2025")
    expected = course_document(course)
    expected["course"]["slug"] = "foundations-2025"
    assert course_document(imported) == expected
    assert list(imported.authors.all()) == [trainer]


def test_import_command_authors_as_the_first_superuser_by_default(course, tmp_path):
    root = UserFactory(email="root@example.org", is_superuser=True)
    path = tmp_path / "foundations.zip"
    export_course_zip(course, path)

    call_command("import_course", str(path), "--slug", "copy", stdout=StringIO())

    assert list(Course.objects.get(slug="copy").authors.all()) == [root]


def test_export_command_refuses_an_unknown_slug(tmp_path):
    with pytest.raises(CommandError) as caught:
        call_command("export_course", "no-such-course", str(tmp_path / "x.zip"))

    assert str(caught.value) == "No course has the slug “no-such-course”."


def test_import_command_lists_each_problem_with_its_path(trainer, tmp_path):
    document = valid_document()
    document["modules"][1]["component"] = "astrology"
    document["modules"][0]["lessons"][0]["kind"] = "podcast"
    path = tmp_path / "bad.zip"
    path.write_bytes(make_zip(document, VALID_FILES).getvalue())
    before = counts()

    with pytest.raises(CommandError) as caught:
        call_command("import_course", str(path), "--author", trainer.email)

    assert str(caught.value) == (
        "The course was not imported:\n"
        "$.modules[0].lessons[0].kind: “podcast” is not one of: reading, video, exercise, "
        "live_session_preparation.\n"
        "$.modules[1].component: “astrology” is not one of: foundations, individual_therapy, "
        "skills_training_group, phone_coaching, consultation_team, ancillary_treatment, "
        "family_sessions."
    )
    assert counts() == before


def test_import_command_needs_an_author(tmp_path):
    path = tmp_path / "course.zip"
    path.write_bytes(make_zip(valid_document(), VALID_FILES).getvalue())

    with pytest.raises(CommandError) as no_superuser:
        call_command("import_course", str(path))
    with pytest.raises(CommandError) as unknown:
        call_command("import_course", str(path), "--author", "nobody@example.org")

    assert str(no_superuser.value) == "There is no superuser to author the course; pass --author."
    assert str(unknown.value) == "No user has the email “nobody@example.org”."
    assert Course.objects.count() == 0


def test_import_command_refuses_a_missing_file(trainer, tmp_path):
    missing = tmp_path / "missing.zip"

    with pytest.raises(CommandError) as caught:
        call_command("import_course", str(missing), "--author", trainer.email)

    assert str(caught.value) == f"No file at {missing}."


def test_an_optional_lesson_stays_optional_through_export_and_import(tmp_path, trainer):
    from modules import transfer as course_transfer
    from tests.factories import CourseFactory, LessonFactory, ModuleFactory

    course = CourseFactory(slug="optional-reading")
    module = ModuleFactory(course=course)
    LessonFactory(module=module, title="Core reading")
    LessonFactory(module=module, title="Further reading", required=False)
    archive = tmp_path / "course.zip"
    course_transfer.export_course_zip(course, archive)
    copy = course_transfer.import_course_zip(archive, author=trainer, slug="optional-copy")
    assert list(
        copy.modules.get().lessons.order_by("position").values_list("title", "required")
    ) == [("Core reading", True), ("Further reading", False)]
