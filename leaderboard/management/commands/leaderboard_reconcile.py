from django.core.management.base import BaseCommand

from leaderboard.services.reconcile import leaderboard_reconcile


class Command(BaseCommand):
    help = (
        "Recompute score totals and badges from the points ledger and report every "
        "difference. With --fix, make the stored state match the ledger."
    )

    def add_arguments(self, parser):
        parser.add_argument("--fix", action="store_true", help="Correct what differs.")

    def handle(self, *args, fix: bool = False, **options):
        differences = leaderboard_reconcile(fix=fix)
        for difference in differences:
            self.stdout.write(f"{difference.kind}: {difference.detail}")
        if not differences:
            self.stdout.write(self.style.SUCCESS("Totals and badges match the ledger."))
        elif fix:
            self.stdout.write(self.style.SUCCESS(f"Fixed {len(differences)} differences."))
        else:
            self.stdout.write(
                self.style.WARNING(f"{len(differences)} differences; run with --fix to correct.")
            )
