"""Signature images for certificates: PNG or JPEG only, told by their content (never by the name
or the type the browser sent, as lesson attachments are checked in `modules.files`), small, and
readable by the PDF library that will print them."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from PIL import Image, UnidentifiedImageError

from assessments.quizzes.services import image_type

SIGNATURE_MAX_BYTES = 512 * 1024  # a scanned signature is a few tens of KB
SIGNATURE_MAX_PIXELS = 4000  # on either side: bigger is a photo or a decompression bomb
EXTENSIONS = {"image/png": "png", "image/jpeg": "jpg"}


@dataclass(frozen=True)
class CheckedSignature:
    extension: str  # "png" or "jpg", from the content
    width: int
    height: int


def check_signature(upload) -> CheckedSignature:
    """The upload as a signature image, or a ValidationError saying what is wrong with it."""
    if upload.size > SIGNATURE_MAX_BYTES:
        raise ValidationError(
            f"“{upload.name}” is {filesizeformat(upload.size)}; a signature image may be at "
            f"most {filesizeformat(SIGNATURE_MAX_BYTES)}.",
            code="too_large",
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    extension = EXTENSIONS.get(image_type(head) or "")
    if extension is None:
        raise ValidationError(
            f"“{upload.name}” is not a PNG or JPEG image. Upload the signature as a PNG or JPEG "
            "file.",
            code="not_an_image",
        )
    try:
        with Image.open(upload) as image:
            width, height = image.size
            if width <= SIGNATURE_MAX_PIXELS and height <= SIGNATURE_MAX_PIXELS:
                image.load()  # decodes it all: a damaged file fails here, not in the PDF
    except (OSError, ValueError, SyntaxError, UnidentifiedImageError, Image.DecompressionBombError):
        raise ValidationError(
            f"“{upload.name}” looks like a {extension.upper()} image but cannot be read. Save "
            "it again from an image editor and upload that file.",
            code="damaged",
        ) from None
    finally:
        upload.seek(0)
    if width > SIGNATURE_MAX_PIXELS or height > SIGNATURE_MAX_PIXELS:
        raise ValidationError(
            f"“{upload.name}” is {width} × {height} pixels; crop or shrink it to at most "
            f"{SIGNATURE_MAX_PIXELS} pixels on each side.",
            code="too_many_pixels",
        )
    return CheckedSignature(extension=extension, width=width, height=height)
