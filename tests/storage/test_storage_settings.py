"""STORAGE_URL: unset keeps local files; set, it names a private bucket; a malformed one stops
startup with a message that never repeats the secret key."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from dbt_training.settings.storage import DOWNLOAD_MEMORY_BYTES, media_storage

LOCAL = {"BACKEND": "django.core.files.storage.FileSystemStorage"}


@pytest.mark.parametrize("url", ["", "   ", None])
def test_without_a_url_uploads_stay_local_files(url):
    assert media_storage(url) == LOCAL


def test_a_full_url_names_a_private_bucket_on_that_server():
    entry = media_storage(
        "s3://AKIA123:abc%2Fdef+ghi@minio.internal:9000/training-media"
        "?region=eu-central-1&secure=false&prefix=/uploads/"
    )

    options = dict(entry["OPTIONS"])
    config = options.pop("client_config")
    assert entry["BACKEND"] == "storages.backends.s3.S3Storage"
    assert options == {
        "bucket_name": "training-media",
        "region_name": "eu-central-1",
        "location": "uploads",
        "default_acl": None,
        "querystring_auth": True,
        "file_overwrite": False,
        "max_memory_size": DOWNLOAD_MEMORY_BYTES,
        "endpoint_url": "http://minio.internal:9000",
        "access_key": "AKIA123",
        "secret_key": "abc/def+ghi",
    }
    assert (config.s3, config.signature_version) == ({"addressing_style": "path"}, "s3v4")
    assert (config.connect_timeout, config.read_timeout) == (5, 60)
    assert config.retries == {"max_attempts": 3, "mode": "standard"}


def test_without_host_or_keys_it_is_aws_with_the_usual_credential_chain():
    options = media_storage("s3:///training-media")["OPTIONS"]

    assert (options["bucket_name"], options["region_name"]) == ("training-media", "us-east-1")
    assert options["location"] == ""
    assert "endpoint_url" not in options
    assert "access_key" not in options and "secret_key" not in options


def test_a_host_defaults_to_https():
    options = media_storage("s3://k:s@storage.example.org/media")["OPTIONS"]

    assert options["endpoint_url"] == "https://storage.example.org"


@pytest.mark.parametrize(
    "url, message",
    [
        ("https://k:TOPSECRET@host/bucket", "STORAGE_URL must start with s3://"),
        ("s3://k:TOPSECRET@host", "STORAGE_URL must name one bucket after the host"),
        ("s3://k:TOPSECRET@host/bucket/folder", "STORAGE_URL must name one bucket after the host"),
        ("s3://k:TOPSECRET@host/bucket?secur=false", "unknown option secur; expected prefix, "),
        ("s3://k:TOPSECRET@host/bucket?secure=maybe", "secure must be true or false, not 'maybe'"),
        ("s3://k:TOPSECRET@host/bucket?secure", "STORAGE_URL has a malformed query string."),
        ("s3://k:TOPSECRET@/bucket?secure=false", "secure=false needs a host"),
    ],
)
def test_a_malformed_url_stops_startup_without_showing_the_secret(url, message):
    with pytest.raises(ImproperlyConfigured) as excinfo:
        media_storage(url)

    assert message in str(excinfo.value)
    assert "TOPSECRET" not in str(excinfo.value)
