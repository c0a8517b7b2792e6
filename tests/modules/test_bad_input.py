"""Hostile or odd input to the authoring pages: a clear answer, never a 500, nothing changed."""

import io
import struct
import zipfile
from http import HTTPStatus

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from courses.models import Course, CourseStatus
from modules import services
from modules.models import Lesson, LessonAttachment, Module
from tests.factories import CourseFactory, LessonFactory, ModuleFactory
from tests.second_factor import give_second_factor

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture
def course(trainer, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    course = CourseFactory(slug="dbt", title="DBT", authors=[trainer])
    module = ModuleFactory(course=course, title="Foundations", position=1)
    LessonFactory(module=module, title="Biosocial theory", position=1)
    LessonFactory(module=module, title="Dialectics", position=2)
    return course


@pytest.fixture
def author(client, trainer):
    client.force_login(trainer)
    return client


def lesson_args(course, position=1):
    lesson = Lesson.objects.get(module__course=course, position=position)
    return [course.slug, lesson.module_id, lesson.pk]


def zip_with_undecodable_name() -> bytes:
    """A zip whose entry claims UTF-8 names (flag 0x800) but holds bytes that are not UTF-8."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    data = bytearray(buffer.getvalue())
    central = data.rfind(b"PK\x01\x02")  # last central-directory entry: word/document.xml
    flags_at, name_at = central + 8, central + 46
    struct.pack_into("<H", data, flags_at, struct.unpack_from("<H", data, flags_at)[0] | 0x800)
    data[name_at : name_at + 2] = b"\xff\xfe"
    return bytes(data)


def office_zip(*parts: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for part in parts:
            archive.writestr(part, "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "notes.docx",
            zip_with_undecodable_name(),
            "“notes.docx” is named as a Word (DOCX) file but its content is not a file type we accept.",
        ),
        (
            "macro.docx",
            office_zip("[Content_Types].xml", "word/document.xml", "word/vbaProject.bin"),
            "“macro.docx” is named as a Word (DOCX) file but its content is not a file type we accept.",
        ),
        (
            "page.mp3",
            "\ufeff<html><script>alert(1)</script></html>".encode("utf-16-le"),
            "“page.mp3” is named as an MP3 audio file but its content is not a file type we accept.",
        ),
        (
            "clip.mp4",
            b"\x00\x00\x00\x14ftypqt  \x00\x00\x00\x00qt  ",
            "“clip.mp4” is named as an MP4 video file but its content is not a file type we accept.",
        ),
    ],
)
def test_disguised_or_damaged_uploads_are_refused_with_a_message(
    author, course, name, content, message
):
    response = author.post(
        reverse("authoring:attachment_add", args=lesson_args(course)),
        {"attachment-title": "", "attachment-upload": SimpleUploadedFile(name, content)},
    )

    assert response.status_code == HTTPStatus.OK
    assert message in response.content.decode()
    assert LessonAttachment.objects.count() == 0


def test_damaged_zip_import_is_refused_not_a_500(author, course):
    response = author.post(
        reverse("authoring:course_import"),
        {"archive": SimpleUploadedFile("course.zip", zip_with_undecodable_name())},
    )

    assert response.status_code == HTTPStatus.OK
    assert "Nothing was imported." in response.content.decode()
    assert Course.objects.count() == 1


def test_very_long_file_names_are_stored_under_a_short_name(author, course):
    name = "a" * 251 + ".pdf"
    url = reverse("authoring:attachment_add", args=lesson_args(course))

    for _ in range(2):
        response = author.post(
            url, {"attachment-title": "", "attachment-upload": SimpleUploadedFile(name, PDF)}
        )
        assert response.status_code == HTTPStatus.FOUND

    stored = [a.file.name.rsplit("/", 1)[-1] for a in LessonAttachment.objects.order_by("pk")]
    assert stored[0] == "a" * 80 + ".pdf"
    assert stored[1].startswith("a" * 80 + "_") and stored[1].endswith(".pdf")
    assert [a.title for a in LessonAttachment.objects.all()] == ["a" * 200, "a" * 200]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("release_offset_days", "40000", "Ensure this value is less than or equal to 3650."),
        ("due_offset_days", "3651", "Ensure this value is less than or equal to 3650."),
        (
            "prerequisites",
            "999999999999999999999999",
            "Select a valid choice. 999999999999999999999999 is not one of the available choices.",
        ),
        ("prerequisites", "abc", "Select a valid choice. abc is not one of the available choices."),
    ],
)
def test_out_of_range_module_values_are_form_errors(author, course, field, value, message):
    response = author.post(
        reverse("authoring:module_create", args=[course.slug]),
        {"title": "New", "component": "foundations", "release_offset_days": "0", field: value},
    )

    assert response.status_code == HTTPStatus.OK
    assert message in response.content.decode()
    assert Module.objects.count() == 1


def test_lesson_minutes_beyond_a_day_are_refused(author, course):
    response = author.post(
        reverse("authoring:lesson_edit", args=lesson_args(course)),
        {"title": "Long", "kind": "reading", "estimated_minutes": "5000000"},
    )

    assert "Ensure this value is less than or equal to 1440." in response.content.decode()
    assert Lesson.objects.get(pk=lesson_args(course)[2]).title == "Biosocial theory"


@pytest.mark.parametrize("direction", ["sideways", "", "UP"])
def test_unknown_move_direction_is_a_bad_request_and_moves_nothing(author, course, direction):
    args = lesson_args(course)

    response = author.post(reverse("authoring:lesson_move", args=args), {"direction": direction})

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert list(Lesson.objects.order_by("position").values_list("title", flat=True)) == [
        "Biosocial theory",
        "Dialectics",
    ]


def test_moving_the_last_lesson_down_says_it_is_already_last(author, course):
    response = author.post(
        reverse("authoring:lesson_move", args=lesson_args(course, position=2)),
        {"direction": "down"},
        follow=True,
    )

    assert "“Dialectics” is already last." in response.content.decode()


def test_published_course_keeps_its_last_lesson(author, course):
    course.status = CourseStatus.PUBLISHED
    course.save()
    module = course.modules.get()
    services.delete_lesson(lesson=module.lessons.get(position=2))

    response = author.post(
        reverse("authoring:lesson_delete", args=lesson_args(course)), follow=True
    )
    assert "A published course must keep at least one module with a lesson." in (
        response.content.decode()
    )
    response = author.post(reverse("authoring:module_delete", args=[course.slug, module.pk]))

    assert list(Lesson.objects.values_list("title", flat=True)) == ["Biosocial theory"]
    assert Module.objects.count() == 1


def test_lesson_page_has_no_duplicate_field_ids(author, course):
    html = author.get(reverse("authoring:lesson_edit", args=lesson_args(course))).content.decode()

    assert html.count('id="id_title"') == 1
    assert html.count('id="id_attachment-title"') == 1
    assert html.count('id="id_attachment-upload"') == 1


def test_missing_attachment_file_is_not_found_and_export_explains(author, course):
    attachment = services.add_attachment(
        lesson=Lesson.objects.get(pk=lesson_args(course)[2]),
        title="Handout",
        upload=SimpleUploadedFile("handout.pdf", PDF),
    )
    attachment.file.storage.delete(attachment.file.name)

    download = author.get(
        reverse("authoring:attachment_download", args=[course.slug, attachment.pk])
    )
    export = author.get(reverse("authoring:course_export", args=[course.slug]), follow=True)

    assert download.status_code == HTTPStatus.NOT_FOUND
    assert "Export failed: an attachment&#x27;s file is missing from storage." in (
        export.content.decode()
    )


def test_admin_lesson_edit_keeps_the_rules(client, course, django_user_model):
    admin_user = django_user_model.objects.create_superuser(
        "root@example.org", "a-Long-passphrase-42", full_name="Root"
    )
    give_second_factor(admin_user)
    client.force_login(admin_user)
    lesson = Lesson.objects.get(pk=lesson_args(course)[2])
    url = reverse("admin:modules_lesson_change", args=[lesson.pk])

    refused = client.post(
        url,
        {
            "title": "T",
            "kind": "reading",
            "estimated_minutes": "5",
            "video_url": "https://example.com/v",
            "body_markdown": "",
        },
    )
    saved = client.post(
        url,
        {
            "title": "T",
            "kind": "reading",
            "estimated_minutes": "5",
            "video_url": "",
            "body_markdown": "**Bold** <script>x()</script>",
        },
    )

    assert refused.status_code == HTTPStatus.OK
    assert "Use a YouTube or Vimeo link to a single video." in refused.content.decode()
    assert saved.status_code == HTTPStatus.FOUND
    lesson.refresh_from_db()
    assert lesson.body_html == "<p><strong>Bold</strong> </p>\n"
    for name in (
        "admin:modules_module_add",
        "admin:modules_lesson_add",
        "admin:modules_lessonattachment_add",
    ):
        assert client.get(reverse(name)).status_code == HTTPStatus.FORBIDDEN
