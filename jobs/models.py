"""A long piece of work run in the background for one user: the year-end
report of a large area, the check and the write of a large import."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from coopportal.lib.restricted import RestrictedQuerySet


class JobQuerySet(RestrictedQuerySet):
    def unfinished(self):
        return self.filter(status__in=[Job.Status.QUEUED, Job.Status.RUNNING])


class Job(models.Model):
    """One background job: who asked, what it is, how far it got and what it
    made. While it runs, its progress is in a small file (``jobs.runner``),
    not in this row: the work may hold a transaction for minutes, and other
    requests must see the progress meanwhile."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("waiting to start")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="jobs", verbose_name=_("owner")
    )
    kind = models.CharField(_("kind"), max_length=60)
    title = models.CharField(_("title"), max_length=200)
    # The owner's language when the job was asked for: its messages speak it.
    language = models.CharField(_("language"), max_length=10, default="vi")
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.QUEUED)
    done = models.PositiveIntegerField(_("done"), default=0)
    total = models.PositiveIntegerField(_("to do"), default=0)
    stage = models.CharField(_("stage"), max_length=200, blank=True)
    message = models.TextField(_("message"), blank=True)
    result_name = models.CharField(_("file name"), max_length=200, blank=True)
    # Where the owner goes once the job is done (an import's preview), if not
    # to the job's own page; and where a failed job is started again.
    next_url = models.CharField(_("next page"), max_length=300, blank=True)
    again_url = models.CharField(_("start again at"), max_length=300, blank=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    started = models.DateTimeField(_("started"), null=True, blank=True)
    finished = models.DateTimeField(_("finished"), null=True, blank=True)

    objects = JobQuerySet.as_manager()

    class Meta:
        ordering = ["-created"]
        verbose_name = _("background job")
        verbose_name_plural = _("background jobs")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(done__lte=models.F("total")) | models.Q(total=0),
                name="job_done_within_total",
                violation_error_message=_("A job cannot have done more than it has to do."),
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def finished_ok(self):
        return self.status == self.Status.DONE

    @property
    def is_over(self):
        return self.status in {self.Status.DONE, self.Status.FAILED}

    @property
    def percent(self):
        if not self.total:
            return 100 if self.finished_ok else 0
        return min(100, round(100 * self.done / self.total))
