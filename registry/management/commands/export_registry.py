from pathlib import Path

from django.core.management.base import BaseCommand

from registry.excel.columns import SHEETS
from registry.excel.exporter import write_registry


class Command(BaseCommand):
    help = "Export all cooperatives or cooperative groups to an .xlsx file in the import format."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=sorted(SHEETS))
        parser.add_argument("file", type=Path)

    def handle(self, *args, kind, file, **options):
        queryset = SHEETS[kind].model.objects.all()
        with file.open("wb") as stream:
            count = write_registry(kind, queryset, stream)
        self.stdout.write(self.style.SUCCESS(f"Exported {count} {kind} to {file}."))
