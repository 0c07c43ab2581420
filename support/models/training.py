"""Training: the classes the Alliance holds or arranges (lớp bồi dưỡng,
tập huấn) and who took part."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from coopportal.lib.restricted import RestrictedQuerySet
from support.models.common import OrganisationLink
from support.models.membership import year_end


class FundingSource(models.TextChoices):
    PROVINCIAL_BUDGET = "provincial_budget", _("Provincial budget")
    CENTRAL_BUDGET = "central_budget", _("Central budget")
    TARGET_PROGRAMME = "target_programme", _("National target programme")
    VIETNAM_ALLIANCE = "vca", _("Vietnam Cooperative Alliance")
    OTHER = "other", _("Other source")


class TrainingClass(models.Model):
    """A class or course: what, when, where, who organised and paid for it."""

    topic = models.CharField(_("topic"), max_length=255)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    place = models.CharField(_("place"), max_length=255)
    commune = models.ForeignKey(
        "places.Commune", on_delete=models.PROTECT, related_name="+", verbose_name=_("commune where held")
    )
    organiser = models.CharField(_("organiser"), max_length=255, default="Liên minh Hợp tác xã tỉnh")
    funding_source = models.CharField(
        _("funding source"), max_length=20, choices=FundingSource, default=FundingSource.PROVINCIAL_BUDGET
    )

    history = HistoricalRecords()

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "topic"]
        verbose_name = _("training class")
        verbose_name_plural = _("training classes")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")),
                name="training_class_ends_after_start",
                violation_error_message=_("A class cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return f"{self.topic} ({self.starts_on:%d/%m/%Y})"

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("A class cannot end before it starts.")})


class ParticipantRole(models.TextChoices):
    MANAGER = "manager", _("Manager")
    MEMBER = "member", _("Member")
    OFFICER = "officer", _("Officer")


def founded_in(year, path=""):
    """The organisation (an HTX, union or THT) was founded in ``year``."""
    return Q(**{f"{path}cooperative__registration_date__year": year}) | Q(
        **{f"{path}group__established_on__year": year}
    )


def manager_trained_by(year, path=""):
    """A manager who completed a class that ended by the end of ``year``."""
    return Q(
        **{
            f"{path}role": ParticipantRole.MANAGER,
            f"{path}completed": True,
            f"{path}training_class__ends_on__lte": year_end(year),
        }
    )


class TrainingParticipantQuerySet(RestrictedQuerySet):
    def new_managers_trained(self, year):
        """Managers of organisations founded in ``year`` who completed a class
        by the end of that year: the numerator of the 2022 plan's "managers of
        newly founded organisations trained"."""
        return self.filter(manager_trained_by(year) & founded_in(year))


class TrainingParticipant(OrganisationLink):
    """A person in a class: their organisation, role, attendance, completion."""

    training_class = models.ForeignKey(
        TrainingClass, on_delete=models.CASCADE, related_name="participants", verbose_name=_("class")
    )
    full_name = models.CharField(_("full name"), max_length=150)
    role = models.CharField(_("role"), max_length=10, choices=ParticipantRole, default=ParticipantRole.MEMBER)
    attended = models.BooleanField(_("attended"), default=True)
    completed = models.BooleanField(_("completed"), default=False)

    objects = TrainingParticipantQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["training_class", "full_name", "id"]
        verbose_name = _("training participant")
        verbose_name_plural = _("training participants")
        constraints = [
            *OrganisationLink.Meta.constraints,
            models.CheckConstraint(
                condition=Q(completed=False) | Q(attended=True),
                name="training_completed_needs_attendance",
                violation_error_message=_("Only someone who attended can complete the class."),
            ),
        ]

    def __str__(self):
        return f"{self.full_name} · {self.training_class.topic}"

    def clean(self):
        super().clean()
        if self.completed and not self.attended:
            raise ValidationError({"completed": _("Only someone who attended can complete the class.")})
