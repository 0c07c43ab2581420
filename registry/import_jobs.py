"""Large registry imports as background jobs (see jobs/): a file of more
than IMPORT_JOB_THRESHOLD rows is read and checked by one job, which ends on
the usual preview, and written after the confirm by another, which ends on
the usual message. Reading and checking 50,000 rows takes about 30 s on a
quiet machine, writing them as long again: past the server's request
timeout under load. Smaller files keep the synchronous flow."""

import io
import zipfile
import zlib

from django.contrib.auth import get_user_model
from django.db import IntegrityError
from django.utils.translation import gettext as _

from jobs.runner import JobFailed
from registry.excel.exporter import write_rejected
from registry.excel.formats import SHEET_ROW, FileRejected, GuardedSpreadsheet, check_size
from registry.resources import RESOURCES

CHECK, WRITE = "registry.import_check", "registry.import_write"
SCAN_BYTES = 64 * 1024 * 1024  # what counting rows may unpack of one worksheet


def estimated_rows(data):
    """About how many rows a file has, without reading it: the row tags of
    its largest worksheet, or its lines. Only decides where the file is
    read (in the request or in a job); bounded, so that a zip bomb costs
    nothing here, and the reader's own checks apply in both places."""
    if data[:4] != b"PK\x03\x04":
        return data.count(b"\n")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            sheets = [i for i in archive.infolist() if i.filename.startswith("xl/worksheets/")]
            return max((_count_rows(archive, info) for info in sheets), default=0)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, OSError):
        return 0  # damaged: the reader says so, in the request


def _count_rows(archive, info):
    count, read, carry = 0, 0, b""
    with archive.open(info) as part:
        while read < SCAN_BYTES:
            chunk = part.read(1024 * 1024)
            read += len(chunk)
            text = carry + chunk
            if not chunk:
                return count + len(SHEET_ROW.findall(text))
            # A tag cut by the chunk's end is counted with the next chunk.
            limit = len(text) - 16
            count += sum(1 for match in SHEET_ROW.finditer(text) if match.start() < limit)
            carry = text[max(limit, 0) :]
    return count


class CountingSpreadsheet(GuardedSpreadsheet):
    """The guarded reader, telling ``progress`` the rows read as it goes."""

    def __init__(self, progress, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.progress = progress

    def rows(self, data):
        for number, cells in super().rows(data):
            if not number % 250:
                self.progress.set(done=number)
            yield number, cells


def _read(progress, data, filename):
    progress.set(done=0, total=estimated_rows(data), stage=_("Reading %(name)s") % {"name": filename})
    try:
        return CountingSpreadsheet(progress).create_dataset(data)
    except FileRejected as error:
        raise JobFailed(str(error)) from None
    except Exception:
        raise JobFailed(_("The file is damaged or not a spreadsheet, and cannot be read.")) from None


def _reporter(progress):
    labels = {
        "check": _("Checking the rows"),
        "write": _("Writing the records"),
        "history": _("Recording the change history"),
    }

    def tell(stage, done, total):
        progress.set(done=done, total=total, stage=labels[stage])

    return tell


def check_file(progress, kind, path, filename, scope, user_id, preview_rows):
    """The job that reads and checks a file (a dry run): its result is what
    the preview shows, and for a file with errors the rejected rows."""
    from registry.admin_excel import preview

    data = path.read_bytes()
    check_size(len(data))
    dataset = _read(progress, data, filename)
    if not dataset:
        raise JobFailed(_("The file has no rows to import."))
    user = get_user_model().objects.get(pk=user_id)
    result = RESOURCES[kind](scope=scope).import_data(dataset, dry_run=True, user=user, progress=_reporter(progress))
    plan = result.plan
    summary = {
        "ok": plan.ok,
        "counts": plan.counts,
        "errors": [{"row": e.row, "column": e.column, "value": e.value, "message": e.message} for e in plan.errors],
        "preview": preview(plan, preview_rows) if plan.ok else None,
    }
    if not plan.ok:
        stem = filename.rsplit(".", 1)[0]
        with open(progress.result_file(f"{stem}-loi.xlsx"), "wb") as stream:
            write_rejected(plan, stream, _("Error"))
    progress.save_data(summary)
    return ""


def write_file(progress, kind, path, filename, scope, user_id):
    """The job that writes a checked file after the confirm: the file is
    checked again (the registry may have changed since the preview) and
    written all or nothing."""
    refused = _("The file no longer passes the checks; nothing was imported. Upload it again.")
    data = path.read_bytes()
    dataset = _read(progress, data, filename)
    user = get_user_model().objects.get(pk=user_id)
    try:
        result = RESOURCES[kind](scope=scope).import_data(
            dataset, dry_run=False, user=user, progress=_reporter(progress)
        )
    except IntegrityError:
        # Another import took a code or a name between the check and the write.
        raise JobFailed(refused) from None
    plan = result.plan
    if not plan.ok or result.has_errors():
        raise JobFailed(refused)
    path.unlink(missing_ok=True)
    return _("Imported %(name)s: %(created)s new, %(updated)s updated, %(unchanged)s unchanged.") % {
        "name": filename,
        **plan.counts,
    }
