"""A real S3-compatible server on loopback (moto in server mode, spoken to over HTTP by boto3 as
any bucket would be, nothing mocked inside the client), a fresh bucket per test, and Django's
default storage pointed at it through the same STORAGE_URL parsing production uses."""

import uuid
from dataclasses import dataclass

import boto3
import pytest
from moto.server import ThreadedMotoServer

from dbt_training.settings.storage import media_storage
from tests.smtp import free_port

ACCESS_KEY, SECRET_KEY = "test-access", "test/secret+key"
# The grantee S3 names for "everyone" and "any AWS account": a private object grants neither.
PUBLIC_GROUPS = {
    "http://acs.amazonaws.com/groups/global/AllUsers",
    "http://acs.amazonaws.com/groups/global/AuthenticatedUsers",
}


@pytest.fixture(scope="session")
def s3_endpoint():
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        yield f"127.0.0.1:{port}"
    finally:
        server.stop()


@dataclass
class Bucket:
    name: str
    client: object

    def keys(self) -> list[str]:
        listing = self.client.list_objects_v2(Bucket=self.name)
        return sorted(item["Key"] for item in listing.get("Contents", []))

    def read(self, key: str) -> bytes:
        return self.client.get_object(Bucket=self.name, Key=key)["Body"].read()

    def put(self, key: str, data: bytes) -> None:
        self.client.put_object(Bucket=self.name, Key=key, Body=data)

    def delete(self, key: str) -> None:
        self.client.delete_object(Bucket=self.name, Key=key)

    def is_private(self, key: str) -> bool:
        """Only the owner may read it: one grant, FULL_CONTROL to the owner, none to a group."""
        acl = self.client.get_object_acl(Bucket=self.name, Key=key)
        grants = [(g["Grantee"].get("ID"), g["Permission"]) for g in acl["Grants"]]
        groups = {g["Grantee"].get("URI") for g in acl["Grants"]} & PUBLIC_GROUPS
        return grants == [(acl["Owner"]["ID"], "FULL_CONTROL")] and not groups


@pytest.fixture
def bucket(s3_endpoint, settings, tmp_path) -> Bucket:
    """A new bucket as the default storage; MEDIA_ROOT an empty folder that must stay empty."""
    name = f"media-{uuid.uuid4().hex[:12]}"
    client = boto3.client(
        "s3",
        endpoint_url=f"http://{s3_endpoint}",
        region_name="us-east-1",
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
    )
    client.create_bucket(Bucket=name)
    url = f"s3://{ACCESS_KEY}:test%2Fsecret+key@{s3_endpoint}/{name}?secure=false"
    # Assigning STORAGES sends setting_changed, which drops Django's cached storage objects, so
    # every FileField (they hold the lazy default_storage) now writes to the bucket.
    settings.STORAGES = {**settings.STORAGES, "default": media_storage(url)}
    settings.MEDIA_ROOT = tmp_path / "media"
    return Bucket(name=name, client=client)
