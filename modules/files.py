"""Upload checks for lesson attachments: size from settings, type from the bytes themselves.

A file's name can claim anything; we read its signature (and, for Office files, the ZIP
directory) and accept it only when the content and the extension agree.
"""

import zipfile
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

from .taxonomy import AttachmentKind

EXTENSIONS = {
    ".pdf": AttachmentKind.PDF,
    ".docx": AttachmentKind.DOCX,
    ".pptx": AttachmentKind.PPTX,
    ".mp3": AttachmentKind.MP3,
    ".mp4": AttachmentKind.MP4,
    ".m4v": AttachmentKind.MP4,
}
# How messages name each kind ("an MP3 audio file", not "a MP3 audio").
DESCRIPTIONS = {
    AttachmentKind.PDF: "a PDF file",
    AttachmentKind.DOCX: "a Word (DOCX) file",
    AttachmentKind.PPTX: "a PowerPoint (PPTX) file",
    AttachmentKind.MP3: "an MP3 audio file",
    AttachmentKind.MP4: "an MP4 video file",
}
# The part every Word / PowerPoint (OOXML) package must contain.
_OOXML_MAIN_PART = {
    AttachmentKind.DOCX: "word/document.xml",
    AttachmentKind.PPTX: "ppt/presentation.xml",
}


def sniff_kind(upload) -> AttachmentKind | None:
    """What the file really is, judged from its first bytes (and ZIP directory), or None."""
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return AttachmentKind.PDF
    if head[4:8] == b"ftyp":
        return AttachmentKind.MP4
    if head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0):
        return AttachmentKind.MP3
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(upload) as package:
                names = set(package.namelist())
        except zipfile.BadZipFile:
            return None
        finally:
            upload.seek(0)
        for kind, part in _OOXML_MAIN_PART.items():
            if "[Content_Types].xml" in names and part in names:
                return kind
    return None


def check_attachment(upload) -> AttachmentKind:
    """The attachment's kind, or a ValidationError that tells the trainer what is wrong."""
    limit = settings.LESSON_ATTACHMENT_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            f"“{upload.name}” is {filesizeformat(upload.size)}; attachments may be at most "
            f"{filesizeformat(limit)}.",
            code="too_large",
        )
    claimed = EXTENSIONS.get(PurePath(upload.name).suffix.lower())
    if claimed is None:
        raise ValidationError(
            f"“{upload.name}” is not an accepted type. Attach PDF, DOCX, PPTX, MP3 or MP4 files.",
            code="bad_extension",
        )
    actual = sniff_kind(upload)
    if actual != claimed:
        raise ValidationError(
            f"“{upload.name}” is named as {DESCRIPTIONS[claimed]} but its content is "
            f"{DESCRIPTIONS[actual] if actual else 'not a file type we accept'}.",
            code="content_mismatch",
        )
    return actual
