"""Download the pool's background export the way an officer does: start it, follow it."""

from django.urls import reverse

from skillbridge.common.models import ExportJob


def pool_export(client, programme, file_format: str, query: str = "") -> bytes:
    """Start the pool's export from its page (`query` holds the filters, "a=1&b=2") and
    answer the file the task worker stored (tasks run at once in tests)."""
    url = reverse("experts:pool", args=[programme.slug]) + f"?{query}&export={file_format}"
    response = client.get(url)
    job = ExportJob.objects.latest("pk")
    assert response["Location"] == job.get_absolute_url()
    assert job.state == "done", job.error
    with job.file.open("rb") as stored:
        return stored.read()
