from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistryConfig(AppConfig):
    name = "registry"
    verbose_name = _("Registry")
    demo_loader = "registry.demo.load_demo"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from places.admin_units import units_loaded
        from places.models import Commune
        from registry import models

        # Every record a plan figure is computed from: a write makes cached
        # figures stale (planning.measures caches them per data version).
        for model in (
            Commune,  # a commune moving province moves its figures
            models.Cooperative,
            models.CooperativeGroup,
            models.CooperativeReport,
            models.GroupReport,
            models.OcopProduct,
            models.ValueChainModel,
        ):
            for signal in (post_save, post_delete):
                signal.connect(models.DataVersion.bump, sender=model, dispatch_uid=f"bump-{model.__name__}-{signal}")
        units_loaded.connect(models.DataVersion.bump, dispatch_uid="bump-units-loaded")
