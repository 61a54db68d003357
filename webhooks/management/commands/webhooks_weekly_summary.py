from datetime import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from webhooks.events import weekly_summary_queue


class Command(BaseCommand):
    help = (
        "Queue this week's summary (new posts, campaign progress; nobody's own figures) for "
        "every team chat channel that receives it. Once per week: running it again sends "
        "nothing more. Run from cron, e.g. Monday 09:00."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--at", type=datetime.fromisoformat, help="Act as at this ISO time (tests, demos)."
        )

    def handle(self, *args, at=None, **options):
        if at is not None and timezone.is_naive(at):
            at = timezone.make_aware(at)
        created = weekly_summary_queue(at=at)
        if not created:
            self.stdout.write("No summary queued (nothing new, or already sent this week).")
        else:
            self.stdout.write(f"Weekly summary queued for {len(created)} channel(s).")
