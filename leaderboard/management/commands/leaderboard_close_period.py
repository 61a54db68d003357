from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from leaderboard.services import leaderboard_close_period
from portal.periods import previous_month_start


class Command(BaseCommand):
    help = (
        "Close a month: record its top people and award the “top N of a month” badges. "
        "Safe to run again (a closed month is never re-ranked)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--month", help="YYYY-MM; defaults to last month in the programme's time zone."
        )
        parser.add_argument("--top", type=int, default=3, help="How many places to record.")

    def handle(self, *args, month: str | None = None, top: int = 3, **options):
        if month:
            try:
                first = date.fromisoformat(f"{month}-01")
            except ValueError as error:
                raise CommandError(f"--month must look like 2026-10, not {month!r}.") from error
        else:
            first = previous_month_start(timezone.now())
        if top < 1:
            raise CommandError("--top must be at least 1.")
        try:
            placed, awarded = leaderboard_close_period(month=first, top=top)
        except ValueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"{first:%B %Y}: {placed} placements recorded, {awarded} badges awarded."
            )
        )
