from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError
from django.utils import translation

from registry.excel.formats import FileRejected
from registry.excel.importer import import_file


class Command(BaseCommand):
    help = (
        "Import cooperatives or cooperative groups from an .xlsx or .csv file in the template's format. "
        "Every row is checked first; any error means nothing is written, and all errors are listed."
    )

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=["cooperatives", "groups"])
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="Check the file and report; write nothing.")
        parser.add_argument("--language", default=settings.LANGUAGE_CODE, choices=["vi", "en"])

    def handle(self, *args, kind, file, dry_run=False, language="vi", **options):
        if not file.is_file():
            raise CommandError(f"No such file: {file}")
        with translation.override(language):
            try:
                plan, _counts = import_file(kind, file.read_bytes(), file.name, dry_run=dry_run)
            except FileRejected as error:
                raise CommandError(str(error)) from error
            except IntegrityError:
                # Another import wrote the same codes (or names) between this
                # one's checks and its write; the transaction is rolled back.
                raise CommandError(
                    translation.gettext("Another import added these codes meanwhile; nothing was imported.")
                ) from None
            if not plan.ok:
                for error in plan.errors:
                    self.stderr.write(str(error))
                raise CommandError(
                    translation.gettext("%(count)s errors; nothing was imported.") % {"count": len(plan.errors)}
                )
            summary = (
                translation.gettext("%(created)s new, %(updated)s updated, %(unchanged)s unchanged.") % plan.counts
            )
            if dry_run:
                summary = translation.gettext("Dry run, nothing written: %(summary)s") % {"summary": summary}
            self.stdout.write(self.style.SUCCESS(summary))
