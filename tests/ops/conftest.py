import uuid

import pytest

from tests.calls.cast import *  # noqa: F403
from tests.ops.seaweed import start_seaweedfs


@pytest.fixture(scope="session")
def seaweedfs(tmp_path_factory):
    server = start_seaweedfs(tmp_path_factory.mktemp("seaweedfs"))
    yield server
    server.stop()


@pytest.fixture
def bucket(seaweedfs):
    """A new, empty bucket of its own for one test."""
    name = f"sb-{uuid.uuid4().hex[:16]}"
    seaweedfs.client().create_bucket(Bucket=name)
    return name


@pytest.fixture
def s3_storage(settings, seaweedfs, bucket, tmp_path):
    """Point Django's default storage at the bucket, as STORAGE_BACKEND=s3 does."""
    environment = seaweedfs.environment(bucket)
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "endpoint_url": environment["S3_ENDPOINT_URL"],
                "bucket_name": bucket,
                "access_key": environment["S3_ACCESS_KEY_ID"],
                "secret_key": environment["S3_SECRET_ACCESS_KEY"],
                "region_name": environment["S3_REGION"],
                "addressing_style": "path",
                "signature_version": "s3v4",
                "default_acl": None,
                "file_overwrite": False,
            },
        },
    }
    return bucket
