"""Spreadsheet import and export in the registry admin, on
django-import-export's ImportMixin: upload → preview → confirm, with the
portal's guarantees added at its extension points:

- the upload is bounded before it is read (size, type) and parsed through
  the guarded formats (registry.excel.formats);
- the resource (registry.resources) validates every row at once, within the
  user's area (``scope`` in the resource's kwargs), and writes all or nothing;
- the preview shows every column as read for new rows and old → new for the
  fields an update changes; a file with errors lists them all and offers
  the rejected rows as a workbook with an error column;
- a confirm is accepted only from the session that uploaded the file, and
  re-checks the file: if the registry changed meanwhile, nothing is written;
- the template to fill in and the export action write the import format;
- a file of more than IMPORT_JOB_THRESHOLD rows is checked, then written,
  by background jobs (registry.import_jobs) whose page shows the progress
  and ends on the same preview and message.
"""

import secrets
import time
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export.admin import ExportActionMixin, ImportMixin
from import_export.forms import ImportForm
from import_export.tmp_storages import TempFolderStorage

from coopportal.lib.xlsx import xlsx_response
from jobs.models import Job
from jobs.runner import REFRESH_SECONDS, job_data, refreshed, start
from jobs.views import owned_job
from registry import import_jobs
from registry.excel.exporter import write_registry, write_rejected, write_template
from registry.excel.formats import FileRejected, GuardedSpreadsheet, check_size

PREVIEW_ROWS = 100
SESSION_KEY = "registry_uploads"
UPLOAD_TTL_SECONDS = 24 * 3600
JOBS_IN_SESSION = 20


class UploadStorage(TempFolderStorage):
    """The library's temporary-file storage, in IMPORT_UPLOAD_DIR: a random
    name per upload, files older than a day removed."""

    def get_full_path(self):
        return str(Path(settings.IMPORT_UPLOAD_DIR) / Path(self.name).name)

    def save(self, data):
        folder = Path(settings.IMPORT_UPLOAD_DIR)
        folder.mkdir(parents=True, exist_ok=True)
        cutoff = time.time() - UPLOAD_TTL_SECONDS
        for old in folder.iterdir():
            if old.stat().st_mtime < cutoff:
                old.unlink(missing_ok=True)
        if not self.name:
            self.name = secrets.token_urlsafe(16)
        with open(self.get_full_path(), "wb") as stream:
            stream.write(data)


class SpreadsheetImportForm(ImportForm):
    """The library's upload form, refusing before anything is read a file
    too large or of another kind. One format reads both kinds, so there is
    no format to choose."""

    def __init__(self, formats, resources, **kwargs):
        super().__init__(formats, resources, **kwargs)
        self.fields["import_file"].label = gettext_lazy("Spreadsheet (.xlsx or .csv)")
        self.fields["import_file"].widget.attrs["accept"] = ".xlsx,.csv"
        self.fields["format"].widget = forms.HiddenInput()
        self.fields["format"].initial = "0"

    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
        try:
            check_size(upload.size)
        except FileRejected as error:
            raise forms.ValidationError(str(error)) from None
        name = upload.name.lower()
        if not name.endswith((".xlsx", ".csv")):
            raise forms.ValidationError(_("Upload an Excel workbook (.xlsx) or a CSV file (.csv)."))
        if name.endswith(".xlsx"):
            head = upload.read(4)
            upload.seek(0)
            if head != b"PK\x03\x04":
                raise forms.ValidationError(
                    _("This is not an Excel .xlsx workbook (it may be .xls or another file renamed).")
                )
        return upload


class GuardedImportMixin(ImportMixin):
    """What every spreadsheet import of the admin shares: the guarded
    format and upload storage, import only for those who may add and
    change, the user's area in the resource's kwargs, and one message when
    a confirmed file no longer passes."""

    import_form_class = SpreadsheetImportForm
    formats = [GuardedSpreadsheet]
    tmp_storage_class = UploadStorage

    def get_import_formats(self):
        return [GuardedSpreadsheet]

    def has_import_permission(self, request):
        return self.has_add_permission(request) and self.has_change_permission(request)

    def get_import_resource_kwargs(self, request, **kwargs):
        from accounts.scoping import scope_for

        return {"scope": scope_for(request.user)}

    def _refuse(self, request):
        messages.error(request, _("The file no longer passes the checks; nothing was imported. Upload it again."))
        return HttpResponseRedirect(reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_import"))


class SpreadsheetAdminMixin(GuardedImportMixin):
    """Import/export for a registry ModelAdmin; ``spreadsheet_kind`` is
    "cooperatives" or "groups", ``resource_classes`` its resource."""

    spreadsheet_kind = None
    import_export_change_list_template = "admin/registry/change_list_spreadsheet.html"
    import_template_name = "admin/registry/import.html"
    actions = ["export_xlsx"]

    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        wrap = self.admin_site.admin_view
        own = [
            path("import/template.xlsx", wrap(self.template_view), name=f"{prefix}_template"),
            path("import/<str:token>/rejected.xlsx", wrap(self.rejected_view), name=f"{prefix}_rejected"),
            path("import/job/<int:pk>/", wrap(self.import_job_view), name=f"{prefix}_import_job"),
        ]
        return own + super().get_urls()

    # -- permissions and scope -----------------------------------------------
    def changelist_view(self, request, extra_context=None):
        # The "Import from Excel" button only for those who may import.
        extra_context = {**(extra_context or {}), "has_import_permission": self.has_import_permission(request)}
        return super().changelist_view(request, extra_context)

    # -- uploads belong to the session that made them --------------------------
    def _remember(self, request, token, name, large=False):
        uploads = request.session.get(SESSION_KEY, {})
        uploads[token] = {"kind": self.spreadsheet_kind, "name": name, "large": large}
        request.session[SESSION_KEY] = uploads

    def _upload(self, request, token):
        meta = request.session.get(SESSION_KEY, {}).get(Path(token).name)
        if not meta or meta["kind"] != self.spreadsheet_kind:
            raise Http404(_("This upload has expired; upload the file again."))
        storage = self.get_tmp_storage_class()(
            name=Path(token).name, read_mode="rb", **self.get_tmp_storage_class_kwargs()
        )
        try:
            return meta, storage, storage.read()
        except OSError:
            raise Http404(_("This upload has expired; upload the file again.")) from None

    def _forget(self, request, token):
        uploads = request.session.get(SESSION_KEY, {})
        uploads.pop(token, None)
        request.session[SESSION_KEY] = uploads

    # -- views -------------------------------------------------------------------
    def add_data_read_fail_error_to_form(self, form, e):
        if isinstance(e, FileRejected):
            form.add_error("import_file", str(e))
        else:
            form.add_error("import_file", _("The file is damaged or not a spreadsheet, and cannot be read."))

    def import_action(self, request, **kwargs):
        if request.method == "POST" and self.has_import_permission(request):
            form = self.create_import_form(request)
            if form.is_valid():
                upload = form.cleaned_data["import_file"]
                data = b"".join(upload.chunks())
                if import_jobs.estimated_rows(data) > settings.IMPORT_JOB_THRESHOLD:
                    return self._start_import_job(request, import_jobs.CHECK, data, upload.name)
                upload.seek(0)
        response = super().import_action(request, **kwargs)
        context = getattr(response, "context_data", None)
        if context is None:
            return response
        context["template_url"] = reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_template")
        form = context.get("form")
        upload = (
            form.cleaned_data.get("import_file") if form is not None and form.is_bound and form.is_valid() else None
        )
        token = Path(getattr(upload, "tmp_storage_name", "") or "").name
        result = context.get("result")
        if token and result is not None and getattr(result, "plan", None) is not None:
            self._remember(request, token, upload.name)
            plan = result.plan
            context.update(
                {
                    "plan": plan,
                    "counts": plan.counts,
                    "token": token,
                    "filename": upload.name,
                    "preview": preview(plan, PREVIEW_ROWS),
                    "preview_limit": PREVIEW_ROWS,
                    "rejected_url": reverse(
                        f"admin:{self.opts.app_label}_{self.opts.model_name}_rejected", args=[token]
                    ),
                }
            )
        return response

    def process_import(self, request, **kwargs):
        if not self.has_import_permission(request):
            raise PermissionDenied
        token = Path(request.POST.get("import_file_name", "")).name
        meta, storage, data = self._upload(request, token)  # 404 unless this session uploaded it
        if meta.get("large"):
            # A confirm is accepted once: the write job owns the file now.
            self._forget(request, token)
            return self._start_import_job(request, import_jobs.WRITE, data, meta["name"], path=storage)
        try:
            response = super().process_import(request, **kwargs)
        except IntegrityError:
            # Another import took a code or a name between the check and the write.
            return self._refuse(request)
        self._forget(request, token)
        return response

    # -- large files: background jobs ------------------------------------------
    def _url(self, name, *args):
        return reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_{name}", args=args)

    def _start_import_job(self, request, kind, data, filename, path=None):
        """Keep the upload (unless the confirm's is kept already) and start
        the job that checks it (CHECK) or writes it (WRITE)."""
        if path is None:
            storage = self.get_tmp_storage_class()(read_mode="rb", **self.get_tmp_storage_class_kwargs())
            storage.save(data)
            self._remember(request, storage.name, filename, large=True)
            path = storage
        params = {
            "kind": self.spreadsheet_kind,
            "path": Path(path.get_full_path()),
            "filename": filename,
            "scope": self.get_import_resource_kwargs(request)["scope"],
            "user_id": request.user.pk,
        }
        if kind == import_jobs.CHECK:
            title = _("Checking %(name)s") % {"name": filename}
            work, params["preview_rows"] = import_jobs.check_file, PREVIEW_ROWS
        else:
            title = _("Importing %(name)s") % {"name": filename}
            work = import_jobs.write_file
        job = start(
            request.user, f"{kind}.{self.spreadsheet_kind}", title, work, again_url=self._url("import"), **params
        )
        if kind == import_jobs.CHECK:
            self._remember_job(request, job, Path(path.get_full_path()).name, filename)
        return HttpResponseRedirect(self._url("import_job", job.pk))

    def _remember_job(self, request, job, token, filename):
        jobs = request.session.get(SESSION_KEY + "_jobs", {})
        jobs[str(job.pk)] = {"token": token, "name": filename}
        # The latest few are enough: a preview older than a day has no upload left.
        request.session[SESSION_KEY + "_jobs"] = dict(list(jobs.items())[-JOBS_IN_SESSION:])

    def import_job_view(self, request, pk):
        """A large import's job: its progress while it runs; then, for the
        check, the usual preview (or every error), for the write, the usual
        message on the list; a failure with the way back to the upload."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        job = refreshed(owned_job(request, pk))
        if not job.kind.endswith(f".{self.spreadsheet_kind}"):
            raise Http404
        context = {
            **self.admin_site.each_context(request),
            "title": job.title,
            "opts": self.model._meta,
            "job": job,
            "refresh_seconds": REFRESH_SECONDS,
        }
        if job.status == Job.Status.DONE and job.kind.startswith(import_jobs.WRITE):
            messages.success(request, job.message)
            return HttpResponseRedirect(self._url("changelist"))
        if job.status == Job.Status.DONE:
            return self._job_preview(request, job, context)
        return TemplateResponse(request, "admin/registry/import_job.html", context)

    def _job_preview(self, request, job, context):
        """The preview page of a checked large file, from the job's result."""
        summary = job_data(job)
        upload = request.session.get(SESSION_KEY + "_jobs", {}).get(str(job.pk))
        if summary is None or upload is None:
            raise Http404(_("This upload has expired; upload the file again."))
        token, filename = upload["token"], upload["name"]
        plan = {"ok": summary["ok"], "errors": summary["errors"]}
        context.update(
            {
                "title": _("Import"),
                "plan": plan,
                "counts": summary["counts"],
                "token": token,
                "filename": filename,
                "preview": summary["preview"],
                "preview_limit": PREVIEW_ROWS,
                "rejected_url": reverse("jobs:download", args=[job.pk]),
                "form": self.create_import_form(request),
                "template_url": self._url("template"),
            }
        )
        if summary["ok"] and token in request.session.get(SESSION_KEY, {}):
            initial = {"import_file_name": token, "original_file_name": filename, "format": "0", "resource": ""}
            context["confirm_form"] = self.get_confirm_form_class(request)(initial=initial)
        return TemplateResponse(request, [self.import_template_name], context)

    def process_result(self, result, request):
        plan = getattr(result, "plan", None)
        if plan is None or not plan.ok or result.has_errors():
            # The registry changed since the preview (e.g. a code was taken).
            return self._refuse(request)
        messages.success(
            request,
            _("Imported %(name)s: %(created)s new, %(updated)s updated, %(unchanged)s unchanged.")
            % {"name": request.POST.get("original_file_name", ""), **plan.counts},
        )
        return HttpResponseRedirect(reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist"))

    def rejected_view(self, request, token):
        if not self.has_import_permission(request):
            raise PermissionDenied
        meta, _storage, data = self._upload(request, token)
        dataset = GuardedSpreadsheet().create_dataset(data)
        resource = self.get_import_resource_classes(request)[0](**self.get_import_resource_kwargs(request))
        plan = resource.import_data(dataset, dry_run=True, user=request.user).plan
        stem = Path(meta["name"]).stem
        return xlsx_response(f"{stem}-loi.xlsx", lambda s: write_rejected(plan, s, _("Error")))

    def template_view(self, request):
        if not self.has_import_permission(request):
            raise PermissionDenied
        name = {"cooperatives": "Mẫu nhập hợp tác xã.xlsx", "groups": "Mẫu nhập tổ hợp tác.xlsx"}[self.spreadsheet_kind]
        return xlsx_response(name, lambda s: write_template(self.spreadsheet_kind, s))

    @admin.action(description=gettext_lazy("Export selected to Excel"), permissions=["view"])
    def export_xlsx(self, request, queryset):
        return xlsx_response(
            f"{self.spreadsheet_kind}.xlsx", lambda s: write_registry(self.spreadsheet_kind, queryset, s)
        )


def _shown(column, value):
    """A value as the preview shows it: dates dd/mm/yyyy, choices by label."""
    if value is None or value == "":
        return ""
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y")
    if column is not None and column.kind in {"choice", "bool"}:
        return column.export(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return number_format(value, force_grouping=True)
    if hasattr(value, "name") and hasattr(value, "code"):
        return f"{value.name} ({value.code})"
    return str(value)


def preview(plan, limit):
    """What the preview shows: the headers of the columns the file gives;
    each new row with every column as read; each updated record with the
    fields that change, old → new."""
    sheet = plan.sheet
    positions, _unknown = sheet.header_map(plan.headers)
    columns = [c for c in sheet.columns if c.key in positions]

    def cell(record, column):
        if column.key == "commune_code":
            return record.commune_id or ""
        if column.key == "commune":
            return record.commune.name if record.commune_id else ""
        if column.key == "upgraded_to":
            return record.upgraded_to.registration_code if record.upgraded_to_id else ""
        return _shown(column, getattr(record, column.key))

    created = [[cell(record, c) for c in columns] for record in plan.created[:limit]]
    updated = []
    for record, changed, _status in plan.updated[:limit]:
        before = plan.changes.get(record.pk, {})
        changes = []
        for name in changed:
            key = name.removesuffix("_id")
            column = next((c for c in sheet.columns if c.key == key), None)
            label = column.vi if column else ("Xã, phường" if key == "commune" else key)
            old, new = before.get(name), getattr(record, name)
            changes.append((label, _shown(column, old), _shown(column, new)))
        updated.append((str(record), changes))
    return {"headers": [c.vi for c in columns], "created": created, "updated": updated}


class SimpleSpreadsheetAdminMixin(GuardedImportMixin, ExportActionMixin):
    """django-import-export's import (upload → preview → confirm) and export
    action for the simpler sheets (yearly reports, OCOP products,
    value-chain models, plan targets and actuals), with the guarded format,
    the user's area in the resource's kwargs and import only for those who
    may add and change. The export writes the admin's own (scoped) queryset."""

    skip_export_form_from_action = True  # one format, every column: straight to the file
    import_error_display = ("message",)  # never a traceback

    def get_export_formats(self):
        return [GuardedSpreadsheet]

    def has_export_permission(self, request):
        return self.has_view_permission(request)

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            # The records changed since the preview (a decision deleted, a key
            # taken): the import was rolled back, so say so, not "finished".
            return self._refuse(request)
        return super().process_result(result, request)

    def get_export_resource_kwargs(self, request, **kwargs):
        return self.get_import_resource_kwargs(request)

    def add_data_read_fail_error_to_form(self, form, e):
        if isinstance(e, FileRejected):
            form.add_error("import_file", str(e))
        else:
            form.add_error("import_file", _("The file is damaged or not a spreadsheet, and cannot be read."))
