"""Consulting and support cases of the Member Consulting and Support Centre
(Trung tâm tư vấn hỗ trợ thành viên)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from registry.models import Cooperative
from support.models.common import OrganisationLink


class CaseKind(models.TextChoices):
    FOUNDING = "founding", _("Founding a new HTX")
    CONVERSION = "conversion", _("Conversion to a new-type HTX")
    OCOP = "ocop", _("OCOP dossier")
    VALUE_CHAIN = "value_chain", _("Value-chain model")
    LOAN = "loan", _("Loan dossier")
    LEGAL = "legal", _("Legal advice")
    ACCOUNTING = "accounting", _("Accounting")


class CaseOutcome(models.TextChoices):
    IN_PROGRESS = "in_progress", _("In progress")
    SUCCEEDED = "succeeded", _("Succeeded")
    NOT_SUCCEEDED = "not_succeeded", _("Not succeeded")


def founded_with_support(year):
    """A founding case whose HTX was registered in ``year`` (the one rule
    behind "HTX founded with the Centre's support")."""
    return Q(
        kind=CaseKind.FOUNDING,
        produced_cooperative__kind=Cooperative.Kind.COOPERATIVE,
        produced_cooperative__registration_date__year=year,
    )


class SupportCase(OrganisationLink):
    """A piece of consulting or support work for an organisation (or for a
    founding group before its HTX exists)."""

    kind = models.CharField(_("kind"), max_length=12, choices=CaseKind)
    subject = models.CharField(_("subject"), max_length=255)
    opened_on = models.DateField(_("opened on"))
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    officer = models.CharField(_("officer in charge"), max_length=150)
    outcome = models.CharField(_("outcome"), max_length=14, choices=CaseOutcome, default=CaseOutcome.IN_PROGRESS)
    outcome_note = models.TextField(_("outcome in detail"), blank=True)
    produced_cooperative = models.ForeignKey(
        "registry.Cooperative",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="founding_cases",
        verbose_name=_("HTX founded"),
        help_text=_("For a founding case: the HTX it produced, once registered."),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-opened_on", "id"]
        verbose_name = _("consulting and support case")
        verbose_name_plural = _("consulting and support cases")
        constraints = [
            *OrganisationLink.Meta.constraints,
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True) | Q(closed_on__gte=models.F("opened_on")),
                name="support_case_closed_after_opening",
                violation_error_message=_("A case cannot close before it opens."),
            ),
            models.CheckConstraint(
                condition=Q(produced_cooperative__isnull=True) | Q(kind=CaseKind.FOUNDING),
                name="support_case_only_founding_produces",
                violation_error_message=_("Only a founding case produces an HTX."),
            ),
        ]
        indexes = [models.Index(fields=["opened_on"], name="support_case_opened_idx")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.subject}"

    def clean(self):
        super().clean()
        errors = {}
        if self.closed_on and self.opened_on and self.closed_on < self.opened_on:
            errors["closed_on"] = _("A case cannot close before it opens.")
        if self.produced_cooperative_id and self.kind != CaseKind.FOUNDING:
            errors["produced_cooperative"] = _("Only a founding case produces an HTX.")
        if errors:
            raise ValidationError(errors)
