"""Every kind of upload with a bucket as the storage (issue 24, item 1): stored as a private
object, read back through the view that checks who may read it (streamed through the view, never
a bucket address), refused to the wrong people, and a 404 when the object has gone."""

import base64
import datetime
from http import HTTPStatus
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from pypdf import PdfReader

from assessments.completion import pdf as certificate_pdf
from assessments.models import Assignment, ProgramSignatory, QuestionMedia, Submission
from assessments.quizzes import bank
from assessments.quizzes import services as quiz_services
from assessments.quizzes.interchange import MediaData
from assessments.quizzes.services import AnswerData
from dbt_training.users.roles import Role
from modules import services as module_services
from modules.models import LessonAttachment
from tests.factories import (
    PDF,
    CertificateFactory,
    CohortFactory,
    CourseFactory,
    EnrollmentFactory,
    LessonFactory,
    ModuleFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNgaGgAAAGEAQFWjyAjAAAAAElFTkSuQmCC"
)


def started_cohort(course, trainer):
    today = timezone.localdate()
    return CohortFactory(
        course=course,
        trainers=[trainer],
        starts_on=today - datetime.timedelta(days=7),
        ends_on=today + datetime.timedelta(days=90),
    )


@pytest.fixture
def course(trainer):
    course = CourseFactory(authors=[trainer], title="DBT Foundations")
    module = ModuleFactory(course=course, position=1, title="Foundations")
    LessonFactory(module=module, position=1, title="Biosocial theory")
    return course


@pytest.fixture
def lesson(course):
    return course.modules.get(position=1).lessons.get(position=1)


@pytest.fixture
def cohort(course, trainer):
    return started_cohort(course, trainer)


@pytest.fixture
def enrollment(cohort, trainee):
    return EnrollmentFactory(user=trainee, cohort=cohort)


@pytest.fixture
def other_cohort_trainee(course, other_trainee):
    """A trainee of another cohort of the same course: the wrong trainee here."""
    EnrollmentFactory(user=other_trainee, cohort=started_cohort(course, UserFactory()))
    return other_trainee


@pytest.fixture
def other_trainer(db):
    user = UserFactory(email="rowan@example.org", roles=[Role.TRAINER])
    started_cohort(CourseFactory(authors=[user]), user)
    return user


def body(response) -> bytes:
    assert response.streaming  # streamed through the view, not built in memory by it
    return b"".join(response.streaming_content)


def stored_locally(settings) -> list:
    return list(settings.MEDIA_ROOT.rglob("*")) if settings.MEDIA_ROOT.exists() else []


# --- lesson attachments ---------------------------------------------------------------------------


def add_url(lesson) -> str:
    return reverse(
        "authoring:attachment_add", args=[lesson.module.course.slug, lesson.module_id, lesson.pk]
    )


def test_a_trainers_upload_is_a_private_object_in_the_bucket(
    client, trainer, lesson, bucket, settings
):
    client.force_login(trainer)

    response = client.post(
        add_url(lesson),
        {
            "attachment-title": "Chain analysis worksheet",
            "attachment-upload": SimpleUploadedFile("chain-analysis.pdf", PDF),
        },
    )

    assert response.status_code == HTTPStatus.FOUND
    attachment = LessonAttachment.objects.get()
    assert attachment.file.name == f"lesson-attachments/{lesson.pk}/chain-analysis.pdf"
    assert bucket.keys() == [attachment.file.name]
    assert bucket.read(attachment.file.name) == PDF
    assert bucket.is_private(attachment.file.name)
    assert stored_locally(settings) == []


def test_a_second_upload_of_the_same_name_gets_its_own_object(trainer, lesson, bucket):
    first, second = (
        module_services.add_attachment(
            lesson=lesson, title=title, upload=SimpleUploadedFile("handout.pdf", data)
        )
        for title, data in (("First", PDF), ("Second", PDF + b"%second"))
    )

    assert first.file.name != second.file.name
    assert bucket.keys() == sorted([first.file.name, second.file.name])
    assert bucket.read(first.file.name) == PDF


@pytest.fixture
def attachment(lesson, bucket):
    return module_services.add_attachment(
        lesson=lesson,
        title="Chain analysis worksheet",
        upload=SimpleUploadedFile("chain-analysis.pdf", PDF),
    )


def learn_url(cohort, attachment) -> str:
    return reverse("learn:attachment", args=[cohort.pk, attachment.pk])


def test_a_trainee_of_the_cohort_downloads_the_object_through_the_view(
    client, enrollment, attachment
):
    client.force_login(enrollment.user)

    response = client.get(learn_url(enrollment.cohort, attachment))

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Disposition"] == 'attachment; filename="chain-analysis.pdf"'
    assert response["Content-Length"] == str(len(PDF))
    assert body(response) == PDF
    assert bucket_address_absent(response)


def bucket_address_absent(response) -> bool:
    # The bytes come through the view: no redirect to a (signed) bucket address.
    return "Location" not in response and response.status_code != HTTPStatus.FOUND


def test_a_trainee_of_another_cohort_and_a_visitor_are_refused(
    client, cohort, enrollment, other_cohort_trainee, attachment, bucket
):
    url = learn_url(cohort, attachment)

    response = client.get(url)
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith("/accounts/login/")

    client.force_login(other_cohort_trainee)
    assert client.get(url).status_code == HTTPStatus.NOT_FOUND
    assert bucket.keys() == [attachment.file.name]


def test_the_authors_download_is_refused_to_another_courses_trainer(
    client, trainer, other_trainer, attachment
):
    url = reverse(
        "authoring:attachment_download", args=[attachment.lesson.module.course.slug, attachment.pk]
    )

    client.force_login(other_trainer)
    assert client.get(url).status_code == HTTPStatus.FORBIDDEN

    client.force_login(trainer)
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    assert body(response) == PDF


def test_an_object_gone_from_the_bucket_is_404_not_500(
    client, trainer, enrollment, attachment, bucket
):
    bucket.delete(attachment.file.name)

    client.force_login(enrollment.user)
    response = client.get(learn_url(enrollment.cohort, attachment))
    assert response.status_code == HTTPStatus.NOT_FOUND

    client.force_login(trainer)
    author_url = reverse(
        "authoring:attachment_download", args=[attachment.lesson.module.course.slug, attachment.pk]
    )
    assert client.get(author_url).status_code == HTTPStatus.NOT_FOUND


def test_removing_an_attachment_deletes_its_object_after_commit(
    client, trainer, attachment, bucket, django_capture_on_commit_callbacks
):
    lesson = attachment.lesson
    client.force_login(trainer)
    url = reverse(
        "authoring:attachment_delete",
        args=[lesson.module.course.slug, lesson.module_id, lesson.pk, attachment.pk],
    )

    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url).status_code == HTTPStatus.FOUND

    assert bucket.keys() == []


def test_duplicating_a_course_copies_its_objects_inside_the_bucket(trainer, attachment, bucket):
    copy = module_services.duplicate_course(
        course=attachment.lesson.module.course,
        author=trainer,
        title="DBT Foundations (copy)",
        slug="dbt-foundations-copy",
    )

    duplicate = LessonAttachment.objects.get(lesson__module__course=copy)
    assert duplicate.file.name != attachment.file.name
    assert bucket.keys() == sorted([attachment.file.name, duplicate.file.name])
    assert bucket.read(duplicate.file.name) == PDF


# --- worksheet files ------------------------------------------------------------------------------


@pytest.fixture
def upload_assignment(course):
    return Assignment.objects.create(
        module=course.modules.get(position=1),
        title="Scanned diary card",
        worksheet="file_upload",
        about_client=False,
    )


def assignment_url(name, cohort, assignment) -> str:
    return reverse(f"assignments:{name}", args=[cohort.pk, assignment.pk])


def test_a_worksheet_file_is_stored_in_the_bucket_and_read_back_by_its_owner_and_trainer(
    client, trainer, other_trainer, enrollment, other_cohort_trainee, upload_assignment, bucket
):
    cohort = enrollment.cohort
    client.force_login(enrollment.user)

    client.post(
        assignment_url("save", cohort, upload_assignment),
        {"file": SimpleUploadedFile("Diary card week 1.pdf", PDF)},
    )

    submission = Submission.objects.get()
    assert submission.file_name == "Diary card week 1.pdf"
    assert bucket.keys() == [submission.file.name]
    assert bucket.is_private(submission.file.name)
    mine = client.get(assignment_url("file", cohort, upload_assignment))
    assert mine.status_code == HTTPStatus.OK
    assert mine["Content-Disposition"] == 'attachment; filename="Diary card week 1.pdf"'
    assert body(mine) == PDF
    client.post(
        assignment_url("submit", cohort, upload_assignment), {"confirm_deidentified": "yes"}
    )
    submission.refresh_from_db()
    assert submission.status == "submitted"

    grading_url = reverse("grading:submission_file", args=[cohort.pk, submission.pk])
    client.force_login(other_trainer)
    assert client.get(grading_url).status_code == HTTPStatus.FORBIDDEN
    client.force_login(other_cohort_trainee)
    assert client.get(assignment_url("file", cohort, upload_assignment)).status_code == (
        HTTPStatus.NOT_FOUND
    )
    client.force_login(trainer)
    assert body(client.get(grading_url)) == PDF

    bucket.delete(submission.file.name)
    assert client.get(grading_url).status_code == HTTPStatus.NOT_FOUND
    client.force_login(enrollment.user)
    assert client.get(assignment_url("file", cohort, upload_assignment)).status_code == (
        HTTPStatus.NOT_FOUND
    )


# --- signature images -----------------------------------------------------------------------------


def signature_png() -> bytes:
    data = BytesIO()
    Image.new("RGB", (600, 150), "white").save(data, "PNG")
    return data.getvalue()


def test_a_signature_image_is_stored_privately_and_printed_from_the_bucket(
    client, course, enrollment_admin, enrollment, bucket
):
    image = signature_png()
    client.force_login(enrollment_admin)
    signatory_url = reverse("certificates:signatory", args=[course.slug])

    response = client.post(
        signatory_url,
        {
            "name": "Marsha Example, PhD",
            "title": "CE program director",
            "signature": SimpleUploadedFile("scan.png", image, content_type="image/png"),
        },
    )

    assert response.status_code == HTTPStatus.FOUND
    name = ProgramSignatory.objects.get(course=course).signature.name
    assert bucket.keys() == [name]
    assert bucket.is_private(name)
    preview = client.get(reverse("certificates:signature", args=[course.slug]))
    assert body(preview) == image

    certificate = CertificateFactory(
        enrollment=enrollment, signature=name, signatory_name="Marsha Example, PhD"
    )
    printed = certificate_pdf.render(certificate, verify_url="http://testserver/x/")
    sizes = [picture.image.size for picture in PdfReader(BytesIO(printed)).pages[0].images]
    assert (600, 150) in sizes

    bucket.delete(name)
    assert (
        client.get(reverse("certificates:signature", args=[course.slug])).status_code
        == HTTPStatus.NOT_FOUND
    )


# --- question media -------------------------------------------------------------------------------


def test_question_media_is_stored_in_the_bucket_and_served_to_the_courses_author(
    client, course, trainer, other_trainer, bucket
):
    category = bank.create_category(course=course, name="Pictures")
    question = quiz_services.save_question(
        category=category,
        kind="true_false",
        text='Wise mind? <img src="@@PLUGINFILE@@/circles.png" alt="Three circles">',
        text_format="html",
        answers=[AnswerData(text="True", fraction=100), AnswerData(text="False", fraction=0)],
    )
    quiz_services.attach_media(question=question, media=[MediaData("circles.png", PNG)])
    media = QuestionMedia.objects.get()
    url = reverse("quizzes:question_media", args=[question.pk, "circles.png"])

    assert bucket.keys() == [media.file.name]
    assert bucket.is_private(media.file.name)
    client.force_login(other_trainer)
    assert client.get(url).status_code == HTTPStatus.NOT_FOUND
    client.force_login(trainer)
    response = client.get(url)
    assert (response["Content-Type"], body(response)) == ("image/png", PNG)

    bucket.delete(media.file.name)
    assert client.get(url).status_code == HTTPStatus.NOT_FOUND
