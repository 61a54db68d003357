from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from people.roster.importing import roster_import
from people.roster.reading import COLUMNS, RosterFileError, roster_read


class Command(BaseCommand):
    help = (
        f"Import a CSV or XLSX roster (columns {','.join(COLUMNS)}), idempotent by email. "
        "Prints created / updated / unchanged / refused and each refused row's line."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="Check and count, save nothing.")

    def handle(self, *args, file: Path, dry_run: bool, **options):
        if not file.is_file():
            raise CommandError(f"No such file: {file}")
        try:
            rows = roster_read(data=file.read_bytes(), filename=file.name)
        except RosterFileError as error:
            raise CommandError(str(error)) from None
        report = roster_import(rows=rows, apply=not dry_run)
        counts = report.counts
        prefix = "Dry run, nothing saved: would have " if dry_run else ""
        self.stdout.write(
            f"{prefix}created {counts['created']}, updated {counts['updated']}, "
            f"unchanged {counts['unchanged']}, refused {counts['refused']}"
        )
        for outcome in report.refused:
            self.stdout.write(f"line {outcome.line}: {outcome.reason}")
