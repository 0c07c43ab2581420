"""Membership of the Alliance: who is a member, since and until when, and
the yearly fee (hội phí)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from coopportal.lib.restricted import RestrictedQuerySet
from support.models.common import YEAR_VALIDATORS, MoneyField, OrganisationLink


def member_on(day, path=""):
    """The one rule of membership at a date: joined by then, not left yet."""
    return Q(**{f"{path}joined_on__lte": day}) & (
        Q(**{f"{path}left_on__isnull": True}) | Q(**{f"{path}left_on__gt": day})
    )


def year_end(year):
    """The day figures "at the year end" are taken on."""
    return datetime.date(year, 12, 31)


class MembershipQuerySet(RestrictedQuerySet):
    def members_on(self, day):
        return self.filter(member_on(day))


class Membership(OrganisationLink):
    """An organisation's membership of the provincial Alliance."""

    joined_on = models.DateField(_("joined on"))
    left_on = models.DateField(_("left on"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=255, blank=True)

    objects = MembershipQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-joined_on", "id"]
        verbose_name = _("Alliance membership")
        verbose_name_plural = _("Alliance memberships")
        constraints = [
            *OrganisationLink.Meta.constraints,
            models.CheckConstraint(
                condition=Q(left_on__isnull=True) | Q(left_on__gte=models.F("joined_on")),
                name="membership_left_after_joining",
                violation_error_message=_("A member cannot leave before joining."),
            ),
        ]

    def __str__(self):
        return str(self.organisation)

    def clean(self):
        super().clean()
        if self.left_on and self.joined_on and self.left_on < self.joined_on:
            raise ValidationError({"left_on": _("A member cannot leave before joining.")})


class MembershipFee(models.Model):
    """The fee a member owes for a year, and what it has paid."""

    membership = models.ForeignKey(
        Membership, on_delete=models.CASCADE, related_name="fees", verbose_name=_("membership")
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    amount_due = MoneyField(_("fee due (VND)"))
    amount_paid = MoneyField(_("fee paid (VND)"), default=0)
    paid_on = models.DateField(_("paid on"), null=True, blank=True)

    history = HistoricalRecords()

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "membership"]
        verbose_name = _("membership fee")
        verbose_name_plural = _("membership fees")
        constraints = [
            models.UniqueConstraint(
                fields=["membership", "year"],
                name="membership_fee_one_per_year",
                violation_error_message=_("This member already has a fee for this year."),
            ),
            models.CheckConstraint(
                condition=Q(amount_due__gte=0) & Q(amount_paid__gte=0),
                name="membership_fee_not_negative",
                violation_error_message=_("An amount cannot be negative."),
            ),
        ]

    def __str__(self):
        return f"{self.membership} {self.year}"

    @property
    def balance(self):
        return self.amount_due - self.amount_paid
