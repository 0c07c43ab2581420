from pathlib import Path

from django.core.management.base import BaseCommand

from planning.year_report import write_year_report


class Command(BaseCommand):
    help = "Write the year-end report (plan sheet and the records behind it) for YEAR to FILE (.xlsx)."

    def add_arguments(self, parser):
        parser.add_argument("year", type=int)
        parser.add_argument("file", type=Path)

    def handle(self, *args, year, file, **options):
        with file.open("wb") as stream:
            write_year_report(year, stream)
        self.stdout.write(self.style.SUCCESS(f"Wrote the {year} report to {file}."))
