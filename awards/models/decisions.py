import unicodedata

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import Q, Sum
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from awards import law
from awards.models.rates import BaseSalary, RoundingRule, coefficient_on
from awards.models.rules import AwardLineRules
from coopportal.lib.loaded import RemembersLoadedValues
from coopportal.lib.restricted import RestrictedQuerySet
from coopportal.lib.text import fold
from places.models import owning_province_field
from registry.models.reports import YEAR_VALIDATORS


class DecisionQuerySet(RestrictedQuerySet):
    def for_year(self, year):
        return self.filter(year=year)

    def search(self, query):
        """Every word must occur in the number, programme or signer, or in a
        recipient's name; diacritics and case ignored."""
        qs = self
        for term in fold(query).split():
            qs = qs.filter(
                Q(search_text__contains=term)
                | Q(lines__person__search_text__contains=term)
                | Q(lines__collective__search_text__contains=term)
            )
        return qs.distinct()


class Decision(RemembersLoadedValues, models.Model):
    """A decision conferring emulation titles or forms of commendation
    (quyết định khen thưởng). Its award lines say who receives what."""

    class Level(models.TextChoices):
        ALLIANCE = "alliance", _("Provincial Cooperative Alliance")
        PROVINCE = "province", _("Provincial People's Committee")
        NATIONAL_ALLIANCE = "vca", _("Vietnam Cooperative Alliance")
        GOVERNMENT = "government", _("Prime Minister or Government")
        OTHER = "other", _("Other")

    number = models.CharField(_("number"), max_length=50, help_text=_("As printed, e.g. “12/QĐ-LMHTX”."))
    issued_on = models.DateField(_("date signed"))
    level = models.CharField(_("issuing level"), max_length=12, choices=Level, default=Level.ALLIANCE)
    issuer = models.CharField(_("issued by"), max_length=200, blank=True)
    signer = models.CharField(_("signer"), max_length=150, help_text=_("Name and position of the person who signed."))
    year = models.PositiveSmallIntegerField(
        _("year of achievement"),
        validators=YEAR_VALIDATORS,
        help_text=_("The year whose results the decision honours."),
    )
    campaign = models.CharField(
        _("campaign or programme"),
        max_length=255,
        blank=True,
        help_text=_("The emulation campaign or programme honoured; empty for the yearly emulation."),
    )
    scan = models.FileField(
        _("scanned decision"),
        upload_to="awards/decisions/%Y/",
        blank=True,
        validators=[FileExtensionValidator(["pdf", "jpg", "jpeg", "png"])],
    )
    province = owning_province_field()
    search_text = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = DecisionQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["search_text"])

    class Meta:
        ordering = ["-issued_on", "number"]
        verbose_name = _("commendation decision")
        verbose_name_plural = _("commendation decisions")
        indexes = [models.Index(fields=["year"], name="award_decision_year_idx")]

    def __str__(self):
        return f"{self.number} ({self.issued_on:%d/%m/%Y})" if self.issued_on else self.number

    def save(self, *args, **kwargs):
        self.search_text = fold(" ".join(p for p in (self.number, self.issuer, self.signer, self.campaign) if p))
        redated = self.pk is not None and self.loaded("issued_on") not in (None, self.issued_on)
        regrouped = self.pk is not None and any(
            self.loaded(name) not in (None, getattr(self, name)) for name in ("year", "campaign")
        )
        with transaction.atomic():
            super().save(*args, **kwargs)
            if redated or regrouped:
                # A new date may fall under other rates; a new year or
                # campaign changes which awards reward one achievement.
                for line in self.lines.select_related("title"):
                    line.decision = self
                    line.revalue = redated
                    line.save()
        self.remember_loaded()

    # The date, year and campaign as loaded, so that save() can revalue and
    # settle the lines when they change.
    loaded_values = ("issued_on", "year", "campaign")

    def clean(self):
        self.number = unicodedata.normalize("NFC", "".join((self.number or "").split()))
        errors = {}
        if self.issued_on:
            if self.issued_on > timezone.localdate():
                errors["issued_on"] = ValidationError(_("This date is in the future."))
            elif self.year and self.year > self.issued_on.year:
                errors["year"] = ValidationError(
                    _("The year of achievement cannot come after the decision's date."), code="year_after_decision"
                )
            clash = (
                Decision.objects.filter(number=self.number, level=self.level, issued_on__year=self.issued_on.year)
                .exclude(pk=self.pk)
                .exists()
            )
            if self.number and clash:
                errors["number"] = ValidationError(
                    _("A decision of this level with this number was already signed in %(year)s."),
                    code="number_taken",
                    params={"year": self.issued_on.year},
                )
        if errors:
            raise ValidationError(errors)


class AwardStatus(models.TextChoices):
    VALID = "valid", _("Valid")
    REVOKED = "revoked", _("Revoked")


class AwardLineQuerySet(RestrictedQuerySet):
    def counting(self):
        """Lines that count in totals and reports: not revoked."""
        return self.filter(status=AwardStatus.VALID)

    def for_year(self, year):
        """Lines of decisions honouring ``year`` (the year of achievement)."""
        return self.filter(decision__year=year)

    def with_details(self):
        return self.select_related("decision", "title", "person", "collective__cooperative__commune")

    def in_list_order(self):
        """By title as the law ranks them, then decision, then entry."""
        return self.order_by("title__position", "title__code", "decision__issued_on", "decision__number", "id")

    def for_report(self, year):
        """The year's counting lines, with what a report prints, in list
        order: AwardLine.objects.for_report(2021)."""
        return self.counting().for_year(year).with_details().in_list_order()

    def search(self, query):
        """Every word must occur in the recipient's name, job title or unit."""
        qs = self
        for term in fold(query).split():
            qs = qs.filter(Q(person__search_text__contains=term) | Q(collective__search_text__contains=term))
        return qs

    def total_amount(self):
        """The reward money paid: an award paid with a higher one for the
        same achievement adds nothing."""
        return self.aggregate(total=Sum("reward_amount"))["total"] or 0

    def for_recipient_of(self, line):
        return self.filter(person_id=line.person_id, collective_id=line.collective_id)


class AwardLine(RemembersLoadedValues, AwardLineRules, models.Model):
    """One recipient receiving one title or form in a decision, with the
    reward money: coefficient x base salary with the rates in force on the
    decision's date (awards/models/rates.py), unless set by hand with a
    note. When several awards reward one achievement, all are recorded and
    only the highest is paid (awards/law.py, settle). A revoked line stays
    in the record with its revocation and counts nowhere."""

    Status = AwardStatus

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="lines", verbose_name=_("decision"))
    person = models.ForeignKey(
        "awards.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="awards",
        verbose_name=_("person"),
    )
    collective = models.ForeignKey(
        "awards.Collective",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="awards",
        verbose_name=_("collective"),
    )
    title = models.ForeignKey(
        "awards.Title", on_delete=models.PROTECT, related_name="lines", verbose_name=_("title or form")
    )
    reason = models.CharField(_("achievement"), max_length=500, blank=True)
    coefficient = models.DecimalField(_("coefficient"), max_digits=5, decimal_places=2, null=True, editable=False)
    base_salary = models.PositiveIntegerField(_("base salary"), editable=False)
    entitled_amount = models.PositiveBigIntegerField(_("reward of the title (VND)"), default=0, editable=False)
    reward_amount = models.PositiveBigIntegerField(
        _("reward paid (VND)"),
        editable=False,
        help_text=_("Nothing when a higher award for the same achievement is paid instead."),
    )
    paid_instead = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        related_name="+",
        verbose_name=_("paid instead"),
        help_text=_("The award for the same achievement whose higher reward is paid instead of this one's."),
    )
    override_amount = models.PositiveBigIntegerField(
        _("reward set by hand (VND)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Only when the decision states another amount than the computed one."),
    )
    override_note = models.CharField(_("reason for the amount set by hand"), max_length=255, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=AwardStatus, default=AwardStatus.VALID)
    revoked_on = models.DateField(_("revoked on"), null=True, blank=True)
    revocation_reason = models.CharField(
        _("reason for revocation"),
        max_length=500,
        blank=True,
        help_text=_("The cancelling decision and why; the reward money is to be recovered."),
    )

    objects = AwardLineQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-decision__issued_on", "title__position", "id"]
        verbose_name = _("award")
        verbose_name_plural = _("awards")
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=False, collective__isnull=True)
                | Q(person__isnull=True, collective__isnull=False),
                name="award_line_one_recipient",
                violation_error_code="one_recipient",
                violation_error_message=_("An award goes to one person or to one collective."),
            ),
            models.CheckConstraint(
                condition=Q(status=AwardStatus.VALID, revoked_on__isnull=True)
                | Q(status=AwardStatus.REVOKED, revoked_on__isnull=False),
                name="award_line_revocation_dated",
                violation_error_code="revocation_dated",
                violation_error_message=_("A revoked award has a revocation date; a valid one has none."),
            ),
            models.CheckConstraint(
                condition=Q(override_amount__isnull=True) | ~Q(override_note=""),
                name="award_line_override_explained",
                violation_error_code="override_explained",
                violation_error_message=_("Say why the reward is set by hand."),
            ),
            models.UniqueConstraint(
                fields=["decision", "person", "title"],
                condition=Q(person__isnull=False),
                name="award_line_person_once_per_decision",
                violation_error_code="once_per_decision",
                violation_error_message=_("This person already receives this title in this decision."),
            ),
            models.UniqueConstraint(
                fields=["decision", "collective", "title"],
                condition=Q(collective__isnull=False),
                name="award_line_collective_once_per_decision",
                violation_error_code="once_per_decision",
                violation_error_message=_("This collective already receives this title in this decision."),
            ),
        ]

    def __str__(self):
        return f"{self.recipient} – {self.title} ({self.decision.year})"

    def save(self, *args, **kwargs):
        if self.settling:
            super().save(*args, **kwargs)
            return
        self.value_reward()
        with transaction.atomic():
            peers = self._settle_peers()
            super().save(*args, **kwargs)
            for peer in peers:
                peer.settling = True
                peer.save(update_fields=["reward_amount", "paid_instead"])
                peer.settling = False
            if self._recipient_changed():
                settle_recipient(self.loaded("person_id"), self.loaded("collective_id"))
        self.remember_loaded()
        self.revalue = False

    def _recipient_changed(self):
        if getattr(self, "_loaded_values", None) is None:
            return False
        return (self.loaded("person_id"), self.loaded("collective_id")) != (self.person_id, self.collective_id)

    def _settle_peers(self):
        """Settle this line's recipient's awards with this line as it is
        about to be saved: sets this line's payment and returns the other
        lines whose payment changes."""
        lines = [self]
        for line in AwardLine.objects.for_recipient_of(self).select_related("title", "decision"):
            if line.pk != self.pk:
                lines.append(line)
        changed = []
        for line, instead in law.settle(lines):
            amount = 0 if instead is not None else line.entitled_amount
            if line is self:
                self.reward_amount, self.paid_instead = amount, instead
            elif (line.reward_amount, line.paid_instead_id) != (amount, instead.pk if instead else None):
                line.reward_amount, line.paid_instead = amount, instead
                changed.append(line)
        return changed

    # The lines of a decision entered in one admin form are checked together
    # by the form set (awards.forms), which sets this on each of them.
    check_rules_later = False
    # Set while only the payment of a line is saved by another line's settlement.
    settling = False
    # Set by the decision when its date changes: take the coefficient again.
    revalue = False
    # Title and recipient as loaded: the coefficient is taken again only when
    # the title or the recipient's kind changes, so a later edit of the rates
    # does not revalue awards already made; a new recipient settles the
    # former one's awards too.
    loaded_values = ("title_id", "person_id", "collective_id")

    def _coefficient_changed(self):
        now = (self.title_id, self.collective_id is not None)
        return now != (self.loaded("title_id"), self.loaded("collective_id") is not None)

    @property
    def recipient(self):
        return self.person if self.person_id else self.collective

    @property
    def is_collective(self):
        return self.collective_id is not None

    @property
    def is_counting(self):
        return self.status == AwardStatus.VALID

    @property
    def is_paid_instead(self):
        return self.paid_instead_id is not None

    @property
    def one_reward_note(self):
        """Why this award's reward is not paid, or ""."""
        if not self.is_paid_instead:
            return ""
        return _("only the highest reward is paid, %(source)s") % {
            "source": law.one_reward_source(self.decision.issued_on)
        }

    @property
    def computed_amount(self):
        if self.coefficient is None or self.base_salary is None:
            return None
        rounding = RoundingRule.objects.in_force_on(self.decision.issued_on)
        if rounding is None:
            return law.reward_money(self.coefficient, self.base_salary)
        return law.reward_money(self.coefficient, self.base_salary, rounding.step, rounding.direction)

    def value_reward(self):
        """Fill coefficient, base salary and the title's reward from the
        rates in force on the decision's date."""
        day = self.decision.issued_on
        if self.coefficient is None or self.revalue or self._coefficient_changed():
            self.coefficient = coefficient_on(self.title, day, collective=self.is_collective)
        salary = BaseSalary.objects.in_force_on(day)
        if salary is None:
            raise self._no_salary_message()
        self.base_salary = salary.amount
        if self.override_amount is not None:
            self.entitled_amount = self.override_amount
        elif self.coefficient is None:
            raise self._no_coefficient_message()
        else:
            self.entitled_amount = self.computed_amount
        if self.reward_amount is None:
            self.reward_amount = self.entitled_amount

    def _no_coefficient_message(self):
        return ValidationError(
            _(
                "No reward coefficient of “%(title)s” is in force on %(date)s: give the amount the decision "
                "states, with its reason, or add the coefficient under Reward coefficients."
            ),
            code="no_coefficient",
            params={"title": self.title, "date": date_format(self.decision.issued_on, "SHORT_DATE_FORMAT")},
        )

    def _no_salary_message(self):
        return ValidationError(
            _("No base salary is recorded for %(date)s: add it under Base salaries."),
            code="no_base_salary",
            params={"date": date_format(self.decision.issued_on, "SHORT_DATE_FORMAT")},
        )

    def clean(self):
        errors = {}
        if self.person_id and self.collective_id:
            errors["collective"] = ValidationError(
                _("Choose a person or a collective, not both."), code="two_recipients"
            )
        elif not self.person_id and not self.collective_id:
            errors["person"] = ValidationError(_("Choose the person or the collective honoured."), code="no_recipient")
        elif self.title_id:
            if self.person_id and not self.title.awards_people():
                errors["title"] = ValidationError(
                    _("“%(title)s” is not awarded to individuals."), code="not_for_people", params={"title": self.title}
                )
            if self.collective_id and not self.title.awards_collectives():
                errors["title"] = ValidationError(
                    _("“%(title)s” is not awarded to collectives."),
                    code="not_for_collectives",
                    params={"title": self.title},
                )
        if self.override_amount is not None and not self.override_note.strip():
            errors["override_note"] = ValidationError(_("Say why the reward is set by hand."))
        if self.status == AwardStatus.REVOKED:
            if not self.revoked_on:
                errors["revoked_on"] = ValidationError(_("Give the date of the revocation."))
            elif self.revoked_on > timezone.localdate():
                errors["revoked_on"] = ValidationError(_("This date is in the future."))
            elif self._decision() and self.revoked_on < self.decision.issued_on:
                errors["revoked_on"] = ValidationError(
                    _("An award cannot be revoked before it was decided."), code="revoked_before_decision"
                )
            if not self.revocation_reason.strip():
                errors["revocation_reason"] = ValidationError(_("Say why the award is revoked."))
        elif self.revoked_on or self.revocation_reason:
            errors["status"] = ValidationError(_("Set the status to “Revoked” to record a revocation."))
        decision = self._decision()
        if decision and decision.issued_on and BaseSalary.objects.in_force_on(decision.issued_on) is None:
            errors.setdefault("title", self._no_salary_message())
        elif decision and decision.issued_on and self.title_id and self.override_amount is None:
            coefficient = coefficient_on(self.title, decision.issued_on, collective=self.is_collective)
            if coefficient is None and "title" not in errors:
                errors["override_amount"] = self._no_coefficient_message()
        if errors:
            raise ValidationError(errors)
        if not self.check_rules_later:
            rule_errors = self.rule_errors()
            if rule_errors:
                raise ValidationError(rule_errors)

    def _decision(self):
        """The decision, or None while a form has not set it yet."""
        try:
            return self.decision
        except Decision.DoesNotExist:
            return None


def settle_recipient(person_id, collective_id):
    """Settle again which of a recipient's awards are paid, after one of
    them left (deleted, or moved to another recipient)."""
    lines = list(
        AwardLine.objects.filter(person_id=person_id, collective_id=collective_id).select_related("title", "decision")
    )
    for line, instead in law.settle(lines):
        amount = 0 if instead is not None else line.entitled_amount
        if (line.reward_amount, line.paid_instead_id) != (amount, instead.pk if instead else None):
            line.reward_amount, line.paid_instead = amount, instead
            line.settling = True
            line.save(update_fields=["reward_amount", "paid_instead"])


@receiver(post_delete, sender=AwardLine)
def _settle_after_delete(sender, instance, **kwargs):
    settle_recipient(instance.person_id, instance.collective_id)
