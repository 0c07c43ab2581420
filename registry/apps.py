from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistryConfig(AppConfig):
    name = "registry"
    verbose_name = _("Registry")
    demo_loader = "registry.demo.load_demo"

    def ready(self):
        from django.db.models.signals import post_delete, post_save, pre_delete, pre_save

        from places.admin_units import units_loaded
        from places.models import Commune
        from registry import models
        from registry.models import version

        # Every record a plan figure is computed from: a write makes cached
        # figures stale (planning.measures caches them per data version) and
        # marks the communes it counts in, before and after, so that
        # planning's summary rows of those communes are recomputed.
        for model in (
            models.Cooperative,
            models.CooperativeStatusChange,
            models.CooperativeGroup,
            models.CooperativeReport,
            models.GroupReport,
            models.OcopProduct,
            models.ValueChainModel,
        ):
            name = model.__name__
            pre_save.connect(version.communes_before_write, sender=model, dispatch_uid=f"before-save-{name}")
            pre_delete.connect(version.communes_before_write, sender=model, dispatch_uid=f"before-delete-{name}")
            post_save.connect(version.record_saved, sender=model, dispatch_uid=f"bump-{name}-saved")
            post_delete.connect(version.record_deleted, sender=model, dispatch_uid=f"bump-{name}-deleted")
        # A commune saved may have moved province: its summary rows, which
        # keep the province, are rewritten.
        post_save.connect(version.commune_saved, sender=Commune, dispatch_uid="bump-Commune-saved")
        post_delete.connect(models.DataVersion.bump_version_only, sender=Commune, dispatch_uid="bump-Commune-deleted")
        # Units reloaded: records may have been moved between communes in bulk.
        units_loaded.connect(models.DataVersion.bump, dispatch_uid="bump-units-loaded")
