from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """What the whole portal shares: the demo commands, the formatting
    template filters, the folded-search admin mixin. It sits above
    ``places`` and ``accounts`` and below the domain apps, so it imports
    none of them; ``load_demo`` finds each app's demo loader through its
    AppConfig's ``demo_loader`` attribute."""

    name = "portal"
    verbose_name = _("Portal")
