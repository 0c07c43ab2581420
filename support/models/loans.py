"""Loans of the cooperative development support fund (Quỹ hỗ trợ phát
triển HTX): the loan, its disbursements, its repayment schedule and the
repayments; what is outstanding and overdue at any date."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce, Greatest, Least
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from coopportal.lib.restricted import RestrictedQuerySet
from support.models.common import MoneyField


def _total_to(model, amount_field, date_field, on, loan_path):
    """The sum of ``amount_field`` over ``model``'s rows of the loan at
    ``loan_path`` (an OuterRef) dated on or before ``on``; 0 when none."""
    rows = (
        model.objects.filter(loan=OuterRef(loan_path), **{f"{date_field}__lte": on})
        .order_by()
        .values("loan")
        .annotate(total=Sum(amount_field))
        .values("total")
    )
    return Coalesce(Subquery(rows, output_field=models.BigIntegerField()), Value(0))


def disbursed_to(on, loan_path="pk"):
    return _total_to(Disbursement, "amount", "disbursed_on", on, loan_path)


def repaid_to(on, loan_path="pk"):
    return _total_to(Repayment, "principal", "paid_on", on, loan_path)


def due_to(on, loan_path="pk"):
    return _total_to(Installment, "principal", "due_on", on, loan_path)


def outstanding_on(on, loan_path="pk"):
    """Principal outstanding at the end of ``on``: disbursed less repaid."""
    return disbursed_to(on, loan_path) - repaid_to(on, loan_path)


def overdue_on(on, loan_path="pk"):
    """Principal overdue at the end of ``on``: principal fallen due by then
    less principal repaid by then, never below 0 nor above what is
    outstanding. The one definition of "overdue" (figures, lists, reports)."""
    late = Greatest(due_to(on, loan_path) - repaid_to(on, loan_path), Value(0))
    return Least(late, Greatest(outstanding_on(on, loan_path), Value(0)))


class LoanQuerySet(RestrictedQuerySet):
    def with_balances(self, on):
        """Each loan with ``disbursed``, ``repaid``, ``outstanding`` and
        ``overdue`` principal at the end of ``on``."""
        return self.annotate(
            disbursed=disbursed_to(on),
            repaid=repaid_to(on),
            outstanding=outstanding_on(on),
            overdue=overdue_on(on),
        )

    def disbursed_in(self, year):
        return self.filter(pk__in=Disbursement.objects.filter(disbursed_on__year=year).values("loan"))


class Loan(models.Model):
    """A loan from the support fund to an HTX or a union of cooperatives."""

    borrower = models.ForeignKey(
        "registry.Cooperative",
        on_delete=models.PROTECT,
        related_name="fund_loans",
        verbose_name=_("borrower (HTX or union)"),
    )
    purpose = models.CharField(_("purpose"), max_length=255)
    amount = MoneyField(_("amount lent (VND)"))
    interest_rate = models.DecimalField(
        _("interest rate (%/year)"), max_digits=5, decimal_places=2, validators=[MinValueValidator(0)]
    )
    term_months = models.PositiveSmallIntegerField(_("term (months)"), validators=[MinValueValidator(1)])
    decision_number = models.CharField(_("decision number"), max_length=50)
    decision_date = models.DateField(_("decision date"))
    note = models.TextField(_("note"), blank=True)

    objects = LoanQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-decision_date", "decision_number"]
        verbose_name = _("support fund loan")
        verbose_name_plural = _("support fund loans")
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gt=0),
                name="loan_amount_positive",
                violation_error_message=_("The amount lent must be more than 0."),
            ),
            models.CheckConstraint(
                condition=Q(interest_rate__gte=0) & Q(term_months__gte=1),
                name="loan_rate_and_term_valid",
                violation_error_message=_("The interest rate cannot be negative and the term is at least a month."),
            ),
        ]

    def __str__(self):
        return f"{self.decision_number} · {self.borrower}"

    def balances_on(self, on):
        """{"disbursed", "repaid", "outstanding", "overdue"} at the end of ``on``."""
        return (
            Loan.objects.with_balances(on)
            .filter(pk=self.pk)
            .values("disbursed", "repaid", "outstanding", "overdue")
            .get()
        )

    def overdue_days_on(self, on):
        """Days since the oldest instalment not fully repaid fell due, at the
        end of ``on``; 0 when nothing is overdue. Repayments pay the
        instalments in the order they fall due."""
        repaid = self.repayments.filter(paid_on__lte=on).aggregate(s=Sum("principal"))["s"] or 0
        due = 0
        for installment in self.installments.filter(due_on__lte=on).order_by("due_on", "id"):
            due += installment.principal
            if due > repaid:
                return (on - installment.due_on).days
        return 0

    def clean(self):
        if self.borrower_id and self.decision_date and self.borrower.registration_date > self.decision_date:
            raise ValidationError(
                {"decision_date": _("The loan cannot be decided before the borrower was registered.")}
            )


class Disbursement(models.Model):
    """Money paid out to the borrower under a loan."""

    loan = models.ForeignKey(Loan, on_delete=models.CASCADE, related_name="disbursements", verbose_name=_("loan"))
    disbursed_on = models.DateField(_("disbursed on"))
    amount = MoneyField(_("amount (VND)"))

    history = HistoricalRecords()

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["loan", "disbursed_on", "id"]
        verbose_name = _("disbursement")
        verbose_name_plural = _("disbursements")
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gt=0),
                name="disbursement_amount_positive",
                violation_error_message=_("An amount must be more than 0."),
            ),
        ]
        indexes = [models.Index(fields=["disbursed_on"], name="disbursement_date_idx")]

    def __str__(self):
        return f"{self.loan.decision_number} · {self.disbursed_on:%d/%m/%Y}"

    def clean(self):
        if not self.loan_id or self.amount is None:
            return
        others = self.loan.disbursements.exclude(pk=self.pk).aggregate(s=Sum("amount"))["s"] or 0
        if others + self.amount > self.loan.amount:
            raise ValidationError({"amount": _("Disbursements cannot exceed the amount lent.")})
        if self.disbursed_on and self.disbursed_on < self.loan.decision_date:
            raise ValidationError({"disbursed_on": _("Money cannot be disbursed before the loan decision.")})


class Installment(models.Model):
    """One line of the repayment schedule: principal (and interest) due on a date."""

    loan = models.ForeignKey(Loan, on_delete=models.CASCADE, related_name="installments", verbose_name=_("loan"))
    due_on = models.DateField(_("due on"))
    principal = MoneyField(_("principal due (VND)"))
    interest = MoneyField(_("interest due (VND)"), default=0)

    history = HistoricalRecords()

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["loan", "due_on", "id"]
        verbose_name = _("scheduled instalment")
        verbose_name_plural = _("repayment schedule")

    def __str__(self):
        return f"{self.loan.decision_number} · {self.due_on:%d/%m/%Y}"

    def clean(self):
        if not self.loan_id or self.principal is None:
            return
        others = self.loan.installments.exclude(pk=self.pk).aggregate(s=Sum("principal"))["s"] or 0
        if others + self.principal > self.loan.amount:
            raise ValidationError({"principal": _("The schedule cannot ask back more than the amount lent.")})


class Repayment(models.Model):
    """Principal and interest the borrower paid back on a date."""

    loan = models.ForeignKey(Loan, on_delete=models.CASCADE, related_name="repayments", verbose_name=_("loan"))
    paid_on = models.DateField(_("paid on"))
    principal = MoneyField(_("principal repaid (VND)"), default=0)
    interest = MoneyField(_("interest paid (VND)"), default=0)

    history = HistoricalRecords()

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["loan", "paid_on", "id"]
        verbose_name = _("repayment")
        verbose_name_plural = _("repayments")
        constraints = [
            models.CheckConstraint(
                condition=Q(principal__gte=0) & Q(interest__gte=0) & (Q(principal__gt=0) | Q(interest__gt=0)),
                name="repayment_pays_something",
                violation_error_message=_("A repayment pays some principal or interest."),
            ),
        ]

    def __str__(self):
        return f"{self.loan.decision_number} · {self.paid_on:%d/%m/%Y}"

    def clean(self):
        if not self.loan_id or self.principal is None or not self.paid_on:
            return
        disbursed = self.loan.disbursements.filter(disbursed_on__lte=self.paid_on).aggregate(s=Sum("amount"))["s"] or 0
        others = (
            self.loan.repayments.exclude(pk=self.pk)
            .filter(paid_on__lte=self.paid_on)
            .aggregate(s=Sum("principal"))["s"]
            or 0
        )
        if others + self.principal > disbursed:
            raise ValidationError({"principal": _("More principal would be repaid than was disbursed by that date.")})
