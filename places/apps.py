from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacesConfig(AppConfig):
    """Provinces and communes: the bottom layer, importing no other app."""

    name = "places"
    verbose_name = _("Administrative units")
    demo_loader = "places.admin_units.load_demo_units"

    def ready(self):
        from django.db.backends.signals import connection_created

        from coopportal.lib.collation import register_on_sqlite

        # Names sort in Vietnamese order on SQLite too (PostgreSQL has ICU's).
        connection_created.connect(register_on_sqlite, dispatch_uid="places.vietnamese_collation")
