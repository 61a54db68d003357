from django.core.management.base import BaseCommand

from notifications.services import digests_send


class Command(BaseCommand):
    help = (
        "Send the digest of the week that ended (Monday to Sunday) to everyone opted in to "
        "email alerts who has news. Run on Monday mornings; safe to run twice (each person "
        "gets one digest a week)."
    )

    def handle(self, *args, **options):
        count = digests_send()
        self.stdout.write(f"{count} digest{'s' if count != 1 else ''} queued.")
