"""Scoping and roles in the admin, for every registry, plan and award
ModelAdmin and inline: lists and choices limited to the user's scope, a
record outside it a 404, saving a record into another scope a 403 (rolled
back), deletion for administrators only."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404

from accounts.roles import can_delete
from accounts.scoping import in_scope, restrict
from coopportal.lib.forms import PortalAdminMixin, PortalInlineMixin


class ScopeRulesMixin:
    """What admins and inlines share: scoped rows, scoped choices, deletion."""

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

    def has_delete_permission(self, request, obj=None):
        return can_delete(request.user) and super().has_delete_permission(request, obj)


class ScopedAdminMixin(PortalAdminMixin, ScopeRulesMixin):
    def _check_object(self, request, object_id):
        """An existing record outside the user's scope is a 404, as if absent."""
        if object_id is None:
            return
        try:
            pk = self.model._meta.pk.to_python(object_id)
        except Exception:  # a malformed id: the admin answers it itself
            return
        if not self.get_queryset(request).filter(pk=pk).exists():
            raise Http404

    def change_view(self, request, object_id, form_url="", extra_context=None):
        self._check_object(request, object_id)
        return super().change_view(request, object_id, form_url, extra_context)

    def delete_view(self, request, object_id, extra_context=None):
        self._check_object(request, object_id)
        return super().delete_view(request, object_id, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        self._check_object(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # django-simple-history's page of one old version (and its "revert"):
        # the same scope, and atomic, so a refused revert writes nothing.
        self._check_object(request, object_id)
        with transaction.atomic():
            return super().history_form_view(request, object_id, version_id, extra_context)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # Checked after the write, inside the admin's transaction: a record
        # moved out of the user's scope is refused and rolled back.
        if not in_scope(request.user, obj):
            raise PermissionDenied

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        # Inline rows too (e.g. a target with no province, i.e. national).
        for obj in [*formset.new_objects, *(obj for obj, _fields in formset.changed_objects)]:
            if not in_scope(request.user, obj):
                raise PermissionDenied


class ScopedInlineMixin(PortalInlineMixin, ScopeRulesMixin):
    """The same rules for inline rows (e.g. a commune's targets under an indicator)."""
