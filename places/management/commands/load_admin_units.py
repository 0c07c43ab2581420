from django.core.management.base import BaseCommand
from django.db import transaction

from places.admin_units import load_admin_units


class Command(BaseCommand):
    help = (
        "Load (or refresh) the 34 provinces and 3,321 communes of the two-level "
        "structure in force since 1 July 2025, from the vietnamadminunits package."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count what would be loaded, write nothing.")

    def handle(self, *args, dry_run=False, **options):
        with transaction.atomic():
            provinces, communes = load_admin_units()
            if dry_run:
                transaction.set_rollback(True)
        verb = "Would load" if dry_run else "Loaded"
        self.stdout.write(self.style.SUCCESS(f"{verb} {provinces} provinces and {communes} communes."))
