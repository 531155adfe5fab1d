"""Files live in S3-compatible object storage when STORAGE_BACKEND=s3 (a real SeaweedFS)."""

import pytest
from botocore import UNSIGNED
from botocore.exceptions import ClientError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.calls.factories import PDF_BYTES, AttachmentFactory
from tests.test_settings import PRODUCTION, SHARED_SERVICES, run_skillbridge


def test_an_uploaded_attachment_is_in_the_bucket_and_downloads_byte_for_byte(
    client, s3_storage, seaweedfs, settings, draft, applicant, officer, other_applicant
):
    client.force_login(applicant)
    body = PDF_BYTES + b"%" + bytes(range(256)) * 40 + b"\n%%EOF\n"
    upload = SimpleUploadedFile("plan.pdf", body, content_type="application/pdf")
    response = client.post(
        reverse("calls:attachment_add", args=[draft.pk]), {"kind": "other", "file": upload}
    )
    assert response.status_code == 302
    attachment = draft.attachments.get(original_name="plan.pdf")

    stored = seaweedfs.keys(s3_storage)
    assert stored[attachment.file.name] == body
    assert attachment.file.name.startswith("proposals/")
    assert not settings.MEDIA_ROOT.exists()

    download_url = reverse("calls:attachment_download", args=[draft.pk, attachment.pk])
    client.force_login(officer)
    download = client.get(download_url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == body
    assert download["Content-Disposition"] == 'attachment; filename="plan.pdf"'
    client.force_login(other_applicant)
    assert client.get(download_url).status_code == 404


def test_the_bucket_is_private(seaweedfs, s3_storage, draft):
    attachment = AttachmentFactory(proposal=draft)
    anonymous = seaweedfs.client()
    anonymous.meta.events.register("choose-signer.s3.*", lambda **kwargs: UNSIGNED)
    with pytest.raises(ClientError) as refused:
        anonymous.get_object(Bucket=s3_storage, Key=attachment.file.name)
    assert refused.value.response["ResponseMetadata"]["HTTPStatusCode"] == 403


def test_storage_backend_s3_in_the_environment_writes_to_the_bucket(seaweedfs, bucket):
    script = (
        "from django.core.files.base import ContentFile;"
        "from django.core.files.storage import default_storage as s;"
        "print(s.save('checks/hello.txt', ContentFile(b'hello from settings')))"
    )
    result = run_skillbridge("shell", "-c", script, **seaweedfs.environment(bucket))
    assert result.returncode == 0, result.stderr
    assert seaweedfs.keys(bucket) == {"checks/hello.txt": b"hello from settings"}


def test_storage_backend_s3_without_a_bucket_stops_start_up():
    result = run_skillbridge("check", STORAGE_BACKEND="s3", S3_BUCKET="")
    assert result.returncode != 0
    assert "S3_BUCKET is required when STORAGE_BACKEND is s3" in result.stderr


def test_the_deploy_check_passes_with_object_storage(seaweedfs, bucket):
    result = run_skillbridge(
        "check", "--deploy", **PRODUCTION, **SHARED_SERVICES, **seaweedfs.environment(bucket)
    )
    assert result.returncode == 0, result.stderr
