"""Spreadsheet import and export in the registry admin: upload → preview →
confirm, a template to fill in, the rejected rows to fix, and an export
action. The same engine as ``manage.py import_registry`` validates the file.

django-import-export's own admin flow is not used: it reads uploads through
tablib with no size or zip-bomb guard and validates row by row; it remains
the baseline measured in bench/.
"""

import secrets
import time
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.scoping import scope_for
from coopportal.lib.xlsx import xlsx_response
from registry.excel.exporter import write_registry, write_rejected, write_template
from registry.excel.formats import FileRejected, check_size
from registry.excel.importer import apply_plan, plan_import

PREVIEW_ROWS = 100
UPLOAD_TTL_SECONDS = 24 * 3600


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Spreadsheet (.xlsx or .csv)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )


class SpreadsheetAdminMixin:
    """Import/export pages for a registry ModelAdmin; ``spreadsheet_kind``
    is "cooperatives" or "groups"."""

    spreadsheet_kind = None
    change_list_template = "admin/registry/change_list_spreadsheet.html"
    actions = ["export_xlsx"]

    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        wrap = self.admin_site.admin_view
        own = [
            path("import/", wrap(self.import_view), name=f"{prefix}_import"),
            path("import/confirm/", wrap(self.confirm_view), name=f"{prefix}_import_confirm"),
            path("import/template.xlsx", wrap(self.template_view), name=f"{prefix}_template"),
            path("import/<str:token>/rejected.xlsx", wrap(self.rejected_view), name=f"{prefix}_rejected"),
        ]
        return own + super().get_urls()

    # -- permissions -----------------------------------------------------
    def has_import_permission(self, request):
        return self.has_add_permission(request) and self.has_change_permission(request)

    def changelist_view(self, request, extra_context=None):
        # The "Import from Excel" button only for those who may import.
        extra_context = {**(extra_context or {}), "has_import_permission": self.has_import_permission(request)}
        return super().changelist_view(request, extra_context)

    def _require_import(self, request):
        if not self.has_import_permission(request):
            raise PermissionDenied

    # -- uploaded files, kept between preview and confirm ----------------
    def _upload_dir(self):
        folder = Path(settings.IMPORT_UPLOAD_DIR)
        folder.mkdir(parents=True, exist_ok=True)
        cutoff = time.time() - UPLOAD_TTL_SECONDS
        for old in folder.iterdir():
            if old.stat().st_mtime < cutoff:
                old.unlink(missing_ok=True)
        return folder

    def _store(self, request, name, data):
        token = secrets.token_urlsafe(16)
        suffix = ".csv" if name.lower().endswith(".csv") else ".xlsx"
        (self._upload_dir() / f"{token}{suffix}").write_bytes(data)
        uploads = request.session.get("registry_uploads", {})
        uploads[token] = {"kind": self.spreadsheet_kind, "name": name, "suffix": suffix}
        request.session["registry_uploads"] = uploads
        return token

    def _load(self, request, token):
        """The stored upload for ``token``, only for the session that made it."""
        meta = request.session.get("registry_uploads", {}).get(token)
        if not meta or meta["kind"] != self.spreadsheet_kind:
            raise Http404(_("This upload has expired; upload the file again."))
        stored = Path(settings.IMPORT_UPLOAD_DIR) / f"{token}{meta['suffix']}"
        if not stored.exists():
            raise Http404(_("This upload has expired; upload the file again."))
        return meta, stored

    def _forget(self, request, token, stored):
        stored.unlink(missing_ok=True)
        uploads = request.session.get("registry_uploads", {})
        uploads.pop(token, None)
        request.session["registry_uploads"] = uploads

    def _plan(self, request, data, name):
        from registry.excel.columns import SHEETS

        sheet = SHEETS[self.spreadsheet_kind]
        table = sheet.read(data, name)
        return plan_import(sheet, table.header, table.rows, scope_for(request.user), table.header_row)

    # -- views -------------------------------------------------------------
    def import_view(self, request):
        self._require_import(request)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Import %(things)s from a spreadsheet") % {"things": self.opts.verbose_name_plural},
            "template_url": reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_template"),
        }
        form = UploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                check_size(upload.size)  # before the upload is even read
                data = upload.read()
                plan = self._plan(request, data, upload.name)
                token = self._store(request, upload.name, data)
            except FileRejected as error:
                form.add_error("file", str(error))
            else:
                context.update(
                    {
                        "plan": plan,
                        "token": token,
                        "filename": upload.name,
                        "preview": self._preview(plan),
                        "preview_limit": PREVIEW_ROWS,
                        "rejected_url": reverse(
                            f"admin:{self.opts.app_label}_{self.opts.model_name}_rejected", args=[token]
                        ),
                    }
                )
        context["form"] = form
        return TemplateResponse(request, "admin/registry/import.html", context)

    def _preview(self, plan):
        rows = [(_("New"), record) for record in plan.created[:PREVIEW_ROWS]]
        rows += [(_("Updated"), record) for record, _fields, _s in plan.updated[: PREVIEW_ROWS - len(rows)]]
        return rows

    def confirm_view(self, request):
        self._require_import(request)
        if request.method != "POST":
            return redirect(f"admin:{self.opts.app_label}_{self.opts.model_name}_import")
        token = request.POST.get("token", "")
        meta, stored = self._load(request, token)
        try:
            plan = self._plan(request, stored.read_bytes(), meta["name"])
        except FileRejected as error:
            messages.error(request, str(error))
            return redirect(f"admin:{self.opts.app_label}_{self.opts.model_name}_import")
        if not plan.ok:
            # The registry changed since the preview (e.g. a code was taken).
            messages.error(request, _("The file no longer passes the checks; nothing was imported. Upload it again."))
            return redirect(f"admin:{self.opts.app_label}_{self.opts.model_name}_import")
        try:
            counts = apply_plan(plan, user=request.user)
        except IntegrityError:
            # Another import took a code or a name between the check and the write.
            messages.error(request, _("The file no longer passes the checks; nothing was imported. Upload it again."))
            return redirect(f"admin:{self.opts.app_label}_{self.opts.model_name}_import")
        self._forget(request, token, stored)
        messages.success(
            request,
            _("Imported %(name)s: %(created)s new, %(updated)s updated, %(unchanged)s unchanged.")
            % {"name": meta["name"], **counts},
        )
        return redirect(f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist")

    def rejected_view(self, request, token):
        self._require_import(request)
        meta, stored = self._load(request, token)
        plan = self._plan(request, stored.read_bytes(), meta["name"])
        stem = Path(meta["name"]).stem
        return xlsx_response(f"{stem}-loi.xlsx", lambda s: write_rejected(plan, s, _("Error")))

    def template_view(self, request):
        self._require_import(request)
        return xlsx_response(f"mau-{self.spreadsheet_kind}.xlsx", lambda s: write_template(self.spreadsheet_kind, s))

    @admin.action(description=gettext_lazy("Export selected to Excel"), permissions=["view"])
    def export_xlsx(self, request, queryset):
        return xlsx_response(
            f"{self.spreadsheet_kind}.xlsx", lambda s: write_registry(self.spreadsheet_kind, queryset, s)
        )
