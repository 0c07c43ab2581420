"""Posting an admin page back as a browser would: every field of the form
and of its inline rows, with the values as the page shows them."""

from django import forms


def _add(data, form):
    for bound in form:
        value = bound.value()
        widget = bound.field.widget
        if isinstance(widget, forms.CheckboxInput):
            if value:
                data[bound.html_name] = "on"
            continue
        shown = widget.format_value(value)
        if isinstance(shown, list):
            shown = shown[0] if shown else ""
        if shown is not None:
            data[bound.html_name] = shown


def admin_form_data(page):
    """The POST data of an admin change page (a test client response): the
    main form and the existing inline rows, unchanged."""
    data = {}
    _add(data, page.context["adminform"].form)
    for inline in page.context.get("inline_admin_formsets", []):
        formset = inline.formset
        rows = formset.initial_form_count()
        data[f"{formset.prefix}-TOTAL_FORMS"] = str(rows)
        data[f"{formset.prefix}-INITIAL_FORMS"] = str(rows)
        for sub in formset.forms[:rows]:
            _add(data, sub)
    return data
