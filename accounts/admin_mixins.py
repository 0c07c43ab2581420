"""Scoping and roles in the admin, for every ModelAdmin and inline: lists
and choices limited to the user's scope, a record outside it a 404, saving
a record into another scope a 403 (rolled back), shared data read-only
outside national users, deletion for administrators only, restoring an old
version a change like any other, and deleted records listed and restorable
by administrators."""

from django.contrib.admin.utils import display_for_field, display_for_value, flatten_fieldsets, lookup_field
from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from accounts.roles import can_delete
from accounts.scoping import CHANGE, in_scope, may_write, restrict
from coopportal.lib.forms import PortalAdminMixin, PortalInlineMixin

DELETED = "-"


class ScopeRulesMixin:
    """What admins and inlines share: scoped rows, scoped choices, shared
    data written by national users only, deletion by administrators."""

    def get_queryset(self, request):
        return restrict(super().get_queryset(request), request.user)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if field is not None and hasattr(field, "queryset"):
            field.queryset = restrict(field.queryset, request.user)
        return field

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if field is not None and hasattr(field, "queryset"):
            field.queryset = restrict(field.queryset, request.user)
        return field

    # ModelAdmin.has_add_permission(request); InlineModelAdmin's takes obj too.
    def has_add_permission(self, request, *args):
        return super().has_add_permission(request, *args) and may_write(request.user, self.model)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and may_write(request.user, self.model)

    def has_delete_permission(self, request, obj=None):
        return (
            can_delete(request.user)
            and super().has_delete_permission(request, obj)
            and may_write(request.user, self.model)
        )


class ScopedAdminMixin(PortalAdminMixin, ScopeRulesMixin):
    version_template = "admin/history_version.html"
    deleted_template = "admin/deleted_records.html"

    def _pk(self, object_id):
        try:
            return self.model._meta.pk.to_python(object_id)
        except (ValidationError, ValueError, TypeError):
            raise Http404 from None

    def _check_object(self, request, object_id):
        """An existing record outside the user's scope is a 404, as if absent."""
        if object_id is None:
            return
        if not self.get_queryset(request).filter(pk=self._pk(object_id)).exists():
            raise Http404

    def change_view(self, request, object_id, form_url="", extra_context=None):
        self._check_object(request, object_id)
        return super().change_view(request, object_id, form_url, extra_context)

    def delete_view(self, request, object_id, extra_context=None):
        self._check_object(request, object_id)
        return super().delete_view(request, object_id, extra_context)

    # History (django-simple-history), for a record that exists or was deleted.

    def _versions(self, request, object_id):
        """The record's versions the user may see: none (a 404) when the
        record, or its last version once deleted, is outside the scope."""
        pk = self._pk(object_id)
        versions = self.model.history.filter(**{self.model._meta.pk.attname: pk})
        if self.model._default_manager.filter(pk=pk).exists():
            self._check_object(request, pk)
        else:
            # A deleted record: its last version decides (it keeps the commune).
            last = versions.order_by("-history_date", "-history_id").values_list("history_id", flat=True).first()
            if last is None or not restrict(versions.filter(history_id=last), request.user).exists():
                raise Http404
        return versions

    def history_view(self, request, object_id, extra_context=None):
        if hasattr(self.model, "history"):
            self._versions(request, object_id)
        else:  # Django's own history (users, roles): existing records only
            self._check_object(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def may_restore(self, request, version):
        """Restoring a version writes the record: the change permission on the
        model and the record within the scope for changing; a deleted record
        comes back by an administrator who may add it there."""
        record = self.model._default_manager.filter(pk=version.instance.pk).first()
        if record is None:
            return (
                can_delete(request.user)
                and self.has_add_permission(request)
                and restrict(type(version)._default_manager.filter(pk=version.pk), request.user, CHANGE).exists()
            )
        return self.has_change_permission(request, record) and in_scope(request.user, record, CHANGE)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # django-simple-history's page of one old version and its "revert".
        versions = self._versions(request, object_id)
        try:
            version = versions.get(history_id=version_id)
        except (versions.model.DoesNotExist, ValueError, ValidationError):
            raise Http404 from None
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        if not self.may_restore(request, version):
            if request.method == "POST":
                raise PermissionDenied
            return self.version_view(request, version)
        was_deleted = not self.model._default_manager.filter(pk=version.instance.pk).exists()
        # Atomic, so a refused revert (e.g. into another scope) writes nothing.
        with transaction.atomic():
            response = super().history_form_view(request, object_id, version_id, extra_context)
            if request.method == "POST" and was_deleted and response.status_code == 302:
                self.restore_dependents(request, version)
        return response

    def version_view(self, request, version):
        """One old version, read-only: no form, no button."""
        obj = version.instance
        names = flatten_fieldsets(self.get_fieldsets(request, obj))
        rows = []
        for name in names:
            try:
                field, _attr, value = lookup_field(name, obj, self)
            except (AttributeError, FieldDoesNotExist, ObjectDoesNotExist):
                continue
            if field is None:
                shown = display_for_value(value, "-")
            elif getattr(field, "remote_field", None) and not field.many_to_many:
                shown = str(value) if value is not None else "-"
            else:
                shown = display_for_field(value, field, "-")
            rows.append((field.verbose_name if field is not None else name, shown))
        opts = self.model._meta
        context = {
            **self.admin_site.each_context(request),
            "title": _("View %(record)s") % {"record": obj},
            "opts": opts,
            "original": obj,
            "version": version,
            "rows": rows,
            "history_url": reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[obj.pk]),
        }
        return TemplateResponse(request, self.version_template, context)

    def restore_dependents(self, request, version):
        """Bring back, with a restored record, the records that pointed at it
        (reports, products…) and were deleted with it: after its last change
        before the deletion. Those deleted earlier stay deleted."""
        versions = self.model.history.filter(**{self.model._meta.pk.attname: version.instance.pk})
        deleted_on = versions.filter(history_type=DELETED).order_by("-history_date").first()
        before = (
            versions.exclude(history_type=DELETED)
            .filter(history_date__lte=deleted_on.history_date)
            .order_by("-history_date")
            .values_list("history_date", flat=True)
            .first()
        )
        for relation in self.model._meta.related_objects:
            related = relation.related_model
            if not relation.one_to_many or not hasattr(related, "history"):
                continue
            rows = related.history.filter(**{relation.field.attname: version.instance.pk}).order_by(
                "-history_date", "-history_id"
            )
            if before is not None:
                rows = rows.filter(history_date__gte=before)
            seen = set()
            for row in rows:
                pk = row.instance.pk
                if pk in seen:
                    continue
                seen.add(pk)
                if row.history_type != DELETED or related._default_manager.filter(pk=pk).exists():
                    continue
                dependent = row.instance
                dependent._history_user = request.user
                dependent.save(force_insert=True)
                if not in_scope(request.user, dependent):
                    raise PermissionDenied

    # Deleted records.

    def get_urls(self):
        urls = super().get_urls()
        if not hasattr(self.model, "history"):
            return urls
        opts = self.model._meta
        name = f"{opts.app_label}_{opts.model_name}_deleted"
        return [path("deleted/", self.admin_site.admin_view(self.deleted_view), name=name), *urls]

    def changelist_view(self, request, extra_context=None):
        if hasattr(self.model, "history") and can_delete(request.user):
            opts = self.model._meta
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_deleted")
            extra_context = {**(extra_context or {}), "deleted_url": url}
        return super().changelist_view(request, extra_context)

    def deleted_view(self, request):
        """The deleted records of the user's scope, who deleted each and
        when, each with its history and the version to restore."""
        if not (can_delete(request.user) and self.has_view_permission(request)):
            raise PermissionDenied
        model = self.model
        pk_name = model._meta.pk.attname
        gone = (
            model.history.filter(history_type=DELETED)
            .exclude(**{f"{pk_name}__in": model._default_manager.values("pk")})
            .select_related("history_user")
            .order_by("-history_date", "-history_id")
        )
        records, seen = [], set()
        for row in restrict(gone, request.user)[:500]:
            pk = getattr(row, pk_name)
            if pk not in seen:
                seen.add(pk)
                records.append(row)
        opts = model._meta
        context = {
            **self.admin_site.each_context(request),
            "title": capfirst(_("Deleted %(records)s") % {"records": opts.verbose_name_plural}),
            "opts": opts,
            "records": records,
            "may_restore": self.has_add_permission(request),
        }
        return render(request, self.deleted_template, context)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # Checked after the write, inside the admin's transaction: a record
        # moved out of the user's scope is refused and rolled back.
        if not in_scope(request.user, obj, CHANGE):
            raise PermissionDenied

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        # Inline rows too (e.g. a target with no province, i.e. national).
        for obj in [*formset.new_objects, *(obj for obj, _fields in formset.changed_objects)]:
            if not in_scope(request.user, obj, CHANGE):
                raise PermissionDenied


class ScopedInlineMixin(PortalInlineMixin, ScopeRulesMixin):
    """The same rules for inline rows (e.g. a commune's targets under an indicator)."""
