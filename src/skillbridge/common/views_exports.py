"""A background export's pages: its progress, then its file. Its owner's alone."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from skillbridge.common.accessors import object_for
from skillbridge.common.background import KEEP_DAYS
from skillbridge.common.models import ExportJob
from skillbridge.common.uploads import private_file_response


def export_job_for(user, pk: int) -> ExportJob:
    """The export `pk` if `user` started it: 404 to anyone else, who must not learn of it."""
    return object_for(user, ExportJob.objects.filter(owner=user), perm=None, pk=pk)


@login_required
def export_job(request, pk: int):
    """Its owner: the export's progress, refreshed while it runs, then the download link.

    htmx polls the progress block alone; without JavaScript the page refreshes itself."""
    job = export_job_for(request.user, pk)
    if request.htmx:
        return render(request, "common/includes/export_progress.html", {"job": job})
    return render(request, "common/export_job.html", {"job": job, "keep_days": KEEP_DAYS})


@login_required
def export_download(request, pk: int):
    """Its owner: the finished file (404 until it is ready)."""
    job = export_job_for(request.user, pk)
    if job.state != ExportJob.State.DONE or not job.file:
        raise Http404
    return private_file_response(job.file, filename=job.filename)
