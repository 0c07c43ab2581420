"""What every form of the portal shares, in the admin and out of it:

- number fields that read numbers as the portal shows them ("500.000.000",
  "64,5" in Vietnamese; "500,000,000", "64.5" in English), through
  ``coopportal.lib.numbers``, and show them the same way;
- an edit lock: a form for a record with change history carries the id of
  the record's latest history row; saving it after someone else changed the
  record is refused with who and when, and nothing is written.

``PortalAdminMixin`` and ``PortalInlineMixin`` put both into a ModelAdmin or
an inline (``accounts.admin_mixins`` mixes them into every scoped admin).
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models, router, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from coopportal.lib.numbers import NumberError, parse_number, parse_whole_number

# The hidden field of the edit lock (not a model field of any model).
VERSION_FIELD = "edit_version"


def _separators():
    return {"decimal": formats.get_format("DECIMAL_SEPARATOR"), "group": formats.get_format("THOUSAND_SEPARATOR")}


class NumberTextInput(forms.TextInput):
    """A text box, so that "500.000.000" can be typed (a browser's number box
    refuses it or drops the dots), with the phone's number keyboard."""

    input_mode = "decimal"

    def __init__(self, attrs=None):
        super().__init__({"inputmode": self.input_mode, **(attrs or {})})


class WholeNumberTextInput(NumberTextInput):
    input_mode = "numeric"


class _NumberFieldMixin:
    parse = None

    def __init__(self, *, localize=True, **kwargs):
        # localize: shown with the language's grouping ("500.000.000"); years
        # and positions are shown plain ("2021") but read the same way.
        super().__init__(localize=localize, **kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if not isinstance(value, str):
            return value
        try:
            return type(self).parse(value, **_separators())
        except NumberError as error:
            raise ValidationError(error.message, code=error.code, params=error.params) from None


class WholeNumberField(_NumberFieldMixin, forms.IntegerField):
    """An integer as people type it: "1.234", "500.000.000", "1.234,00"."""

    widget = WholeNumberTextInput
    parse = staticmethod(parse_whole_number)


class DecimalNumberField(_NumberFieldMixin, forms.DecimalField):
    """A decimal as people type it: "64,5", "1.234,56"; the model's decimal
    places are checked, never rounded away."""

    widget = NumberTextInput
    parse = staticmethod(parse_number)


# For ModelAdmin.formfield_overrides, looked up along each model field's MRO
# (the admin's own entries for IntegerField and BigIntegerField name a number
# box, hence the widget everywhere): every integer and decimal column; small
# integers (years, positions) shown plain.
NUMBER_FIELD_OVERRIDES = {
    models.IntegerField: {"form_class": WholeNumberField, "widget": WholeNumberTextInput},
    models.BigIntegerField: {"form_class": WholeNumberField, "widget": WholeNumberTextInput},
    models.SmallIntegerField: {"form_class": WholeNumberField, "widget": WholeNumberTextInput, "localize": False},
    models.DecimalField: {"form_class": DecimalNumberField, "widget": NumberTextInput},
}


# The edit lock.


def has_history(model):
    return hasattr(model._meta, "simple_history_manager_attribute")


def _history_rows(instance):
    manager = getattr(type(instance), instance._meta.simple_history_manager_attribute)
    return manager.model._default_manager.filter(**{instance._meta.pk.attname: instance.pk})


def current_version(instance):
    """The id of the record's latest history row, as text ("0" when it has none)."""
    latest = _history_rows(instance).order_by("-history_id").values_list("history_id", flat=True).first()
    return str(latest or 0)


class VersionField(forms.CharField):
    """The record's version when the form was shown. Never counts as a change
    of the form: an inline row nobody touched is not saved because of it."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def has_changed(self, initial, data):
        return False


def stale_message(instance, seen):
    """Who changed the record since version ``seen``, when, and which fields."""
    rows = _history_rows(instance).select_related("history_user").order_by("-history_id")
    latest = rows.first()
    user = latest.history_user
    who = (user.get_full_name() or user.get_username()) if user is not None else _("another user")
    when = formats.date_format(timezone.localtime(latest.history_date), "SHORT_DATETIME_FORMAT")
    before = rows.filter(history_id=seen).first() if seen.isdigit() else None
    names = []
    if before is not None and latest.history_type == "~":
        changed = latest.diff_against(before).changed_fields
        names = [str(f.verbose_name) for f in instance._meta.concrete_fields if f.name in changed]
    if names:
        return _(
            "This record was changed by %(user)s at %(time)s (%(fields)s) after you opened it. "
            "Nothing was saved: reload the page and enter your change again."
        ) % {"user": who, "time": when, "fields": ", ".join(names)}
    return _(
        "This record was changed by %(user)s at %(time)s after you opened it. "
        "Nothing was saved: reload the page and enter your change again."
    ) % {"user": who, "time": when}


class EditLockForm(forms.ModelForm):
    """Carries the record's version; refuses a save from a stale form.

    Mixed in front of a ModelForm class by ``lock_edits``. The check runs in
    ``clean()`` with the record's row locked when inside a transaction (the
    admin's views are), so of two saves at the same moment one waits and is
    then refused. A form posted without the field (not from our pages) is
    not checked."""

    edit_version = VersionField()
    # An inline row is checked only when it is changed: the admin saves only those.
    lock_unchanged = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.initial[VERSION_FIELD] = current_version(self.instance)

    def clean(self):
        cleaned = super().clean()
        seen = (cleaned.get(VERSION_FIELD) or "").strip()
        if not seen or self.instance.pk is None or not (self.lock_unchanged or self.has_changed()):
            return cleaned
        model = type(self.instance)
        using = router.db_for_write(model)
        if transaction.get_connection(using).in_atomic_block:
            list(model._default_manager.using(using).select_for_update().filter(pk=self.instance.pk).values("pk"))
        if current_version(self.instance) != seen:
            raise ValidationError(stale_message(self.instance, seen), code="stale")
        return cleaned


def lock_edits(form_class, model, *, lock_unchanged=True):
    """``form_class`` (a ModelForm for ``model``) with the edit lock, if
    ``model`` keeps history."""
    if not has_history(model) or issubclass(form_class, EditLockForm):
        return form_class
    return type(form_class.__name__, (EditLockForm, form_class), {"lock_unchanged": lock_unchanged})


def _fieldsets_with_version(fieldsets, wanted):
    result = []
    for name, options in fieldsets:
        fields = [f for f in options.get("fields", ()) if f != VERSION_FIELD]
        if wanted and not result:
            fields.append(VERSION_FIELD)
        result.append((name, {**options, "fields": fields}))
    return result


class _PortalFormsMixin:
    formfield_overrides = NUMBER_FIELD_OVERRIDES
    lock_unchanged = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # self.form is what get_form, get_formset and simple-history's pages build on.
        self.form = lock_edits(self.form, self.model, lock_unchanged=self.lock_unchanged)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if not issubclass(self.form, EditLockForm):
            return fieldsets
        # The version goes with every form that can save an existing record
        # (hidden); a read-only page shows no such field.
        wanted = obj is not None and self.has_change_permission(request, obj)
        return _fieldsets_with_version(fieldsets, wanted)


class PortalAdminMixin(_PortalFormsMixin):
    """Number fields and the edit lock for a ModelAdmin."""


class PortalInlineMixin(_PortalFormsMixin):
    """Number fields and the edit lock for an inline's rows."""

    lock_unchanged = False
