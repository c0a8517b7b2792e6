"""`manage.py copy_media_to_storage`: the files under MEDIA_ROOT go into the bucket at the same
names (so the rows that name them keep working), a second run copies nothing, --dry-run changes
nothing, a different object at a name is left alone and reported."""

import datetime
from http import HTTPStatus
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from modules.models import LessonAttachment
from tests.factories import PDF, CohortFactory, EnrollmentFactory, LessonFactory, ModuleFactory

DOCX_BYTES = b"PK\x03\x04 pretend docx"
FILES = {
    "lesson-attachments/3/chain-analysis.pdf": PDF,
    "signatures/2026/signature-1.png": b"\x89PNG pretend",
    "submissions/9/1b13.docx": DOCX_BYTES,
}


@pytest.fixture
def media(settings, bucket, tmp_path):
    """Uploads from the days of local files, under a MEDIA_ROOT the bucket fixture left empty."""
    root = settings.MEDIA_ROOT
    for name, data in FILES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return root


def run(*args) -> str:
    out = StringIO()
    call_command("copy_media_to_storage", *args, stdout=out)
    return out.getvalue()


def test_every_local_file_is_copied_at_its_name(media, bucket):
    assert run() == "Copied 3 files (99\xa0bytes); 0 already there.\n"

    assert bucket.keys() == sorted(FILES)
    assert {name: bucket.read(name) for name in FILES} == FILES
    assert all(bucket.is_private(name) for name in FILES)


def test_a_second_run_copies_nothing(media, bucket):
    run()

    assert run() == "Copied 0 files (0\xa0bytes); 3 already there.\n"
    assert bucket.keys() == sorted(FILES)


def test_a_run_after_new_uploads_copies_only_those(media, bucket):
    run()
    (media / "lesson-attachments/3/handout.pdf").write_bytes(PDF)

    assert run() == f"Copied 1 file ({len(PDF)}\xa0bytes); 3 already there.\n"
    assert bucket.read("lesson-attachments/3/handout.pdf") == PDF


def test_a_dry_run_names_what_it_would_copy_and_copies_nothing(media, bucket):
    out = run("--dry-run", "--verbosity", "2")

    assert out.splitlines() == [
        f"  lesson-attachments/3/chain-analysis.pdf ({len(PDF)}\xa0bytes)",
        "  signatures/2026/signature-1.png (12\xa0bytes)",
        f"  submissions/9/1b13.docx ({len(DOCX_BYTES)}\xa0bytes)",
        "Would copy 3 files (99\xa0bytes); 0 already there.",
    ]
    assert bucket.keys() == []


def test_a_different_object_at_the_same_name_is_left_alone_and_reported(media, bucket):
    bucket.put("signatures/2026/signature-1.png", b"a newer upload")

    with pytest.raises(CommandError) as excinfo:
        run()

    assert str(excinfo.value) == (
        "1 file left alone: the storage holds a different file (another size) at the same name: "
        "signatures/2026/signature-1.png"
    )
    assert bucket.read("signatures/2026/signature-1.png") == b"a newer upload"
    assert bucket.keys() == sorted(FILES)  # the other two were copied


@pytest.mark.django_db
def test_a_copied_attachment_downloads_through_the_view(client, media, bucket, trainee):
    lesson = LessonFactory(module=ModuleFactory(position=1), position=1)
    today = timezone.localdate()
    cohort = CohortFactory(
        course=lesson.module.course,
        starts_on=today - datetime.timedelta(days=7),
        ends_on=today + datetime.timedelta(days=90),
    )
    enrollment = EnrollmentFactory(user=trainee, cohort=cohort)
    attachment = LessonAttachment.objects.create(
        lesson=lesson,
        title="Chain analysis",
        kind="pdf",
        size=len(PDF),
        file="lesson-attachments/3/chain-analysis.pdf",
    )
    run()
    for path in media.rglob("*"):
        if path.is_file():
            path.unlink()  # the local copies are gone: the bucket alone serves it now

    client.force_login(enrollment.user)
    response = client.get(reverse("learn:attachment", args=[cohort.pk, attachment.pk]))

    assert response.status_code == HTTPStatus.OK
    assert b"".join(response.streaming_content) == PDF


def test_without_a_bucket_it_refuses(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path

    with pytest.raises(CommandError, match="STORAGE_URL is not set"):
        run()


def test_a_missing_media_root_is_an_error(bucket, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "nowhere"

    with pytest.raises(CommandError, match="is not a folder; there is nothing to copy"):
        run()
