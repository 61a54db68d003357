from django.core.management.base import BaseCommand

from portal.retention import retention_apply


class Command(BaseCommand):
    help = (
        "Delete or anonymise what is past its retention period (raw clicks, visitor "
        "hashes, read notifications, leavers' personal data). Idempotent; run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Only say what would be removed."
        )

    def handle(self, *args, dry_run: bool = False, **options):
        results = retention_apply(dry_run=dry_run)
        verb = "would remove" if dry_run else "removed"
        for result in results:
            self.stdout.write(f"{result.rule.key}: {verb} {result.count} ({result.rule.title})")
        total = sum(result.count for result in results)
        self.stdout.write(f"Total: {verb} {total}.")
