from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanningConfig(AppConfig):
    name = "planning"
    verbose_name = _("Plan tracking")
    demo_loader = "planning.demo.load_demo"

    def ready(self):
        from django.apps import apps
        from django.db.models.signals import post_delete, post_migrate, post_save

        from registry.models.version import FIGURE_COMMUNE_PATHS

        post_migrate.connect(summary_rows_stale_after_migrate, sender=self, dispatch_uid="summary-after-migrate")
        # A write's marked communes are recomputed once it commits, so that
        # the next reader finds the summary rows current (a reader still
        # recomputes whatever marks it finds: bulk paths, rolled-back callbacks).
        models = [apps.get_model("registry", name) for name in FIGURE_COMMUNE_PATHS]
        for model in [*models, apps.get_model("places", "Commune")]:
            for signal in (post_save, post_delete):
                signal.connect(refresh_after_commit, sender=model, dispatch_uid=f"summary-{model.__name__}-{signal}")


def refresh_after_commit(**_signal_kwargs):
    """Recompute the marked communes' summary rows once the write commits
    (at once outside a transaction); a failure is logged and left to the
    next reader, never undoing the write."""
    from django.db import transaction

    from planning import summary

    transaction.on_commit(summary.refresh, robust=True)


def rules_fingerprint():
    """The rules behind every figure, as the database is asked them: each
    part's records and what it adds up, as SQL for a reference year. A
    deploy that changes a rule changes it."""
    import hashlib

    from django.core.exceptions import EmptyResultSet
    from django.db.models import F

    from coopportal.lib.scope import EVERYWHERE
    from planning.measures import MEASURES

    digest = hashlib.sha1()
    for code in sorted(MEASURES):
        for index, part in enumerate(MEASURES[code].parts):
            rows = part.source.queryset(EVERYWHERE).filter(part.condition(2000))
            total = part.total(2000) if callable(part.total) else part.total
            if total is not None:
                rows = rows.annotate(fingerprint_total=F(total) if isinstance(total, str) else total)
            try:
                sql = str(rows.query)
            except EmptyResultSet:  # a condition that matches nothing
                sql = "nothing"
            digest.update(f"{code}/{index}/{sql}|".encode())
    return digest.hexdigest()


def summary_rows_stale_after_migrate(using, **kwargs):
    """A deploy may change a rule that decides a figure: after ``migrate``,
    if the rules differ from those the summary rows were computed with,
    every commune's rows (planning.summary) are recomputed when read. The
    Dockerfile migrates at every start; unchanged rules keep the rows."""
    from django.db import connections

    from planning.models import FigureSummary
    from registry.models import DataVersion, StaleCommune

    tables = set(connections[using].introspection.table_names())
    needed = {model._meta.db_table for model in (FigureSummary, StaleCommune, DataVersion)}
    if not needed <= tables:
        return
    fingerprint = rules_fingerprint()
    stored = DataVersion.objects.using(using).filter(pk=1).values_list("rules_fingerprint", flat=True).first()
    if stored == fingerprint:
        return
    if FigureSummary.objects.using(using).exists():
        DataVersion.bump()
    DataVersion.objects.using(using).update_or_create(pk=1, defaults={"rules_fingerprint": fingerprint})
