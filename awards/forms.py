from django.forms.models import BaseInlineFormSet


class AwardLineInlineFormSet(BaseInlineFormSet):
    """The lines of one decision, checked together against the rules.

    A line may rest on another entered in the same save (Chiến sĩ thi đua
    cơ sở on Lao động tiên tiến for the same person), and two lines giving
    one recipient the same title are refused before either is saved. Each
    line's own model checks run as usual; the cross-line rules wait here
    until every line of the form is known.
    """

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        form.instance.check_rules_later = True
        return form

    def clean(self):
        super().clean()
        entered = [
            form for form in self.forms if form.cleaned_data and not form.errors and not self._should_delete_form(form)
        ]
        lines = [form.instance for form in entered]
        for form, line in zip(entered, lines, strict=True):
            siblings = [other for other in lines if other is not line]
            for error in line.rule_errors(siblings=siblings):
                form.add_error(None, error)
