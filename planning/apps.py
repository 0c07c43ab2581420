from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanningConfig(AppConfig):
    name = "planning"
    verbose_name = _("Plan tracking")
    demo_loader = "planning.demo.load_demo"

    def ready(self):
        from django.db.models.signals import post_migrate

        post_migrate.connect(summary_rows_stale_after_migrate, sender=self, dispatch_uid="summary-after-migrate")


def summary_rows_stale_after_migrate(using, **kwargs):
    """A deploy may change a rule that decides a figure: after ``migrate``,
    every commune's summary rows (planning.summary) are recomputed when read."""
    from django.db import connections

    from planning.models import FigureSummary
    from registry.models import DataVersion, StaleCommune

    tables = set(connections[using].introspection.table_names())
    needed = {model._meta.db_table for model in (FigureSummary, StaleCommune, DataVersion)}
    if needed <= tables and FigureSummary.objects.using(using).exists():
        DataVersion.bump()
