from django.core.management.base import BaseCommand

from people.services import leavers_deactivate


class Command(BaseCommand):
    help = (
        "Deactivate everyone whose leaving date (left_on) has passed. Run it daily; "
        "`make run` and the worker do not schedule it for you."
    )

    def handle(self, *args, **options):
        count = leavers_deactivate()
        self.stdout.write(f"{count} leaver(s) deactivated.")
