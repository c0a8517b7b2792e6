"""Small HTTP pieces every app's views share."""

from django.http import FileResponse, Http404


def file_download(field_file, *, filename: str = "", missing: str = "The file is missing."):
    """Stream a stored file as an attachment; a file gone from storage answers 404 with
    `missing`, never a 500. The caller has already decided that the viewer may read it."""
    if not field_file:
        raise Http404(missing)
    try:
        content = field_file.open("rb")
    except FileNotFoundError:
        raise Http404(missing) from None
    return FileResponse(
        content, as_attachment=True, filename=filename or field_file.name.rsplit("/", 1)[-1]
    )


def attachment_headers(response, filename: str, *, inline: bool = False):
    """Name a generated download (CSV, PDF, calendar): attachment unless `inline`."""
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def posted_id(value) -> int | None:
    """A primary key from a form field or query string, or None: plain ASCII digits only, of a
    sane length (so "١٢", "1e3" or a 40-digit number is no id, not a 500)."""
    value = str(value or "")
    return int(value) if value.isascii() and value.isdigit() and len(value) < 19 else None
