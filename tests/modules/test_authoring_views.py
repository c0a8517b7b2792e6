"""Who may open and use each authoring page: visitor, trainee, a trainer who is not on the course,
the course's own trainer, and an enrollment admin. Refused actions change nothing."""

from http import HTTPStatus
from pathlib import Path

import pytest
from django.urls import reverse

from courses.models import Course, CourseStatus
from dbt_training.users.roles import Role
from modules.models import Lesson, Module
from tests.factories import CourseFactory, LessonFactory, ModuleFactory, UserFactory

pytestmark = pytest.mark.django_db

VISITOR, TRAINEE, OTHER_TRAINER, COURSE_TRAINER, ADMIN = (
    "visitor",
    "trainee",
    "other_trainer",
    "course_trainer",
    "admin",
)


@pytest.fixture
def course(trainer):
    course = CourseFactory(slug="dbt-foundations", title="DBT Foundations", authors=[trainer])
    first = ModuleFactory(course=course, title="Foundations", position=1)
    second = ModuleFactory(
        course=course,
        title="Distress tolerance",
        position=2,
        component="skills_training_group",
        skills_modules=["distress_tolerance"],
    )
    LessonFactory(module=first, title="Biosocial theory", position=1)
    LessonFactory(module=first, title="Dialectics", position=2)
    LessonFactory(module=second, title="TIP skills", position=1)
    return course


@pytest.fixture
def login_as(client, trainee, trainer, enrollment_admin):
    other_trainer = UserFactory(
        email="olga@example.org", full_name="Olga Other", roles=[Role.TRAINER]
    )
    people = {
        TRAINEE: trainee,
        OTHER_TRAINER: other_trainer,
        COURSE_TRAINER: trainer,
        ADMIN: enrollment_admin,
    }

    def login(who: str):
        if who != VISITOR:
            client.force_login(people[who])
        return client

    return login


def course_pages(course):
    module = course.modules.get(position=1)
    lesson = module.lessons.get(position=1)
    slug = course.slug
    return [
        reverse("authoring:course", args=[slug]),
        reverse("authoring:course_details", args=[slug]),
        reverse("authoring:course_duplicate", args=[slug]),
        reverse("authoring:course_export", args=[slug]),
        reverse("authoring:course_preview", args=[slug]),
        reverse("authoring:lesson_preview", args=[slug, lesson.pk]),
        reverse("authoring:module_create", args=[slug]),
        reverse("authoring:module_edit", args=[slug, module.pk]),
        reverse("authoring:module_delete", args=[slug, module.pk]),
        reverse("authoring:lesson_create", args=[slug, module.pk]),
        reverse("authoring:lesson_edit", args=[slug, module.pk, lesson.pk]),
        reverse("authoring:lesson_delete", args=[slug, module.pk, lesson.pk]),
    ]


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        (VISITOR, HTTPStatus.FOUND),
        (TRAINEE, HTTPStatus.FORBIDDEN),
        (OTHER_TRAINER, HTTPStatus.FORBIDDEN),
        (COURSE_TRAINER, HTTPStatus.OK),
        (ADMIN, HTTPStatus.OK),
    ],
)
def test_course_authoring_pages_by_viewer(login_as, course, who, expected):
    client = login_as(who)

    for url in course_pages(course):
        response = client.get(url)
        assert response.status_code == expected, url
        if who == VISITOR:
            assert response["Location"].startswith(reverse("account_login") + "?next=")


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        (VISITOR, HTTPStatus.FOUND),
        (TRAINEE, HTTPStatus.FORBIDDEN),
        (OTHER_TRAINER, HTTPStatus.OK),
        (COURSE_TRAINER, HTTPStatus.OK),
        (ADMIN, HTTPStatus.OK),
    ],
)
def test_authoring_home_create_and_import_by_viewer(login_as, course, who, expected):
    client = login_as(who)

    for name in ("authoring:home", "authoring:course_create", "authoring:course_import"):
        assert client.get(reverse(name)).status_code == expected, name


def test_authoring_home_lists_only_the_trainers_own_courses(login_as, course):
    CourseFactory(title="Someone else's course")

    response = login_as(COURSE_TRAINER).get(reverse("authoring:home"))

    assert [c.title for c in response.context["courses"]] == ["DBT Foundations"]


def test_admin_sees_every_course_in_authoring(login_as, course):
    CourseFactory(title="Another course")

    response = login_as(ADMIN).get(reverse("authoring:home"))

    assert [c.title for c in response.context["courses"]] == ["Another course", "DBT Foundations"]


def state(course):
    return (
        Course.objects.get(pk=course.pk).status,
        list(Module.objects.filter(course=course).values_list("title", "position")),
        list(
            Lesson.objects.filter(module__course=course)
            .order_by("module__position", "position")
            .values_list("title", "position")
        ),
    )


def action_posts(course):
    module = course.modules.get(position=1)
    lesson = module.lessons.get(position=1)
    slug = course.slug
    return [
        (reverse("authoring:course_publish", args=[slug]), {}),
        (reverse("authoring:module_move", args=[slug, module.pk]), {"direction": "down"}),
        (
            reverse("authoring:lesson_move", args=[slug, module.pk, lesson.pk]),
            {"direction": "down"},
        ),
        (reverse("authoring:lesson_delete", args=[slug, module.pk, lesson.pk]), {}),
        (reverse("authoring:module_delete", args=[slug, module.pk]), {}),
        (
            reverse("authoring:course_details", args=[slug]),
            {"title": "Hijacked", "slug": slug, "summary": "x", "ce_hours": "1", "pass_mark": "50"},
        ),
        (
            reverse("authoring:module_create", args=[slug]),
            {"title": "Injected", "component": "foundations", "release_offset_days": "0"},
        ),
        (
            reverse("authoring:lesson_create", args=[slug, module.pk]),
            {"title": "Injected", "kind": "reading", "estimated_minutes": "5"},
        ),
    ]


@pytest.mark.parametrize("who", [VISITOR, TRAINEE, OTHER_TRAINER])
def test_refused_authoring_actions_change_nothing(login_as, course, who):
    client = login_as(who)
    before = state(course)

    for url, data in action_posts(course):
        response = client.post(url, data)
        assert response.status_code in (HTTPStatus.FOUND, HTTPStatus.FORBIDDEN), url
        if who != VISITOR:
            assert response.status_code == HTTPStatus.FORBIDDEN, url

    assert state(course) == before
    assert Course.objects.get(pk=course.pk).title == "DBT Foundations"


def test_ids_from_another_course_are_not_found(login_as, course, trainer):
    mine_too = CourseFactory(slug="second", authors=[trainer])
    foreign_module = ModuleFactory(course=mine_too)
    foreign_lesson = LessonFactory(module=foreign_module)
    client = login_as(COURSE_TRAINER)
    module = course.modules.get(position=1)

    for url in (
        reverse("authoring:module_edit", args=[course.slug, foreign_module.pk]),
        reverse("authoring:lesson_edit", args=[course.slug, module.pk, foreign_lesson.pk]),
        reverse("authoring:lesson_preview", args=[course.slug, foreign_lesson.pk]),
    ):
        assert client.get(url).status_code == HTTPStatus.NOT_FOUND, url
    response = client.post(
        reverse("authoring:lesson_delete", args=[course.slug, module.pk, foreign_lesson.pk])
    )
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert Lesson.objects.filter(pk=foreign_lesson.pk).exists()


def test_course_trainer_builds_reorders_and_publishes(login_as, course):
    client = login_as(COURSE_TRAINER)
    slug = course.slug
    second = course.modules.get(position=2)

    response = client.post(
        reverse("authoring:module_move", args=[slug, second.pk]), {"direction": "up"}
    )

    assert response["Location"] == reverse("authoring:course", args=[slug]) + f"#module-{second.pk}"
    assert list(course.modules.order_by("position").values_list("title", flat=True)) == [
        "Distress tolerance",
        "Foundations",
    ]
    response = client.post(reverse("authoring:course_publish", args=[slug]))
    assert Course.objects.get(pk=course.pk).status == CourseStatus.PUBLISHED
    assert client.get(reverse("catalogue:course", args=[slug])).status_code == HTTPStatus.OK


def test_publishing_an_empty_course_is_refused_with_a_message(login_as, trainer):
    empty = CourseFactory(slug="empty", authors=[trainer])
    client = login_as(COURSE_TRAINER)

    response = client.post(reverse("authoring:course_publish", args=[empty.slug]), follow=True)

    assert "Not published: Add at least one module with a lesson before publishing." in (
        response.content.decode()
    )
    assert Course.objects.get(pk=empty.pk).status == CourseStatus.DRAFT


def test_create_course_puts_the_trainer_on_it(login_as, trainer):
    client = login_as(COURSE_TRAINER)

    response = client.post(
        reverse("authoring:course_create"),
        {
            "title": "Skills Training Essentials",
            "slug": "skills-essentials",
            "summary": "Running a DBT skills group.",
            "ce_hours": "6.5",
            "pass_mark": "80",
        },
    )

    assert response["Location"] == reverse("authoring:course", args=["skills-essentials"])
    course = Course.objects.get(slug="skills-essentials")
    assert list(course.authors.all()) == [trainer]
    assert course.status == CourseStatus.DRAFT


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"slug": "dbt-foundations"}, "Course with this Slug already exists."),
        ({"slug": "Not a slug!"}, "Enter a valid “slug”"),
        ({"pass_mark": "101"}, "Ensure this value is less than or equal to 100."),
        ({"ce_hours": "-1"}, "Ensure this value is greater than or equal to 0."),
        ({"title": ""}, "This field is required."),
    ],
)
def test_bad_course_input_rerenders_with_errors(login_as, course, data, message):
    client = login_as(COURSE_TRAINER)
    valid = {
        "title": "New",
        "slug": "new-course",
        "summary": "s",
        "ce_hours": "1",
        "pass_mark": "80",
    }

    response = client.post(reverse("authoring:course_create"), {**valid, **data})

    assert response.status_code == HTTPStatus.OK
    assert message in response.content.decode()
    assert Course.objects.count() == 1


def test_prerequisite_cycle_is_refused_on_the_form(login_as, course):
    client = login_as(COURSE_TRAINER)
    first, second = course.modules.order_by("position")
    second.prerequisites.add(first)

    response = client.post(
        reverse("authoring:module_edit", args=[course.slug, first.pk]),
        {
            "title": first.title,
            "component": "foundations",
            "release_offset_days": "0",
            "prerequisites": [second.pk],
        },
    )

    assert response.status_code == HTTPStatus.OK
    assert "That would make a circle of prerequisites" in response.content.decode()
    assert list(first.prerequisites.all()) == []


def test_lesson_preview_button_renders_without_saving(login_as, course):
    client = login_as(COURSE_TRAINER)
    module = course.modules.get(position=1)
    lesson = module.lessons.get(position=1)

    response = client.post(
        reverse("authoring:lesson_edit", args=[course.slug, module.pk, lesson.pk]),
        {
            "title": "Changed",
            "kind": "reading",
            "estimated_minutes": "5",
            "body_markdown": "# Wise mind\n\n<script>alert(1)</script>",
            "preview": "1",
        },
    )

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "<h2>Wise mind</h2>" in html
    assert "<script>alert(1)</script>" not in html
    assert Lesson.objects.get(pk=lesson.pk).title == "Biosocial theory"


def test_markdown_preview_endpoint_sanitizes(login_as, course):
    client = login_as(COURSE_TRAINER)

    response = client.post(
        reverse("authoring:markdown_preview"),
        {"body_markdown": "**Radical acceptance** <img src=x onerror=alert(1)>"},
    )

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "<strong>Radical acceptance</strong>" in html
    assert "onerror" not in html


@pytest.mark.parametrize(("who", "expected"), [(VISITOR, 302), (TRAINEE, 403)])
def test_markdown_preview_refuses_non_authors(login_as, who, expected):
    response = login_as(who).post(reverse("authoring:markdown_preview"), {"body_markdown": "x"})

    assert response.status_code == expected


PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture
def attachment(course, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from modules import services

    settings.MEDIA_ROOT = tmp_path
    lesson = course.modules.get(position=1).lessons.get(position=1)
    return services.add_attachment(
        lesson=lesson,
        title="Chain analysis worksheet",
        upload=SimpleUploadedFile("chain-analysis.pdf", PDF, content_type="application/pdf"),
    )


def attachment_urls(course, attachment):
    lesson = attachment.lesson
    args = [course.slug, lesson.module_id, lesson.pk]
    return {
        "download": reverse("authoring:attachment_download", args=[course.slug, attachment.pk]),
        "add": reverse("authoring:attachment_add", args=args),
        "delete": reverse("authoring:attachment_delete", args=[*args, attachment.pk]),
        "unpublish": reverse("authoring:course_unpublish", args=[course.slug]),
    }


@pytest.mark.parametrize("who", [VISITOR, TRAINEE, OTHER_TRAINER])
def test_refused_attachment_and_unpublish_actions_change_nothing(login_as, course, attachment, who):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from modules.models import LessonAttachment

    course.status = CourseStatus.PUBLISHED
    course.save()
    client = login_as(who)
    urls = attachment_urls(course, attachment)
    expected = HTTPStatus.FOUND if who == VISITOR else HTTPStatus.FORBIDDEN

    assert client.get(urls["download"]).status_code == expected
    upload = SimpleUploadedFile("more.pdf", PDF, content_type="application/pdf")
    assert (
        client.post(
            urls["add"], {"attachment-title": "More", "attachment-upload": upload}
        ).status_code
        == expected
    )
    assert client.post(urls["delete"]).status_code == expected
    assert client.post(urls["unpublish"]).status_code == expected

    assert list(LessonAttachment.objects.values_list("title", flat=True)) == [
        "Chain analysis worksheet"
    ]
    assert attachment.file.storage.exists(attachment.file.name)
    assert Course.objects.get(pk=course.pk).status == CourseStatus.PUBLISHED


def test_course_trainer_downloads_and_removes_an_attachment(
    login_as, course, attachment, django_capture_on_commit_callbacks
):
    client = login_as(COURSE_TRAINER)
    urls = attachment_urls(course, attachment)

    response = client.get(urls["download"])
    assert response.status_code == HTTPStatus.OK
    assert b"".join(response.streaming_content) == PDF
    assert 'filename="chain-analysis.pdf"' in response["Content-Disposition"]

    with django_capture_on_commit_callbacks(execute=True):
        client.post(urls["delete"])
    assert not attachment.file.storage.exists(attachment.file.name)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "notes.pdf",
            b"<html><script>alert(1)</script></html>",
            "“notes.pdf” is named as a PDF file but its content is not a file type we accept.",
        ),
        ("virus.exe", b"MZ\x90\x00", "“virus.exe” is not an accepted type."),
    ],
)
def test_disguised_upload_is_refused_on_the_page_and_stores_nothing(
    login_as, course, attachment, name, content, message
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from modules.models import LessonAttachment

    client = login_as(COURSE_TRAINER)
    folder = Path(attachment.file.path).parent
    files_before = sorted(p.name for p in folder.iterdir())

    response = client.post(
        attachment_urls(course, attachment)["add"],
        {"attachment-title": "Sneaky", "attachment-upload": SimpleUploadedFile(name, content)},
    )

    assert response.status_code == HTTPStatus.OK
    assert message in response.content.decode()
    assert LessonAttachment.objects.count() == 1
    assert sorted(p.name for p in folder.iterdir()) == files_before


def test_oversize_upload_is_refused_with_the_limit(login_as, course, attachment, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.LESSON_ATTACHMENT_MAX_BYTES = 1024
    client = login_as(COURSE_TRAINER)

    response = client.post(
        attachment_urls(course, attachment)["add"],
        {
            "attachment-title": "Big",
            "attachment-upload": SimpleUploadedFile("big.pdf", PDF + b" " * 2000),
        },
    )

    assert "attachments may be at most 1.0\xa0KB" in response.content.decode()


def test_export_then_import_through_the_pages(login_as, course, attachment):
    import io
    import zipfile

    client = login_as(COURSE_TRAINER)

    exported = client.get(reverse("authoring:course_export", args=[course.slug]))
    assert exported["Content-Type"] == "application/zip"
    archive = b"".join(exported.streaming_content)
    assert "course.json" in zipfile.ZipFile(io.BytesIO(archive)).namelist()

    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(
        reverse("authoring:course_import"),
        {"archive": SimpleUploadedFile("course.zip", archive), "slug": "dbt-foundations-2027"},
    )

    assert response["Location"] == reverse("authoring:course", args=["dbt-foundations-2027"])
    imported = Course.objects.get(slug="dbt-foundations-2027")
    assert imported.status == CourseStatus.DRAFT
    assert list(imported.modules.values_list("title", flat=True)) == [
        "Foundations",
        "Distress tolerance",
    ]
    assert imported.modules.get(position=1).lessons.get(position=1).attachments.count() == 1


def test_bad_import_lists_problems_and_creates_nothing(login_as, course):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = login_as(COURSE_TRAINER)

    response = client.post(
        reverse("authoring:course_import"),
        {"archive": SimpleUploadedFile("course.zip", b"not a zip at all")},
    )

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "Nothing was imported. 1 problem found:" in html
    assert "This is not a course export (a .zip with course.json)." in html
    assert Course.objects.count() == 1


def test_duplicate_through_the_page(login_as, course, trainer):
    client = login_as(COURSE_TRAINER)
    url = reverse("authoring:course_duplicate", args=[course.slug])

    assert client.get(url).context["form"].initial == {
        "title": "DBT Foundations (new version)",
        "slug": "dbt-foundations-copy",
    }
    taken = client.post(url, {"title": "Copy", "slug": "dbt-foundations"})
    assert "A course with this web address already exists." in taken.content.decode()

    response = client.post(url, {"title": "DBT Foundations 2027", "slug": "dbt-2027"})

    assert response["Location"] == reverse("authoring:course", args=["dbt-2027"])
    copy = Course.objects.get(slug="dbt-2027")
    assert [m.title for m in copy.modules.order_by("position")] == [
        "Foundations",
        "Distress tolerance",
    ]
    assert Lesson.objects.filter(module__course=copy).count() == 3
