"""Cross-cutting records: the audit log, the mail outbox and background exports."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class AuditEntry(models.Model):
    """One thing that happened: who did what to which record, and when.

    Entries are only ever added. `before` and `after` hold the state on each
    side of a transition (for example "draft" → "submitted").
    """

    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=80)
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.CharField(max_length=64)
    target = GenericForeignKey("content_type", "object_id")
    before = models.CharField(_("from"), max_length=255, blank=True)
    after = models.CharField(_("to"), max_length=255, blank=True)
    data = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action}"


class OutboxMessage(models.Model):
    """An email as it was written, before and after delivery.

    Every message the application sends is recorded here first, inside the
    transaction of the step that caused it, so a rolled-back step sends
    nothing and officers can always see what went out.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")

    created_at = models.DateTimeField(_("written"), auto_now_add=True, db_index=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name=_("programme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="outbox",
    )
    to = models.EmailField(_("to"))
    subject = models.CharField(_("subject"), max_length=255)
    body = models.TextField(_("body"))
    html_body = models.TextField(_("HTML body"), blank=True)
    language = models.CharField(_("language"), max_length=8)
    kind = models.CharField(_("kind"), max_length=60, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    error = models.TextField(blank=True)

    class Meta:
        verbose_name = _("outbox message")
        verbose_name_plural = _("outbox")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.to}: {self.subject}"


class ScheduledJob(models.Model):
    """The last period in which a periodic job of `run_scheduled` ran to completion.

    Its row is the lock that lets `run_scheduled` start on several machines at once:
    whoever locks the row runs the job, the others skip it for that period.
    """

    name = models.CharField(_("job"), max_length=200, unique=True)
    last_period_start = models.DateTimeField(_("last period"), null=True, blank=True)
    last_finished_at = models.DateTimeField(_("last finished"), null=True, blank=True)
    last_result = models.CharField(_("last result"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("scheduled job")
        verbose_name_plural = _("scheduled jobs")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ExportJob(models.Model):
    """A file built in the background for one person: its progress, then the file.

    `builder` is the dotted path of a function marked `@export_builder`
    (common.background); only such functions ever run, whatever the row says.
    The file is private: only its owner downloads it, through a view.
    """

    class State(models.TextChoices):
        QUEUED = "queued", _("waiting")
        RUNNING = "running", _("in progress")
        DONE = "done", _("ready")
        FAILED = "failed", _("failed")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.CASCADE,
        related_name="export_jobs",
    )
    title = models.CharField(_("title"), max_length=200)
    builder = models.CharField(_("builder"), max_length=200)
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    language = models.CharField(_("language"), max_length=8)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.QUEUED)
    done = models.PositiveIntegerField(_("done"), default=0)
    total = models.PositiveIntegerField(_("total"), default=0)
    file = models.FileField(_("file"), upload_to="exports/%Y/%m/", blank=True)
    filename = models.CharField(_("file name"), max_length=200, blank=True)
    content_type = models.CharField(_("content type"), max_length=120, blank=True)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("started"), auto_now_add=True, db_index=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("export")
        verbose_name_plural = _("exports")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("exports:job", kwargs={"pk": self.pk})

    @property
    def is_waiting(self) -> bool:
        return self.state == self.State.QUEUED

    @property
    def is_running(self) -> bool:
        return self.state == self.State.RUNNING

    @property
    def has_failed(self) -> bool:
        return self.state == self.State.FAILED

    @property
    def is_finished(self) -> bool:
        return self.state in (self.State.DONE, self.State.FAILED)

    @property
    def percent(self) -> int:
        if self.state == self.State.DONE:
            return 100
        return min(100, self.done * 100 // self.total) if self.total else 0
