"""What the year-end report prints around the figures: who issues it, where,
who signs it and who receives it (Decree 30/2020/NĐ-CP's administrative form),
one record per province."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from coopportal.lib.restricted import RestrictedQuerySet
from coopportal.lib.years import YEAR_VALIDATORS


class ReportSettings(models.Model):
    """The administrative form of one province's year-end report."""

    province = models.OneToOneField(
        "places.Province",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("province"),
    )
    parent_body = models.CharField(
        _("parent body"),
        max_length=200,
        blank=True,
        help_text=_('Printed above the issuing body, e.g. "LIÊN MINH HTX VIỆT NAM"; may be empty.'),
    )
    issuing_body = models.CharField(
        _("issuing body"), max_length=200, help_text=_('E.g. "LIÊN MINH HỢP TÁC XÃ TỈNH LÀO CAI".')
    )
    document_code = models.CharField(
        _("document code"),
        max_length=40,
        default="BC-LMHTX",
        help_text=_('What follows the number: "Số: …/BC-LMHTX".'),
    )
    place = models.CharField(
        _("place"), max_length=100, help_text=_('Before the date: "Lào Cai, ngày … tháng … năm …".')
    )
    former_province = models.CharField(
        _("former province"),
        max_length=100,
        blank=True,
        help_text=_('For plans set by a province since merged, e.g. "Yên Bái": the area reads "Tỉnh Yên Bái (cũ)".'),
    )
    former_until_year = models.PositiveSmallIntegerField(
        _("former province's last plan year"),
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        help_text=_("The last year whose plan the former province set."),
    )
    signer_authority = models.CharField(
        _("signing on behalf of"),
        max_length=100,
        blank=True,
        help_text=_('E.g. "TM. BAN THƯỜNG VỤ"; may be empty.'),
    )
    signer_title = models.CharField(_("signer's title"), max_length=100, help_text=_('E.g. "CHỦ TỊCH".'))
    signer_name = models.CharField(_("signer's name"), max_length=100, blank=True)
    recipients = models.TextField(
        _("recipients"),
        blank=True,
        help_text=_('One per line, as printed under "Nơi nhận:", e.g. "UBND tỉnh;" and "Lưu: VT."'),
    )

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["province"]
        verbose_name = _("report settings")
        verbose_name_plural = _("report settings")

    def __str__(self):
        return str(self.issuing_body)

    def clean(self):
        if bool(self.former_province) != (self.former_until_year is not None):
            raise ValidationError(_("Give both the former province and the last year of its plans, or neither."))

    @property
    def recipient_lines(self):
        return [line.strip() for line in self.recipients.splitlines() if line.strip()]

    @property
    def number_line(self):
        return f"Số: …/{self.document_code}"

    @property
    def date_line(self):
        return f"{self.place}, ngày … tháng … năm …"

    def area_line(self, year, province_name):
        """The area the report speaks for: "Tỉnh Lào Cai", or for a plan the
        former province set, "Tỉnh Yên Bái (cũ), nay thuộc tỉnh Lào Cai"."""
        if self.former_province and self.former_until_year and year <= self.former_until_year:
            return f"Tỉnh {self.former_province} (cũ), nay thuộc {province_name[:1].lower()}{province_name[1:]}"
        return province_name

    @classmethod
    def for_province(cls, province):
        """The province's settings, or unsaved ones derived from its name
        (the whole country's report is issued by the national Alliance)."""
        if province is None:
            return cls(
                issuing_body="LIÊN MINH HỢP TÁC XÃ VIỆT NAM",
                place="Hà Nội",
                signer_title="CHỦ TỊCH",
            )
        found = cls.objects.filter(province=province).first()
        if found:
            return found
        return cls(
            province=province,
            issuing_body=f"LIÊN MINH HỢP TÁC XÃ {province.name.upper()}",
            place=province.short_name,
            signer_title="CHỦ TỊCH",
        )
