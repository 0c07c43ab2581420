from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from coopportal.lib.restricted import RestrictedQuerySet


class UserProfile(models.Model):
    """Where a user works: one province, optionally some of its communes, or
    (no province) the whole country. Every record the user sees or changes
    is within this scope (accounts.scoping)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile", verbose_name=_("user")
    )
    province = models.ForeignKey(
        "places.Province",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("province"),
        help_text=_("Leave empty for a national scope."),
    )
    communes = models.ManyToManyField(
        "places.Commune",
        blank=True,
        related_name="+",
        verbose_name=_("communes"),
        help_text=_("Leave empty for the whole province."),
    )

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("user profile")
        verbose_name_plural = _("user profiles")

    def __str__(self):
        return str(self.user)

    def clean(self):
        if self.pk and self.province_id is None and self.communes.exists():
            raise ValidationError(_("Communes can only be chosen within a province."))


def give_profile(sender, instance, created, raw=False, **kwargs):
    """Every new user starts in the portal's own province; an administrator
    widens (national) or narrows (communes) the scope on the profile."""
    if created and not raw:
        UserProfile.objects.get_or_create(user=instance, defaults={"province_id": settings.HOME_PROVINCE_CODE})
