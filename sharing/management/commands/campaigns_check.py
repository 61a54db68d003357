from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from sharing.selectors.campaigns import campaigns_running
from sharing.services.campaigns import campaign_milestones_record, campaigns_start_due


class Command(BaseCommand):
    help = (
        "Announce campaigns whose start day came and record any milestone their figures "
        "passed (each once: safe to run as often as you like, e.g. every few minutes). "
        "Live pushes do this as people act; this catches what a restart interrupted."
    )

    def handle(self, *args, **options):
        started = campaigns_start_due()
        # Yesterday too: a campaign's last day is over only once the check after it ran.
        running = {c.pk for c in campaigns_running()}
        running |= {c.pk for c in campaigns_running(today=timezone.localdate() - timedelta(days=1))}
        reached = {pk: campaign_milestones_record(campaign_id=pk) for pk in sorted(running)}
        milestones = sum(len(new) for new in reached.values())
        self.stdout.write(
            self.style.SUCCESS(f"{started} campaigns started, {milestones} milestones recorded.")
        )
