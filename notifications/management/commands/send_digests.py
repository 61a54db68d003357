from django.core.management.base import BaseCommand

from notifications.digest import digests_send


class Command(BaseCommand):
    help = (
        "Send this week's digest to everyone opted in to email alerts. Safe to run twice "
        "(from cron): each person gets one digest a week."
    )

    def handle(self, *args, **options):
        count = digests_send()
        self.stdout.write(f"{count} digest{'s' if count != 1 else ''} queued.")
