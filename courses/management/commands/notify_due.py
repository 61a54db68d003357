from django.core.management.base import BaseCommand

from courses.services.reminders import due_notifications_send


class Command(BaseCommand):
    help = (
        "Send today's reminders: training due within 3 days or overdue, certificates "
        "expiring in 30 or 7 days or today; re-enrol people whose certificate expired. "
        "Run daily; safe to run again (each reminder and re-enrolment happens once)."
    )

    def handle(self, *args, **options):
        count = due_notifications_send()
        self.stdout.write(f"{count} reminder{'s' if count != 1 else ''} due (each sent once).")
