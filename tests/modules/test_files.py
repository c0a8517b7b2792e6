"""Attachment upload checks: size from settings, type from the bytes (modules.files)."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from modules.files import check_attachment, sniff_kind
from modules.taxonomy import AttachmentKind
from tests.factories import DOCX, PDF, ooxml

MP3_ID3 = b"ID3\x04\x00\x00\x00\x00\x00\x00" + bytes(64)
MP3_FRAME_SYNC = b"\xff\xfb\x90\x64" + bytes(64)
MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + bytes(64)
HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + bytes(64)
NOT_ACCEPTED = "Attach PDF, DOCX, PPTX, MP3 or MP4 files."


PPTX = ooxml("[Content_Types].xml", "_rels/.rels", "ppt/presentation.xml", "ppt/slides/slide1.xml")


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def refusal(file) -> ValidationError:
    with pytest.raises(ValidationError) as excinfo:
        check_attachment(file)
    return excinfo.value


# --- accepted -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, content, kind",
    [
        ("handout.pdf", PDF, AttachmentKind.PDF),
        ("HANDOUT.PDF", PDF, AttachmentKind.PDF),
        ("diary-card.docx", DOCX, AttachmentKind.DOCX),
        ("chain-analysis.pptx", PPTX, AttachmentKind.PPTX),
        ("mindfulness.mp3", MP3_ID3, AttachmentKind.MP3),
        ("breathing.mp3", MP3_FRAME_SYNC, AttachmentKind.MP3),
        ("role-play.mp4", MP4, AttachmentKind.MP4),
        ("role-play.m4v", MP4, AttachmentKind.MP4),
        ("notes.v2.pdf", PDF, AttachmentKind.PDF),
    ],
)
def test_real_file_with_matching_extension_is_accepted_with_its_kind(name, content, kind):
    file = upload(name, content)

    assert check_attachment(file) == kind
    assert file.tell() == 0  # rewound, ready to be stored


@pytest.mark.parametrize(
    "content, kind",
    [
        (PDF, AttachmentKind.PDF),
        (DOCX, AttachmentKind.DOCX),
        (PPTX, AttachmentKind.PPTX),
        (MP3_ID3, AttachmentKind.MP3),
        (MP3_FRAME_SYNC, AttachmentKind.MP3),
        (MP4, AttachmentKind.MP4),
        (HTML, None),
        (EXE, None),
        (b"", None),
        (b"\xff", None),
        (b"PK\x03\x04" + b"not really a zip" * 4, None),
        (ooxml("readme.txt"), None),
        (ooxml("word/document.xml"), None),
        (ooxml("[Content_Types].xml"), None),
    ],
)
def test_sniff_kind_judges_by_content_and_rewinds(content, kind):
    file = upload("whatever.bin", content)
    file.seek(5 if content else 0)

    assert sniff_kind(file) == kind
    assert file.tell() == 0


def test_file_exactly_at_the_limit_is_accepted(settings):
    settings.LESSON_ATTACHMENT_MAX_BYTES = len(PDF)

    assert check_attachment(upload("handout.pdf", PDF)) == AttachmentKind.PDF


# --- refused ------------------------------------------------------------------------------------


def test_oversize_file_is_refused_with_both_sizes(settings):
    settings.LESSON_ATTACHMENT_MAX_BYTES = 10

    error = refusal(upload("handout.pdf", b"%PDF-1.4\n%%EOF"))

    assert error.code == "too_large"
    assert error.messages == [
        "“handout.pdf” is 14\xa0bytes; attachments may be at most 10\xa0bytes."
    ]


def test_oversize_file_is_refused_in_megabytes(settings):
    settings.LESSON_ATTACHMENT_MAX_BYTES = 1024 * 1024

    error = refusal(upload("lecture.mp4", MP4 + bytes(2 * 1024 * 1024)))

    assert error.code == "too_large"
    assert error.messages == ["“lecture.mp4” is 2.0\xa0MB; attachments may be at most 1.0\xa0MB."]


def test_size_is_checked_before_the_type(settings):
    settings.LESSON_ATTACHMENT_MAX_BYTES = 4

    assert refusal(upload("virus.exe", EXE)).code == "too_large"


@pytest.mark.parametrize(
    "name", ["virus.exe", "handout.pdf.exe", "notes.txt", "page.html", "README"]
)
def test_unaccepted_extension_is_refused(name):
    error = refusal(upload(name, PDF))

    assert error.code == "bad_extension"
    assert error.messages == [f"“{name}” is not an accepted type. {NOT_ACCEPTED}"]


@pytest.mark.parametrize(
    "name, content, expected",
    [
        (
            "handout.pdf",
            HTML,
            "“handout.pdf” is named as a PDF file but its content is not a file type we accept.",
        ),
        (
            "handout.pdf",
            EXE,
            "“handout.pdf” is named as a PDF file but its content is not a file type we accept.",
        ),
        (
            "diary-card.docx",
            ooxml("[Content_Types].xml", "readme.txt"),
            "“diary-card.docx” is named as a Word (DOCX) file but its content is not a file type we "
            "accept.",
        ),
        (
            "diary-card.docx",
            ooxml("word/document.xml"),
            "“diary-card.docx” is named as a Word (DOCX) file but its content is not a file type we "
            "accept.",
        ),
        (
            "slides.pptx",
            DOCX,
            "“slides.pptx” is named as a PowerPoint (PPTX) file but its content is a Word (DOCX) file.",
        ),
        (
            "diary-card.docx",
            PPTX,
            "“diary-card.docx” is named as a Word (DOCX) file but its content is a PowerPoint (PPTX) file.",
        ),
        (
            "clip.mp4",
            PDF,
            "“clip.mp4” is named as an MP4 video file but its content is a PDF file.",
        ),
        (
            "song.mp3",
            MP4,
            "“song.mp3” is named as an MP3 audio file but its content is an MP4 video file.",
        ),
        (
            "empty.pdf",
            b"",
            "“empty.pdf” is named as a PDF file but its content is not a file type we accept.",
        ),
        (
            "corrupt.docx",
            b"PK\x03\x04" + b"this is not a zip directory" * 4,
            "“corrupt.docx” is named as a Word (DOCX) file but its content is not a file type we "
            "accept.",
        ),
    ],
)
def test_content_that_does_not_match_the_extension_is_refused(name, content, expected):
    file = upload(name, content)

    error = refusal(file)

    assert error.code == "content_mismatch"
    assert error.messages == [expected]
    assert file.tell() == 0
