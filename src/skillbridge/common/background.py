"""Files built in the background: a person starts an export, watches it, downloads it.

An app marks each function that builds a file as an export builder:

    @export_builder
    def ranking_xlsx(*, params: dict, progress) -> ExportFile:
        progress(0, len(rows)) ...
        return ExportFile(filename="ranking.xlsx", content_type=XLSX_TYPE, content=data)

and its view, after checking the person's right, starts it:

    job = export_start(user=request.user, builder="skillbridge.review.exports.ranking_xlsx",
                       params={"call": call.pk}, title=_("Ranking"))
    return redirect(job.get_absolute_url())

The task worker runs the builder in the owner's language, stores the file in the
default storage, and mails the owner a link to it. The row names its builder by a
string, so only functions marked here run: a crafted path runs nothing.
"""

import logging
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import timedelta
from importlib import import_module

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from skillbridge.common import services, tasks
from skillbridge.common.models import ExportJob

logger = logging.getLogger(__name__)

# Finished files are kept this long, then `export_files_clean` deletes them.
KEEP_DAYS = 7
PREFIX = "skillbridge."

# Every function marked @export_builder, by its dotted path.
BUILDERS: dict[str, Callable] = {}


@dataclass(frozen=True)
class ExportFile:
    """What a builder returns: the file's name, its type and its bytes."""

    filename: str
    content_type: str
    content: bytes


def export_builder(build: Callable) -> Callable:
    """Decorator: allow `build` to run as a background export, by its dotted path."""
    path = f"{build.__module__}.{build.__qualname__}"
    if not path.startswith(PREFIX):
        raise ValueError(f"an export builder lives in the project: {path}")
    BUILDERS[path] = build
    return build


def builder_find(path: str) -> Callable:
    """The builder marked at `path`, importing its module (never anything outside the
    project) if this process has not yet; ValueError for anything else."""
    if path not in BUILDERS and path.startswith(PREFIX) and "." in path[len(PREFIX) :]:
        with suppress(ImportError):
            import_module(path.rsplit(".", 1)[0])
    if path not in BUILDERS:
        raise ValueError(f"not an export builder: {path!r}")
    return BUILDERS[path]


def export_start(*, user, builder: str, params: dict | None = None, title: str) -> ExportJob:
    """Queue the export built by `builder` for `user` and answer its job.

    The caller has checked the person's right; `params` must be JSON. The file is
    built in the language of the request that starts it.
    """
    builder_find(builder)
    job = ExportJob.objects.create(
        owner=user,
        title=str(title)[:200],
        builder=builder,
        params=params or {},
        language=translation.get_language() or user.preferred_language,
    )
    # The queue of the database backend lives in the same database: the worker sees the
    # task only once the job's row is committed with it.
    tasks.export_run_task.enqueue(job_id=job.pk)
    return job


def _progress_for(job: ExportJob) -> Callable[[int, int], None]:
    """A progress(done, total) that writes at most once per percent, committed at once
    so the progress page sees it."""
    last = {"percent": -1}

    def progress(done: int, total: int) -> None:
        percent = done * 100 // total if total else 0
        if percent != last["percent"]:
            last["percent"] = percent
            ExportJob.objects.filter(pk=job.pk).update(done=done, total=total)

    return progress


def export_run(*, job_id: int) -> ExportJob:
    """Build the job's file, store it, mark the job done and mail its owner.

    The builder runs outside any transaction (it may take minutes); a builder that
    fails marks the job failed with a message the owner can read, and nothing is mailed.
    """
    job = ExportJob.objects.select_related("owner").get(pk=job_id)
    if job.state != ExportJob.State.QUEUED:
        return job
    ExportJob.objects.filter(pk=job.pk).update(state=ExportJob.State.RUNNING)
    with translation.override(job.language):
        try:
            built = builder_find(job.builder)(params=job.params, progress=_progress_for(job))
        except ValidationError as error:
            return _export_fail(job, " ".join(str(m) for m in error.messages))
        except Exception:
            logger.exception("export %s (%s) failed", job.pk, job.builder)
            return _export_fail(job, _("The file could not be built. Please try again later."))
    return _export_finish(job, built)


def _export_fail(job: ExportJob, message: str) -> ExportJob:
    job.state = ExportJob.State.FAILED
    job.error = message
    job.finished_at = timezone.now()
    job.save(update_fields=["state", "error", "finished_at"])
    return job


@transaction.atomic
def _export_finish(job: ExportJob, built: ExportFile) -> ExportJob:
    job.refresh_from_db(fields=["done", "total"])
    job.file.save(built.filename, ContentFile(built.content), save=False)
    job.filename = built.filename
    job.content_type = built.content_type
    job.state = ExportJob.State.DONE
    job.total = job.total or 1
    job.done = job.total
    job.finished_at = timezone.now()
    job.save()
    language = job.owner.preferred_language or job.language
    services.mail_queue(
        to=job.owner.email,
        template="common/mail/export_ready",
        context={"job": job, "keep_days": KEEP_DAYS},
        language=language,
        kind="export_ready",
    )
    return job


def export_files_clean(*, now=None) -> int:
    """Delete the exports finished more than KEEP_DAYS ago, files first. Answers how many."""
    cutoff = (now or timezone.now()) - timedelta(days=KEEP_DAYS)
    old = ExportJob.objects.filter(finished_at__lt=cutoff)
    for job in old.exclude(file="").only("pk", "file").iterator():
        job.file.delete(save=False)
    return old.delete()[0]
