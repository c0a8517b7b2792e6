"""Where uploads live: local files under MEDIA_ROOT (the embedded default), or a bucket of an
S3-compatible object store named by one variable, ``STORAGE_URL``::

    s3://ACCESS_KEY:SECRET_KEY@host:port/bucket?region=eu-central-1&secure=true&prefix=media

Every part but the bucket is optional: without a host the storage is AWS itself (the region picks
the endpoint), without keys boto3 finds credentials as it always does (an instance role,
AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY). Percent-encode a key's ``/`` as ``%2F``.
``secure=false`` speaks plain HTTP to the host (a MinIO on loopback); ``prefix`` keeps the
uploads under one folder of a shared bucket.

Objects are private: no ACL is sent, so the bucket's own (private) setting applies, and nothing
is ever handed out at a bucket address. Every download goes through the view that checks who may
read it and streams the bytes (see docs/architecture.md, "Uploaded files").
"""

from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

LOCAL = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
S3 = "storages.backends.s3.S3Storage"
QUERY_NAMES = {"region", "secure", "prefix"}
DEFAULT_REGION = "us-east-1"
# A download is copied from the bucket into a temporary file before the view streams it; past
# this size that file is on disk, not in memory (django-storages' default keeps it all in memory).
DOWNLOAD_MEMORY_BYTES = 5 * 1024 * 1024


def media_storage(url: str) -> dict:
    """The ``default`` entry of STORAGES for ``STORAGE_URL`` (empty: local files)."""
    url = (url or "").strip()
    if not url:
        return dict(LOCAL)
    parts = urlsplit(url)
    if parts.scheme != "s3":
        # Never echo the URL: it holds the secret key.
        raise ImproperlyConfigured("STORAGE_URL must start with s3:// (see .env.example).")
    bucket = parts.path.strip("/")
    if not bucket or "/" in bucket:
        raise ImproperlyConfigured(
            "STORAGE_URL must name one bucket after the host, e.g. s3://key:secret@host/bucket "
            "(use ?prefix= for a folder inside it)."
        )
    query = _query(parts.query)
    secure = _secure(query.get("secure", "true"))
    host = parts.netloc.rpartition("@")[2]
    if not host and not secure:
        raise ImproperlyConfigured("STORAGE_URL: secure=false needs a host to talk HTTP to.")
    from botocore.config import Config  # boto3 is needed only when a bucket is configured

    options = {
        "bucket_name": bucket,
        "region_name": query.get("region") or DEFAULT_REGION,
        "location": query.get("prefix", "").strip("/"),
        # Private objects: no ACL header, the bucket's private default applies (a bucket with
        # ACLs disabled, AWS's default since 2023, would refuse an explicit one).
        "default_acl": None,
        # Any URL the storage ever makes is signed and short-lived; the views do not use them.
        "querystring_auth": True,
        # A new upload never replaces another's object of the same name; it gets a new name.
        "file_overwrite": False,
        "max_memory_size": DOWNLOAD_MEMORY_BYTES,
        # Path-style addressing works on every S3-compatible server (MinIO, Ceph, moto), not
        # only where each bucket has its own DNS name. Bounded waits: a storage outage answers
        # within seconds instead of holding a web worker for minutes of retries.
        "client_config": Config(
            s3={"addressing_style": "path"},
            signature_version="s3v4",
            connect_timeout=5,
            read_timeout=60,
            retries={"max_attempts": 3, "mode": "standard"},
        ),
    }
    if host:
        options["endpoint_url"] = f"{'https' if secure else 'http'}://{host}"
    if parts.username is not None:
        options["access_key"] = unquote(parts.username)
        options["secret_key"] = unquote(parts.password or "")
    return {"BACKEND": S3, "OPTIONS": options}


def _query(text: str) -> dict[str, str]:
    try:
        query = parse_qs(text, keep_blank_values=True, strict_parsing=bool(text))
    except ValueError:
        raise ImproperlyConfigured("STORAGE_URL has a malformed query string.") from None
    unknown = sorted(set(query) - QUERY_NAMES)
    if unknown:
        # A typo ("secur=false") must stop startup, not be ignored.
        raise ImproperlyConfigured(
            f"STORAGE_URL: unknown option {', '.join(unknown)}; "
            f"expected {', '.join(sorted(QUERY_NAMES))}."
        )
    return {name: values[-1].strip() for name, values in query.items()}


def _secure(raw: str) -> bool:
    raw = raw.lower()
    if raw in {"1", "true", "yes", "on"}:
        return True
    if raw in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"STORAGE_URL: secure must be true or false, not {raw!r}.")
