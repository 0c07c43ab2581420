from pathlib import Path

from django.core.management.base import BaseCommand

from registry.excel.exporter import write_registry
from registry.models import Cooperative, CooperativeGroup


class Command(BaseCommand):
    help = "Export all cooperatives or cooperative groups to an .xlsx file in the import format."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=["cooperatives", "groups"])
        parser.add_argument("file", type=Path)

    def handle(self, *args, kind, file, **options):
        queryset = Cooperative.objects.all() if kind == "cooperatives" else CooperativeGroup.objects.all()
        with file.open("wb") as stream:
            count = write_registry(kind, queryset, stream)
        self.stdout.write(self.style.SUCCESS(f"Exported {count} {kind} to {file}."))
