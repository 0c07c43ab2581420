from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from awards.demo import load_demo_awards
from planning.demo import load_demo_plan
from registry.admin_units import load_admin_units
from registry.demo import SEED, load_demo_registry
from registry.models import Commune
from reports.demo import load_demo_report_settings


class Command(BaseCommand):
    help = (
        "Load the demo data: a registry for the former Yên Bái (now Lào Cai) from which "
        "the Alliance's 2021 figures follow, the 2021/2022 plan and the awards of 2019–2021. "
        "Running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=SEED, help="Random seed for names, dates and figures.")
        parser.add_argument("--dry-run", action="store_true", help="Report what would be loaded, write nothing.")

    def handle(self, *args, seed=SEED, dry_run=False, **options):
        try:
            with transaction.atomic():
                if not Commune.objects.exists():
                    load_admin_units()
                    self.stdout.write("Loaded the administrative units first.")
                counts = load_demo_registry(seed)
                targets = load_demo_plan()
                awards = load_demo_awards()
                load_demo_report_settings()
                if dry_run:
                    transaction.set_rollback(True)
        except RuntimeError as exc:
            raise CommandError(str(exc)) from exc
        prefix = "Dry run: " if dry_run else ""
        if counts is None:
            self.stdout.write(f"{prefix}Demo registry already present; left as it is.")
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    f"{prefix}Demo registry: {counts['cooperatives']} cooperatives, {counts['groups']} groups."
                )
            )
        self.stdout.write(self.style.SUCCESS(f"{prefix}Demo plan: {targets} targets."))
        self.stdout.write(self.style.SUCCESS(f"{prefix}Demo awards: {awards} award lines."))
