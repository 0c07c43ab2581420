"""Running a job in a thread of the web process, and telling its progress.

No queue and no other service: the job starts in a thread once the request
that asked for it has committed, and the portal still runs as one command
(``make run``, gunicorn in the Dockerfile). The price is that a restart
kills the job's thread; such a job is recognised by its silence (no
heartbeat for ``STALE_SECONDS``) and shown as failed, to be started again.

Progress goes through a small JSON file per job (``JOBS_DIR/<id>/``),
replaced atomically about once a second by a ticker thread, not through
the job's row: an import writes inside one transaction, so anything it
wrote to the database would stay invisible until the end, and on SQLite a
second writing connection would wait for that transaction's lock. A file
is read the same way by every gunicorn worker, on PostgreSQL and SQLite.
The row is written only before the work starts and after it ends."""

import json
import logging
import os
import shutil
import tempfile
import threading
import time
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db import connections, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from jobs.models import Job

logger = logging.getLogger(__name__)

BEAT_SECONDS = 1.0
# How often a page showing a running job reloads itself.
REFRESH_SECONDS = 2
# A running job silent this long died with its process (a restart, a crash).
STALE_SECONDS = 60
# Jobs and their files are kept this long, then removed.
KEEP = timedelta(days=1)
PROGRESS_FILE = "progress.json"
DATA_FILE = "data.json"
RESULT_FILE = "result"


class JobFailed(Exception):
    """A job that cannot finish, with a message for its owner (already in
    the owner's language: the work runs under it)."""


def job_dir(pk):
    return Path(settings.JOBS_DIR) / str(int(pk))


def result_path(job):
    return job_dir(job.pk) / RESULT_FILE


def _write_json(path, value):
    """Replace ``path`` at once: a reader sees the old or the new file, never half."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as stream:
            json.dump(value, stream, ensure_ascii=False, default=str)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _read_json(path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


class Progress:
    """What the work reports as it goes. Calls are cheap (no I/O); the
    ticker writes the latest state to the progress file."""

    def __init__(self, job):
        self.job = job
        self.directory = job_dir(job.pk)
        self.stage, self.done, self.total = "", 0, 0
        self.message = ""
        self.result_name = ""
        self._lock = threading.Lock()

    def set(self, done=None, total=None, stage=None):
        with self._lock:
            if stage is not None:
                self.stage = str(stage)
            if total is not None:
                self.total = max(0, int(total))
            if done is not None:
                self.done = max(0, int(done))
            if self.total:
                self.done = min(self.done, self.total)

    def advance(self, count=1):
        self.set(done=self.done + count)

    def snapshot(self):
        with self._lock:
            return {"stage": self.stage, "done": self.done, "total": self.total, "beat": time.time()}

    def flush(self):
        _write_json(self.directory / PROGRESS_FILE, self.snapshot())

    def result_file(self, name):
        """The path to write the job's download to; ``name`` is the file
        name its owner gets."""
        self.result_name = name
        return self.directory / RESULT_FILE

    def save_data(self, value):
        """Keep a JSON value for the page that shows the result."""
        _write_json(self.directory / DATA_FILE, value)


def job_data(job):
    return _read_json(job_dir(job.pk) / DATA_FILE)


class _Ticker(threading.Thread):
    """Writes the progress file every BEAT_SECONDS until stopped: the file's
    time stamp is also the heartbeat that tells a live job from a dead one."""

    def __init__(self, progress):
        super().__init__(name=f"job-{progress.job.pk}-progress", daemon=True)
        self.progress = progress
        self.stopped = threading.Event()

    def run(self):
        while not self.stopped.wait(BEAT_SECONDS):
            try:
                self.progress.flush()
            except OSError:
                logger.exception("job %s: cannot write its progress", self.progress.job.pk)

    def stop(self):
        self.stopped.set()
        self.join()


def start(owner, kind, title, work, /, *, language=None, again_url="", **params):
    """Create a job and run ``work(progress, **params)`` for ``owner`` once
    the current transaction commits (at once with JOBS_RUN_INLINE, as the
    tests do). ``work`` returns a message for the owner or None; it raises
    JobFailed to fail with a message."""
    clean_up()
    job = Job.objects.create(
        owner=owner,
        kind=kind,
        title=str(title)[:200],
        language=language or translation.get_language() or settings.LANGUAGE_CODE,
        again_url=again_url,
    )
    # A directory left by a database since reset must not lend its files.
    shutil.rmtree(job_dir(job.pk), ignore_errors=True)
    job_dir(job.pk).mkdir(parents=True)
    if settings.JOBS_RUN_INLINE:
        run_job(job.pk, work, params)
    else:
        transaction.on_commit(lambda: _start_thread(job.pk, work, params))
    return job


def _start_thread(pk, work, params):
    threading.Thread(target=_in_thread, args=(pk, work, params), name=f"job-{pk}", daemon=True).start()


def _in_thread(pk, work, params):
    try:
        run_job(pk, work, params)
    finally:
        # The thread's own connections: nobody else will close them.
        connections.close_all()


def run_job(pk, work, params):
    """Run one job to its end, recording how it ended on its row."""
    job = Job.objects.get(pk=pk)
    progress = Progress(job)
    progress.directory.mkdir(parents=True, exist_ok=True)
    progress.flush()
    Job.objects.filter(pk=pk).update(status=Job.Status.RUNNING, started=timezone.now())
    ticker = _Ticker(progress)
    ticker.start()
    status, message = Job.Status.FAILED, ""
    with translation.override(job.language):
        try:
            message = work(progress, **params) or ""
            status = Job.Status.DONE
        except JobFailed as failure:
            message = str(failure)
        except Exception:
            logger.exception("job %s (%s) failed", pk, job.kind)
            message = _(
                "The job stopped on an unexpected error. Start it again; if it fails again, tell the administrator."
            )
        finally:
            ticker.stop()
            progress.flush()
    state = progress.snapshot()
    Job.objects.filter(pk=pk).update(
        status=status,
        message=str(message),
        done=state["done"],
        total=state["total"],
        stage=state["stage"][:200],
        result_name=progress.result_name if status == Job.Status.DONE else "",
        finished=timezone.now(),
    )


def refreshed(job):
    """``job`` with its latest progress; a job gone silent (its process
    restarted or died) is marked failed, so that nobody waits for it."""
    if job.is_over:
        return job
    state = _read_json(job_dir(job.pk) / PROGRESS_FILE)
    if state:
        job.stage, job.done, job.total = state["stage"], state["done"], state["total"]
        silent_since = state["beat"]
    else:
        silent_since = job.created.timestamp()
    if time.time() - silent_since > STALE_SECONDS:
        with translation.override(job.language):
            message = _("The job was interrupted (the server restarted); start it again.")
        Job.objects.filter(pk=job.pk, status=job.status).update(
            status=Job.Status.FAILED, message=message, finished=timezone.now()
        )
        job.refresh_from_db()
    return job


def clean_up(now=None):
    """Remove the jobs older than KEEP and their files."""
    cutoff = (now or timezone.now()) - KEEP
    old = list(Job.objects.filter(created__lt=cutoff).values_list("pk", flat=True))
    for pk in old:
        shutil.rmtree(job_dir(pk), ignore_errors=True)
    Job.objects.filter(pk__in=old).delete()
    # Folders whose job went with its owner (the rows cascade, files do not).
    root = Path(settings.JOBS_DIR)
    if root.is_dir():
        known = {str(pk) for pk in Job.objects.values_list("pk", flat=True)}
        for folder in root.iterdir():
            if folder.name.isdigit() and folder.name not in known and folder.stat().st_mtime < cutoff.timestamp():
                shutil.rmtree(folder, ignore_errors=True)
