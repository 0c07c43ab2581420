from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from reports.narrative import write_narrative
from reports.workbook import write_year_report


class Command(BaseCommand):
    help = (
        "Write the year-end report for YEAR to FILE: the workbook (plan sheet, annexes, notes) "
        "for a .xlsx file, the drafted narrative for a .docx file."
    )

    def add_arguments(self, parser):
        parser.add_argument("year", type=int)
        parser.add_argument("file", type=Path)

    def handle(self, *args, year, file, **options):
        writers = {".xlsx": write_year_report, ".docx": write_narrative}
        write = writers.get(file.suffix.lower())
        if write is None:
            raise CommandError(_("The file must end in .xlsx or .docx, not “%(name)s”.") % {"name": file.name})
        if not 1990 <= year <= 2100:
            raise CommandError(_("The year must be between 1990 and 2100, not %(year)s.") % {"year": year})
        partial = file.with_name(file.name + ".part")
        try:
            with partial.open("wb") as stream:
                write(year, stream)
            partial.replace(file)
        finally:
            partial.unlink(missing_ok=True)
        self.stdout.write(self.style.SUCCESS(f"Wrote the {year} report to {file}."))
