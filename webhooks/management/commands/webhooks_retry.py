from datetime import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from webhooks.services import deliveries_retry_due


class Command(BaseCommand):
    help = (
        "Queue every team chat delivery whose next attempt is due (failed ones after their "
        "back-off, and any whose queueing was lost). Run from cron every minute."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--at", type=datetime.fromisoformat, help="Act as at this ISO time (tests, demos)."
        )

    def handle(self, *args, at=None, **options):
        if at is not None and timezone.is_naive(at):
            at = timezone.make_aware(at)
        n = deliveries_retry_due(at=at)
        self.stdout.write(f"{n} deliver{'y' if n == 1 else 'ies'} due, queued.")
