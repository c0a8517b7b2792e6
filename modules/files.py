"""Upload checks for lesson attachments: size from settings, type from the bytes themselves.

A file's name can claim anything; we read its signature (and, for Office files, the ZIP
directory) and accept it only when the content and the extension agree.
"""

import zipfile
import zlib
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


# ISO base-media "major brands" of ordinary MP4 video; QuickTime, HEIC, AVIF and 3GP share the
# `ftyp` box but are other formats.
MP4_BRANDS = {
    b"isom",
    b"iso2",
    b"iso3",
    b"iso4",
    b"iso5",
    b"iso6",
    b"mp41",
    b"mp42",
    b"mp71",
    b"avc1",
    b"M4V ",
    b"M4VH",
    b"M4VP",
    b"dash",
    b"MSNV",
    b"mmp4",
    b"f4v ",
}
# Everything zipfile raises on a damaged or hostile archive.
ZIP_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    RuntimeError,
    NotImplementedError,
    ValueError,
    UnicodeDecodeError,
    OSError,
)


def _is_mpeg_audio_frame(head: bytes) -> bool:
    """An MPEG audio frame header (ISO/IEC 11172-3): sync bits, and no reserved version,
    layer, bitrate or sampling-rate values, so that e.g. a UTF-16 text file (FF FE) fails."""
    if len(head) < 3 or head[0] != 0xFF or head[1] & 0xE0 != 0xE0:
        return False
    version, layer = (head[1] >> 3) & 0b11, (head[1] >> 1) & 0b11
    bitrate, sampling = head[2] >> 4, (head[2] >> 2) & 0b11
    return version != 0b01 and layer != 0b00 and bitrate != 0b1111 and sampling != 0b11


def sniff_kind(upload) -> AttachmentKind | None:
    """What the file really is, judged from its first bytes (and ZIP directory), or None."""
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return AttachmentKind.PDF
    if head[4:8] == b"ftyp" and head[8:12] in MP4_BRANDS:
        return AttachmentKind.MP4
    if head.startswith(b"ID3") or _is_mpeg_audio_frame(head):
        return AttachmentKind.MP3
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(upload) as package:
                names = set(package.namelist())
        except ZIP_ERRORS:
            return None
        finally:
            upload.seek(0)
        if any(name.endswith("vbaProject.bin") for name in names):
            return None  # macro-enabled (.docm / .pptm) under an Office name
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
