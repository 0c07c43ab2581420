from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupportConfig(AppConfig):
    name = "support"
    verbose_name = _("The Alliance's work")
    demo_loader = "support.demo.load_demo"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from planning.drilldown import register_columns
        from planning.measures import feed_numerator, register_measures
        from planning.views import register_dashboard_section
        from registry.models import DataVersion
        from support import columns, dashboard, measures, models

        register_measures(measures.SUPPORT_MEASURES)
        feed_numerator("new_manager_trained_share", [measures.TRAINED_NEW_MANAGERS])
        for model, (headers, select_related, ordering) in columns.COLUMNS.items():
            register_columns(model, headers, select_related, ordering)
        register_dashboard_section(dashboard.alliance_section)
        # The year-end report (reports/, a layer above) reads support.report itself.

        # Plan figures are cached per registry data version: a write to the
        # records they are computed from makes them stale. Planning reads
        # these records directly (no summary rows), so no commune is marked.
        for model in models.FIGURE_SOURCES:
            for signal in (post_save, post_delete):
                signal.connect(
                    DataVersion.bump_version_only, sender=model, dispatch_uid=f"bump-{model.__name__}-{signal}"
                )
