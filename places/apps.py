from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacesConfig(AppConfig):
    """Provinces and communes: the bottom layer, importing no other app."""

    name = "places"
    verbose_name = _("Administrative units")
    demo_loader = "places.admin_units.load_demo_units"
