"""Authoring services: modules, lessons, attachments, publication and new versions."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from courses.models import Course, CourseStatus
from modules import publication, services
from modules.models import Lesson, LessonAttachment, Module
from modules.taxonomy import (
    AttachmentKind,
    Component,
    LessonKind,
    SkillsModule,
    TreatmentPriority,
    TreatmentStage,
)
from tests.factories import CourseFactory, UserFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n"
MP3 = b"ID3\x04\x00\x00\x00\x00\x00\x00" + bytes(32)
VIDEO_URL_ERROR = {"video_url": ["Use a YouTube or Vimeo link to a single video."]}
NO_LESSON = "Add at least one module with a lesson before publishing."


def docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.fixture
def course(trainer):
    return CourseFactory(slug="dbt-foundations", title="DBT Foundations", authors=[trainer])


@pytest.fixture
def other_course():
    return CourseFactory(slug="dbt-skills", title="DBT Skills")


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def add_module(course, title, **fields) -> Module:
    return services.add_module(
        course=course, title=title, **{"component": Component.FOUNDATIONS, **fields}
    )


def add_lesson(module, title, **fields) -> Lesson:
    return services.add_lesson(module=module, title=title, **fields)


def module_outline(course) -> list[tuple[str, int]]:
    return list(
        Module.objects.filter(course=course).order_by("position").values_list("title", "position")
    )


def lesson_outline(module) -> list[tuple[str, int]]:
    return list(
        Lesson.objects.filter(module=module).order_by("position").values_list("title", "position")
    )


def prerequisite_titles(module) -> list[str]:
    return sorted(Module.objects.get(pk=module.pk).prerequisites.values_list("title", flat=True))


def stored_files(root) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def lesson_row(lesson) -> dict:
    return Lesson.objects.filter(pk=lesson.pk).values().get()


def module_row(module) -> dict:
    return Module.objects.filter(pk=module.pk).values().get()


# --- modules ------------------------------------------------------------------------------------


def test_add_module_appends_positions_1_2_3(course):
    add_module(course, "Biosocial theory")
    add_module(course, "Validation")
    third = add_module(course, "Chain analysis")

    assert third.position == 3
    assert module_outline(course) == [
        ("Biosocial theory", 1),
        ("Validation", 2),
        ("Chain analysis", 3),
    ]


def test_add_module_numbers_each_course_separately(course, other_course):
    add_module(course, "Biosocial theory")
    add_module(course, "Validation")

    first = add_module(other_course, "Mindfulness")

    assert first.position == 1


def test_add_module_stores_dbt_tags_and_offsets(course):
    module = add_module(
        course,
        "Crisis survival",
        summary="TIPP and STOP.",
        component=Component.SKILLS_TRAINING_GROUP,
        components=[Component.PHONE_COACHING],
        treatment_priorities=[
            TreatmentPriority.QUALITY_OF_LIFE,
            TreatmentPriority.LIFE_THREATENING,
        ],
        skills_modules=[SkillsModule.DISTRESS_TOLERANCE],
        treatment_stage=TreatmentStage.STAGE_1,
        release_offset_days=7,
        due_offset_days=14,
    )

    row = module_row(module)
    assert {k: row[k] for k in services.MODULE_FIELDS} == {
        "title": "Crisis survival",
        "summary": "TIPP and STOP.",
        "component": "skills_training_group",
        "components": ["phone_coaching"],
        # Stored in the order of the target hierarchy, whatever order they came in.
        "treatment_priorities": ["life_threatening", "quality_of_life"],
        "skills_modules": ["distress_tolerance"],
        "treatment_stage": "stage_1",
        "release_offset_days": 7,
        "due_offset_days": 14,
    }
    assert row["course_id"] == course.pk


def test_add_module_ignores_a_given_position(course):
    module = services.add_module(
        course=course, title="Validation", component=Component.FOUNDATIONS, position=9
    )

    assert module_row(module)["position"] == 1


def test_add_module_due_on_release_day_is_accepted(course):
    module = add_module(course, "Validation", release_offset_days=7, due_offset_days=7)

    assert (module.release_offset_days, module.due_offset_days) == (7, 7)


def test_add_module_refuses_due_before_release_and_saves_nothing(course):
    with pytest.raises(ValidationError):
        add_module(course, "Validation", release_offset_days=7, due_offset_days=3)

    assert Module.objects.count() == 0


@pytest.mark.parametrize(
    "fields, field",
    [
        ({"title": ""}, "title"),
        ({"component": "yoga"}, "component"),
        ({"skills_modules": ["astrology"]}, "skills_modules"),
        ({"treatment_priorities": ["whatever"]}, "treatment_priorities"),
        ({"treatment_priorities": "life_threatening"}, "treatment_priorities"),
        ({"components": ["yoga"]}, "components"),
        ({"treatment_stage": "stage_5"}, "treatment_stage"),
    ],
)
def test_add_module_refuses_invalid_fields_and_saves_nothing(course, fields, field):
    with pytest.raises(ValidationError) as excinfo:
        services.add_module(course=course, **{"title": "T", "component": "foundations", **fields})

    assert list(excinfo.value.message_dict) == [field]
    assert Module.objects.count() == 0


def test_add_module_with_prerequisites(course):
    theory = add_module(course, "Biosocial theory")
    validation = add_module(course, "Validation")

    chain = services.add_module(
        course=course,
        title="Chain analysis",
        component=Component.INDIVIDUAL_THERAPY,
        prerequisites=[theory, validation],
    )

    assert prerequisite_titles(chain) == ["Biosocial theory", "Validation"]
    assert list(theory.unlocks.all()) == [chain]


def test_add_module_with_another_courses_prerequisite_saves_nothing(course, other_course):
    foreign = add_module(other_course, "Mindfulness")

    with pytest.raises(ValidationError) as excinfo:
        services.add_module(
            course=course, title="Validation", component="foundations", prerequisites=[foreign]
        )

    assert excinfo.value.message_dict == {
        "prerequisites": ["Prerequisites must be modules of the same course."]
    }
    assert list(Module.objects.filter(course=course)) == []


def test_update_module_changes_the_given_fields(course):
    module = add_module(course, "Validation", summary="Six levels.")

    services.update_module(
        module=module,
        title="Validation, levels 1-6",
        skills_modules=[SkillsModule.INTERPERSONAL_EFFECTIVENESS],
        due_offset_days=10,
    )

    row = module_row(module)
    assert row["title"] == "Validation, levels 1-6"
    assert row["skills_modules"] == ["interpersonal_effectiveness"]
    assert row["due_offset_days"] == 10
    assert row["summary"] == "Six levels."
    assert row["position"] == 1


def test_update_module_refuses_due_before_release_and_leaves_it_unchanged(course):
    module = add_module(course, "Validation", release_offset_days=2, due_offset_days=5)
    before = module_row(module)

    with pytest.raises(ValidationError):
        services.update_module(module=module, title="Renamed", release_offset_days=9)

    assert module_row(module) == before


def test_update_module_keeps_prerequisites_unless_given(course):
    theory = add_module(course, "Biosocial theory")
    validation = add_module(course, "Validation", prerequisites=[theory])

    services.update_module(module=validation, title="Validation!")
    assert prerequisite_titles(validation) == ["Biosocial theory"]

    services.update_module(module=validation, prerequisites=[])
    assert prerequisite_titles(validation) == []


def test_update_module_with_bad_prerequisites_saves_no_field(course):
    theory = add_module(course, "Biosocial theory")
    validation = add_module(course, "Validation", prerequisites=[theory])
    before = module_row(theory)

    with pytest.raises(ValidationError):
        services.update_module(module=theory, title="Renamed", prerequisites=[validation])

    assert module_row(theory) == before
    assert prerequisite_titles(theory) == []


@pytest.fixture
def three_modules(course):
    return [add_module(course, title) for title in ("A", "B", "C")]


def test_move_module_down_swaps_with_the_next(course, three_modules):
    a, _, _ = three_modules

    moved = services.move_module(module=a, offset=1)

    assert moved.position == 2
    assert module_outline(course) == [("B", 1), ("A", 2), ("C", 3)]


def test_move_module_up_swaps_with_the_previous(course, three_modules):
    _, _, c = three_modules

    moved = services.move_module(module=c, offset=-1)

    assert moved.position == 2
    assert module_outline(course) == [("A", 1), ("C", 2), ("B", 3)]


@pytest.mark.parametrize("index, offset", [(0, -1), (2, 1), (1, 2), (1, -2), (1, 0)])
def test_move_module_past_an_end_or_by_more_than_one_changes_nothing(
    course, three_modules, index, offset
):
    moved = services.move_module(module=three_modules[index], offset=offset)

    assert moved.position == index + 1
    assert module_outline(course) == [("A", 1), ("B", 2), ("C", 3)]


def test_move_module_only_touches_its_own_course(course, other_course, three_modules):
    add_module(other_course, "X")
    add_module(other_course, "Y")

    services.move_module(module=three_modules[0], offset=1)

    assert module_outline(other_course) == [("X", 1), ("Y", 2)]


def test_delete_module_renumbers_the_rest(course, three_modules):
    services.delete_module(module=three_modules[0])

    assert module_outline(course) == [("B", 1), ("C", 2)]
    assert add_module(course, "D").position == 3


def test_delete_module_removes_its_lessons_and_its_place_as_prerequisite(course, three_modules):
    a, b, c = three_modules
    services.set_prerequisites(module=c, prerequisites=[a, b])
    add_lesson(b, "Lesson in B")

    services.delete_module(module=b)

    assert Lesson.objects.count() == 0
    assert prerequisite_titles(c) == ["A"]
    assert module_outline(course) == [("A", 1), ("C", 2)]


# --- prerequisites ------------------------------------------------------------------------------


def test_set_prerequisites_replaces_the_set(course, three_modules):
    a, b, c = three_modules
    services.set_prerequisites(module=c, prerequisites=[a])

    services.set_prerequisites(module=c, prerequisites=[b])

    assert prerequisite_titles(c) == ["B"]


def test_set_prerequisites_allows_a_diamond(course):
    a, b, c, d = (add_module(course, title) for title in "ABCD")
    services.set_prerequisites(module=b, prerequisites=[a])
    services.set_prerequisites(module=c, prerequisites=[a])

    services.set_prerequisites(module=d, prerequisites=[b, c])

    assert prerequisite_titles(d) == ["B", "C"]


def test_set_prerequisites_refuses_the_module_itself(course, three_modules):
    a, b, _ = three_modules
    services.set_prerequisites(module=a, prerequisites=[b])

    with pytest.raises(ValidationError) as excinfo:
        services.set_prerequisites(module=a, prerequisites=[a])

    assert excinfo.value.message_dict == {
        "prerequisites": ["A module cannot be its own prerequisite."]
    }
    assert prerequisite_titles(a) == ["B"]


def test_set_prerequisites_refuses_another_courses_module(course, other_course, three_modules):
    a, b, _ = three_modules
    foreign = add_module(other_course, "Foreign")
    services.set_prerequisites(module=a, prerequisites=[b])

    with pytest.raises(ValidationError) as excinfo:
        services.set_prerequisites(module=a, prerequisites=[b, foreign])

    assert excinfo.value.message_dict == {
        "prerequisites": ["Prerequisites must be modules of the same course."]
    }
    assert prerequisite_titles(a) == ["B"]


def test_set_prerequisites_refuses_a_cycle_naming_the_chain(course, three_modules):
    a, b, c = three_modules
    services.set_prerequisites(module=a, prerequisites=[b])  # A needs B
    services.set_prerequisites(module=b, prerequisites=[c])  # B needs C

    with pytest.raises(ValidationError) as excinfo:
        services.set_prerequisites(module=c, prerequisites=[a])  # C needs A: a circle

    assert excinfo.value.message_dict == {
        "prerequisites": ["That would make a circle of prerequisites: C → A → B → C."]
    }
    assert prerequisite_titles(a) == ["B"]
    assert prerequisite_titles(b) == ["C"]
    assert prerequisite_titles(c) == []


def test_set_prerequisites_refuses_a_two_module_cycle(course, three_modules):
    a, b, _ = three_modules
    services.set_prerequisites(module=a, prerequisites=[b])

    with pytest.raises(ValidationError) as excinfo:
        services.set_prerequisites(module=b, prerequisites=[a])

    assert excinfo.value.message_dict == {
        "prerequisites": ["That would make a circle of prerequisites: B → A → B."]
    }
    assert prerequisite_titles(b) == []


def test_set_prerequisites_refusing_a_cycle_keeps_the_old_ones(course):
    a, b, c, d = (add_module(course, title) for title in "ABCD")
    services.set_prerequisites(module=a, prerequisites=[b])
    services.set_prerequisites(module=c, prerequisites=[d])

    with pytest.raises(ValidationError):
        services.set_prerequisites(module=b, prerequisites=[d, a])

    assert prerequisite_titles(b) == []
    assert prerequisite_titles(a) == ["B"]


def test_set_prerequisites_replacing_them_frees_the_old_links(course, three_modules):
    # Replacing A's prerequisites drops A → B, so B may now need A without a circle.
    a, b, c = three_modules
    services.set_prerequisites(module=a, prerequisites=[b])
    services.set_prerequisites(module=a, prerequisites=[c])

    services.set_prerequisites(module=b, prerequisites=[a])

    assert prerequisite_titles(b) == ["A"]


# --- lessons ------------------------------------------------------------------------------------


@pytest.fixture
def module(course):
    return add_module(course, "Validation")


def test_add_lesson_appends_positions_1_2_3_per_module(course, module):
    other = add_module(course, "Chain analysis")
    for title in ("One", "Two", "Three"):
        add_lesson(module, title)
    first_of_other = add_lesson(other, "Other one")

    assert lesson_outline(module) == [("One", 1), ("Two", 2), ("Three", 3)]
    assert first_of_other.position == 1


def test_add_lesson_renders_and_sanitizes_the_body(module):
    lesson = add_lesson(
        module,
        "Levels of validation",
        kind=LessonKind.READING,
        estimated_minutes=20,
        body_markdown=(
            "# Six levels\n\n"
            "Validate the **valid**. <script>alert(1)</script>\n\n"
            '<img src=x onerror="alert(1)">\n\n'
            "[More](javascript:alert(1)) and [Linehan](https://example.org/linehan)"
        ),
    )

    row = lesson_row(lesson)
    assert row["body_html"] == (
        "<h2>Six levels</h2>\n"
        "<p>Validate the <strong>valid</strong>. </p>\n"
        "<img>\n"
        "<p>[More](javascript:alert(1)) and "
        '<a href="https://example.org/linehan" rel="noopener noreferrer nofollow">Linehan</a></p>\n'
    )
    assert (row["title"], row["kind"], row["estimated_minutes"]) == (
        "Levels of validation",
        "reading",
        20,
    )


def test_add_lesson_ignores_a_supplied_body_html(module):
    lesson = add_lesson(module, "Sneaky", body_markdown="*hi*", body_html="<script>x</script>")

    assert lesson_row(lesson)["body_html"] == "<p><em>hi</em></p>\n"


@pytest.mark.parametrize(
    "url",
    ["https://youtu.be/dQw4w9WgXcQ", "https://vimeo.com/123456789"],
)
def test_add_lesson_keeps_a_youtube_or_vimeo_link(module, url):
    lesson = add_lesson(module, "Watch", kind=LessonKind.VIDEO, video_url=url)

    assert lesson_row(lesson)["video_url"] == url


@pytest.mark.parametrize(
    "url",
    [
        "https://evil.example/video.mp4",
        "https://www.youtube.com/playlist?list=PL1234567890",
        "javascript:alert(1)",
    ],
)
def test_add_lesson_refuses_other_video_links_and_saves_nothing(module, url):
    with pytest.raises(ValidationError) as excinfo:
        add_lesson(module, "Watch", video_url=url)

    assert excinfo.value.message_dict == VIDEO_URL_ERROR
    assert Lesson.objects.count() == 0


def test_add_lesson_refuses_a_blank_title_and_saves_nothing(module):
    with pytest.raises(ValidationError) as excinfo:
        add_lesson(module, "")

    assert list(excinfo.value.message_dict) == ["title"]
    assert Lesson.objects.count() == 0


def test_update_lesson_rerenders_the_body(module):
    lesson = add_lesson(module, "Draft", body_markdown="old")

    services.update_lesson(lesson=lesson, body_markdown="## New <b onclick=x>bold</b>")

    row = lesson_row(lesson)
    assert row["body_markdown"] == "## New <b onclick=x>bold</b>"
    assert row["body_html"] == "<h3>New <b>bold</b></h3>\n"
    assert row["title"] == "Draft"


@pytest.mark.parametrize(
    "url",
    [
        "https://evil.example/watch?v=dQw4w9WgXcQ",
        "https://dailymotion.com/video/x7tgad0",
        "ftp://youtube.com/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com/watch?v=tooshort",
    ],
)
def test_update_lesson_refuses_a_non_youtube_or_vimeo_link_and_leaves_it_unchanged(module, url):
    lesson = add_lesson(
        module,
        "Watch",
        kind=LessonKind.VIDEO,
        body_markdown="*old*",
        video_url="https://youtu.be/dQw4w9WgXcQ",
    )
    before = lesson_row(lesson)

    with pytest.raises(ValidationError) as excinfo:
        services.update_lesson(lesson=lesson, title="Renamed", body_markdown="*new*", video_url=url)

    assert excinfo.value.message_dict == VIDEO_URL_ERROR
    assert lesson_row(lesson) == before


def test_update_lesson_may_clear_the_video_link(module):
    lesson = add_lesson(module, "Watch", video_url="https://youtu.be/dQw4w9WgXcQ")

    services.update_lesson(lesson=lesson, video_url="")

    assert lesson_row(lesson)["video_url"] == ""


@pytest.fixture
def three_lessons(module):
    return [add_lesson(module, title) for title in ("A", "B", "C")]


def test_move_lesson_down_swaps_with_the_next(module, three_lessons):
    moved = services.move_lesson(lesson=three_lessons[0], offset=1)

    assert moved.position == 2
    assert lesson_outline(module) == [("B", 1), ("A", 2), ("C", 3)]


def test_move_lesson_up_swaps_with_the_previous(module, three_lessons):
    moved = services.move_lesson(lesson=three_lessons[2], offset=-1)

    assert moved.position == 2
    assert lesson_outline(module) == [("A", 1), ("C", 2), ("B", 3)]


@pytest.mark.parametrize("index, offset", [(0, -1), (2, 1), (1, 2), (1, -2), (1, 0)])
def test_move_lesson_past_an_end_or_by_more_than_one_changes_nothing(
    module, three_lessons, index, offset
):
    moved = services.move_lesson(lesson=three_lessons[index], offset=offset)

    assert moved.position == index + 1
    assert lesson_outline(module) == [("A", 1), ("B", 2), ("C", 3)]


def test_delete_lesson_renumbers_the_rest(module, three_lessons):
    services.delete_lesson(lesson=three_lessons[1])

    assert lesson_outline(module) == [("A", 1), ("C", 2)]
    assert add_lesson(module, "D").position == 3


# --- attachments --------------------------------------------------------------------------------


@pytest.fixture
def lesson(module):
    return add_lesson(module, "Levels of validation")


def test_add_attachment_stores_the_file_kind_and_size(media, lesson):
    attachment = services.add_attachment(
        lesson=lesson, title="  Validation handout  ", upload=SimpleUploadedFile("handout.pdf", PDF)
    )

    row = LessonAttachment.objects.filter(pk=attachment.pk).values().get()
    assert row["title"] == "Validation handout"
    assert row["kind"] == AttachmentKind.PDF
    assert row["size"] == len(PDF)
    assert row["file"] == f"lesson-attachments/{lesson.pk}/handout.pdf"
    assert (media / row["file"]).read_bytes() == PDF
    assert stored_files(media) == [f"lesson-attachments/{lesson.pk}/handout.pdf"]


@pytest.mark.parametrize(
    "name, content, kind",
    [("card.docx", docx(), AttachmentKind.DOCX), ("breathe.mp3", MP3, AttachmentKind.MP3)],
)
def test_add_attachment_without_title_is_named_after_the_file(media, lesson, name, content, kind):
    attachment = services.add_attachment(
        lesson=lesson, title="   ", upload=SimpleUploadedFile(name, content)
    )

    attachment.refresh_from_db()
    assert (attachment.title, attachment.kind, attachment.size) == (name, kind, len(content))
    assert attachment.file.read() == content


def test_add_attachment_keeps_both_files_of_the_same_name(media, lesson):
    first = services.add_attachment(
        lesson=lesson, title="", upload=SimpleUploadedFile("handout.pdf", PDF)
    )
    second = services.add_attachment(
        lesson=lesson, title="", upload=SimpleUploadedFile("handout.pdf", PDF + b"\n")
    )

    assert first.file.name != second.file.name
    assert (media / first.file.name).read_bytes() == PDF
    assert (media / second.file.name).read_bytes() == PDF + b"\n"


@pytest.mark.parametrize(
    "name, content, message",
    [
        (
            "handout.pdf",
            b"<html><script>alert(1)</script></html>",
            "“handout.pdf” is named as a PDF file but its content is not a file type we accept.",
        ),
        (
            "slides.pptx",
            docx(),
            "“slides.pptx” is named as a PowerPoint (PPTX) file but its content is a Word (DOCX) file.",
        ),
        (
            "setup.exe",
            b"MZ\x90\x00",
            "“setup.exe” is not an accepted type. Attach PDF, DOCX, PPTX, MP3 or MP4 files.",
        ),
    ],
)
def test_add_attachment_refuses_a_disguised_file_and_stores_nothing(
    media, lesson, name, content, message
):
    with pytest.raises(ValidationError) as excinfo:
        services.add_attachment(
            lesson=lesson, title="Handout", upload=SimpleUploadedFile(name, content)
        )

    assert excinfo.value.message_dict == {"upload": [message]}
    assert LessonAttachment.objects.count() == 0
    assert stored_files(media) == []


def test_add_attachment_refuses_an_oversize_file_and_stores_nothing(settings, media, lesson):
    settings.LESSON_ATTACHMENT_MAX_BYTES = 16

    with pytest.raises(ValidationError) as excinfo:
        services.add_attachment(
            lesson=lesson, title="", upload=SimpleUploadedFile("handout.pdf", PDF)
        )

    assert excinfo.value.message_dict == {
        "upload": [f"“handout.pdf” is {len(PDF)}\xa0bytes; attachments may be at most 16\xa0bytes."]
    }
    assert LessonAttachment.objects.count() == 0
    assert stored_files(media) == []


def test_add_attachment_that_fails_validation_removes_the_stored_file(media, lesson):
    with pytest.raises(ValidationError) as excinfo:
        services.add_attachment(
            lesson=lesson, title="x" * 201, upload=SimpleUploadedFile("handout.pdf", PDF)
        )

    assert list(excinfo.value.message_dict) == ["title"]
    assert LessonAttachment.objects.count() == 0
    assert stored_files(media) == []


def test_delete_attachment_removes_the_file_only_after_commit(
    media, lesson, django_capture_on_commit_callbacks
):
    attachment = services.add_attachment(
        lesson=lesson, title="", upload=SimpleUploadedFile("handout.pdf", PDF)
    )
    path = media / attachment.file.name

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.delete_attachment(attachment=attachment)
        assert path.exists()  # still there until the transaction commits

    assert len(callbacks) == 1
    assert not path.exists()
    assert LessonAttachment.objects.count() == 0


def test_delete_attachment_keeps_the_file_if_the_transaction_does_not_commit(
    media, lesson, django_capture_on_commit_callbacks
):
    attachment = services.add_attachment(
        lesson=lesson, title="", upload=SimpleUploadedFile("handout.pdf", PDF)
    )

    with django_capture_on_commit_callbacks(execute=False):
        services.delete_attachment(attachment=attachment)

    assert (media / attachment.file.name).read_bytes() == PDF


def test_delete_lesson_removes_its_attachment_files_after_commit(
    media, module, lesson, django_capture_on_commit_callbacks
):
    for name in ("a.pdf", "b.pdf"):
        services.add_attachment(lesson=lesson, title="", upload=SimpleUploadedFile(name, PDF))
    keep = add_lesson(module, "Keep")
    kept = services.add_attachment(lesson=keep, title="", upload=SimpleUploadedFile("k.pdf", PDF))

    with django_capture_on_commit_callbacks(execute=True):
        services.delete_lesson(lesson=lesson)

    assert stored_files(media) == [kept.file.name]
    assert list(LessonAttachment.objects.all()) == [kept]
    assert lesson_outline(module) == [("Keep", 1)]


def test_delete_module_removes_its_attachment_files_after_commit(
    media, course, module, lesson, django_capture_on_commit_callbacks
):
    services.add_attachment(lesson=lesson, title="", upload=SimpleUploadedFile("a.pdf", PDF))
    other = add_module(course, "Other")
    kept = services.add_attachment(
        lesson=add_lesson(other, "Keep"), title="", upload=SimpleUploadedFile("k.pdf", PDF)
    )

    with django_capture_on_commit_callbacks(execute=True):
        services.delete_module(module=module)

    assert stored_files(media) == [kept.file.name]
    assert module_outline(course) == [("Other", 1)]


# --- publication --------------------------------------------------------------------------------


def test_publication_problems_of_a_course_without_modules(course):
    assert services.publication_problems(course) == [NO_LESSON]


def test_publication_problems_of_a_course_whose_modules_have_no_lesson(course):
    add_module(course, "Empty")

    assert services.publication_problems(course) == [NO_LESSON]


def test_publication_problems_do_not_count_another_courses_lessons(course, other_course):
    add_lesson(add_module(other_course, "Elsewhere"), "Elsewhere")

    assert services.publication_problems(course) == [NO_LESSON]


def test_publication_problems_of_a_course_with_a_lesson(course, module, lesson):
    assert services.publication_problems(course) == []


@pytest.mark.parametrize("with_module", [False, True])
def test_publish_course_refuses_a_course_without_a_lesson(course, with_module):
    if with_module:
        add_module(course, "Empty")

    with pytest.raises(ValidationError) as excinfo:
        services.publish_course(course=course)

    assert excinfo.value.messages == [NO_LESSON]
    course.refresh_from_db()
    assert course.status == CourseStatus.DRAFT
    assert course.published_at is None
    assert list(Course.objects.published()) == []


def test_publish_course_publishes_a_course_with_a_lesson(course, module, lesson):
    before = timezone.now()

    published = services.publish_course(course=course)

    after = timezone.now()
    course.refresh_from_db()
    assert published.status == course.status == CourseStatus.PUBLISHED
    assert before <= course.published_at <= after
    assert published.published_at == course.published_at
    assert list(Course.objects.published()) == [course]


def test_publish_course_twice_keeps_the_first_publication_date(course, module, lesson):
    first = services.publish_course(course=course).published_at

    second = services.publish_course(course=course)

    course.refresh_from_db()
    assert second.published_at == first
    assert course.published_at == first
    assert course.status == CourseStatus.PUBLISHED


def test_publish_course_without_ce_approvals_has_no_notes(course, module, lesson):
    published = services.publish_course(course=course, by=UserFactory())

    assert published.publication_notes == []  # no CE approvals: nothing to check


def test_publish_course_runs_the_publish_hooks_once_in_its_transaction(
    course, module, lesson, monkeypatch
):
    author = UserFactory()
    calls = []

    def hook(*, course, by):
        # Inside publish_course's transaction: the course row is already published.
        calls.append((Course.objects.get(pk=course.pk).status, by))
        return ["1 CE check needs attention: see Completion and CE."]

    monkeypatch.setattr(publication, "_hooks", [*publication._hooks, hook])

    first = services.publish_course(course=course, by=author)
    again = services.publish_course(course=course, by=author)

    assert calls == [(CourseStatus.PUBLISHED, author)]
    assert first.publication_notes[-1] == "1 CE check needs attention: see Completion and CE."
    assert again.publication_notes == []


def test_a_failing_publish_hook_leaves_the_course_a_draft(course, module, lesson, monkeypatch):
    def hook(*, course, by):
        raise RuntimeError("recording failed")

    monkeypatch.setattr(publication, "_hooks", [hook])

    with pytest.raises(RuntimeError):
        services.publish_course(course=course)

    course.refresh_from_db()
    assert (course.status, course.published_at) == (CourseStatus.DRAFT, None)


def test_unpublish_course_returns_it_to_draft(course, module, lesson):
    services.publish_course(course=course)

    returned = services.unpublish_course(course=course)

    course.refresh_from_db()
    assert returned.status == course.status == CourseStatus.DRAFT
    assert list(Course.objects.published()) == []


def test_unpublish_a_draft_leaves_it_a_draft(course):
    services.unpublish_course(course=course)

    course.refresh_from_db()
    assert course.status == CourseStatus.DRAFT
    assert course.published_at is None


# --- duplicate_course ---------------------------------------------------------------------------


@pytest.fixture
def full_course(media, trainer):
    """A published course with tagged modules, a prerequisite, lessons and an attachment."""
    co_author = UserFactory(email="robin@example.org")
    course = CourseFactory(
        slug="dbt-foundations",
        title="DBT Foundations",
        summary="Theory and modes.",
        ce_hours="6.50",
        pass_mark=75,
        authors=[trainer, co_author],
    )
    theory = add_module(course, "Biosocial theory", summary="Where it comes from.")
    skills = add_module(
        course,
        "Crisis survival",
        component=Component.SKILLS_TRAINING_GROUP,
        components=[Component.PHONE_COACHING, Component.FAMILY_SESSIONS],
        treatment_priorities=[TreatmentPriority.LIFE_THREATENING],
        skills_modules=[SkillsModule.DISTRESS_TOLERANCE, SkillsModule.MINDFULNESS],
        treatment_stage=TreatmentStage.STAGE_1,
        release_offset_days=7,
        due_offset_days=14,
        prerequisites=[theory],
    )
    add_lesson(theory, "Invalidating environments", body_markdown="# Why\n\n**Transactions**.")
    add_lesson(theory, "Video", kind=LessonKind.VIDEO, video_url="https://youtu.be/dQw4w9WgXcQ")
    tipp = add_lesson(skills, "TIPP", body_markdown="- Temperature\n- Intense exercise")
    services.add_attachment(
        lesson=tipp, title="TIPP handout", upload=SimpleUploadedFile("tipp.pdf", PDF)
    )
    services.publish_course(course=course)
    course.refresh_from_db()
    return course


def snapshot(course) -> dict:
    """Everything about a course's content, with the ids left in (to prove nothing moved)."""
    course = Course.objects.get(pk=course.pk)
    return {
        "course": Course.objects.filter(pk=course.pk).values().get(),
        "authors": sorted(course.authors.values_list("pk", flat=True)),
        "modules": list(Module.objects.filter(course=course).order_by("position").values()),
        "prerequisites": sorted(
            Module.prerequisites.through.objects.filter(from_module__course=course).values_list(
                "from_module_id", "to_module_id"
            )
        ),
        "lessons": list(Lesson.objects.filter(module__course=course).order_by("pk").values()),
        "attachments": list(
            LessonAttachment.objects.filter(lesson__module__course=course).order_by("pk").values()
        ),
    }


def test_duplicate_course_makes_a_deep_copy_as_a_new_draft(full_course, media, enrollment_admin):
    original = snapshot(full_course)
    original_files = stored_files(media)

    copy = services.duplicate_course(
        course=full_course,
        author=enrollment_admin,
        title="DBT Foundations 2025",
        slug="dbt-foundations-2025",
    )

    copy = Course.objects.get(pk=copy.pk)
    assert copy.pk != full_course.pk
    assert (copy.title, copy.slug) == ("DBT Foundations 2025", "dbt-foundations-2025")
    assert (copy.summary, copy.audience, copy.learning_objectives) == (
        full_course.summary,
        full_course.audience,
        full_course.learning_objectives,
    )
    assert (copy.ce_hours, copy.pass_mark) == (full_course.ce_hours, 75)
    assert copy.status == CourseStatus.DRAFT
    assert copy.published_at is None
    assert sorted(copy.authors.values_list("pk", flat=True)) == sorted(
        [enrollment_admin.pk, *original["authors"]]
    )

    # Modules: same tags and positions, new rows.
    old_modules = original["modules"]
    new_modules = list(Module.objects.filter(course=copy).order_by("position").values())
    assert len(new_modules) == 2
    fields = [*services.MODULE_FIELDS, "position"]
    assert [{f: m[f] for f in fields} for m in new_modules] == [
        {f: m[f] for f in fields} for m in old_modules
    ]
    assert {m["id"] for m in new_modules}.isdisjoint({m["id"] for m in old_modules})

    # Prerequisites point at the new modules, not the old ones.
    new_theory, new_skills = (Module.objects.get(pk=m["id"]) for m in new_modules)
    assert list(new_skills.prerequisites.all()) == [new_theory]
    assert list(new_theory.prerequisites.all()) == []

    # Lessons: same content and stored HTML, under the new modules.
    new_lessons = list(
        Lesson.objects.filter(module__course=copy).order_by("module__position", "position")
    )
    old_lessons = list(
        Lesson.objects.filter(module__course=full_course).order_by("module__position", "position")
    )
    lesson_fields = [*services.LESSON_FIELDS, "body_html", "position"]
    assert [{f: getattr(x, f) for f in lesson_fields} for x in new_lessons] == [
        {f: getattr(x, f) for f in lesson_fields} for x in old_lessons
    ]
    assert [x.module_id for x in new_lessons] == [new_theory.pk, new_theory.pk, new_skills.pk]
    assert new_lessons[0].body_html == "<h2>Why</h2>\n<p><strong>Transactions</strong>.</p>\n"

    # Attachments: new files with the same bytes.
    [new_attachment] = LessonAttachment.objects.filter(lesson__module__course=copy)
    [old_attachment] = original["attachments"]
    assert new_attachment.lesson_id == new_lessons[2].pk
    assert (new_attachment.title, new_attachment.kind, new_attachment.size) == (
        "TIPP handout",
        AttachmentKind.PDF,
        len(PDF),
    )
    assert new_attachment.file.name == f"lesson-attachments/{new_lessons[2].pk}/tipp.pdf"
    assert new_attachment.file.name != old_attachment["file"]
    assert (media / new_attachment.file.name).read_bytes() == PDF
    assert stored_files(media) == sorted([*original_files, new_attachment.file.name])

    # The original is untouched.
    assert snapshot(full_course) == original
    assert (media / old_attachment["file"]).read_bytes() == PDF


def test_duplicate_course_may_be_edited_apart_from_the_original(full_course, trainer):
    copy = services.duplicate_course(
        course=full_course, author=trainer, title="Copy", slug="dbt-foundations-copy"
    )
    original = snapshot(full_course)

    new_first = Module.objects.get(course=copy, position=1)
    services.update_module(module=new_first, title="Renamed in the copy")
    services.delete_module(module=Module.objects.get(course=copy, position=2))

    assert snapshot(full_course) == original
    assert module_outline(copy) == [("Renamed in the copy", 1)]


def test_duplicate_course_to_a_taken_slug_creates_nothing(full_course, media, trainer):
    CourseFactory(slug="dbt-foundations-2025", title="Already here")
    counts = (
        Course.objects.count(),
        Module.objects.count(),
        Lesson.objects.count(),
        LessonAttachment.objects.count(),
    )
    files = stored_files(media)

    with pytest.raises(ValidationError) as excinfo:
        services.duplicate_course(
            course=full_course, author=trainer, title="Copy", slug="dbt-foundations-2025"
        )

    assert excinfo.value.message_dict == {"slug": ["Course with this Slug already exists."]}
    assert (
        Course.objects.count(),
        Module.objects.count(),
        Lesson.objects.count(),
        LessonAttachment.objects.count(),
    ) == counts
    assert stored_files(media) == files


def test_duplicate_course_with_a_blank_title_creates_nothing(full_course, trainer):
    with pytest.raises(ValidationError) as excinfo:
        services.duplicate_course(course=full_course, author=trainer, title="", slug="new-slug")

    assert list(excinfo.value.message_dict) == ["title"]
    assert list(Course.objects.values_list("slug", flat=True)) == ["dbt-foundations"]
