from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.module_loading import import_string


def demo_loaders():
    """Each app's demo loader (its AppConfig's ``demo_loader``, a dotted
    path), in INSTALLED_APPS order: lower layers first."""
    return [
        import_string(config.demo_loader) for config in apps.get_app_configs() if getattr(config, "demo_loader", None)
    ]


class Command(BaseCommand):
    help = (
        "Load the demo data: a registry for the former Yên Bái (now Lào Cai) from which "
        "the Alliance's 2021 figures follow, the 2021/2022 plan and the awards of 2019–2021. "
        "Running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--seed", type=int, default=None, help="Random seed for names, dates and figures (default: the demo's)."
        )
        parser.add_argument("--dry-run", action="store_true", help="Report what would be loaded, write nothing.")

    def handle(self, *args, seed=None, dry_run=False, **options):
        try:
            with transaction.atomic():
                lines = [loader(seed=seed) for loader in demo_loaders()]
                if dry_run:
                    transaction.set_rollback(True)
        except RuntimeError as exc:
            raise CommandError(str(exc)) from exc
        prefix = "Dry run: " if dry_run else ""
        for line in filter(None, lines):
            self.stdout.write(self.style.SUCCESS(f"{prefix}{line}"))
