from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings
from wagtail import hooks

from portal import realtime
from portal.extensions import DEMO_SEED


class Command(BaseCommand):
    help = (
        "Create the demo organisation and content. Safe to run again: it adds only what is missing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even though DEBUG is off (it creates users with a known password).",
        )

    def handle(self, *args, force: bool = False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "seed_demo creates accounts with a shared, known password and refuses to run "
                "while DEBUG is off. Pass --force if this really is a demo installation."
            )
        changed = 0
        # Nobody watches the boards while the demo is built, and a trailing broadcast
        # timer would outlive this command; the leaderboard seed reconciles at the end.
        # The demo people's addresses are made up: their notifications send no email.
        # Each app seeds its own part through the DEMO_SEED hook, in hook order (later steps
        # build on earlier ones).
        with (
            realtime.suppressed(),
            override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"),
        ):
            for step in hooks.get_hooks(DEMO_SEED):
                with transaction.atomic():
                    count = step(stdout=self.stdout)
                part = step.__module__.split(".", 1)[0]
                if step.__name__ != "seed":  # e.g. seed_notices: "sharing notices"
                    part += " " + step.__name__.removeprefix("seed_")
                self.stdout.write(f"  {part}: {count} created or updated")
                changed += count
        if changed:
            self.stdout.write(self.style.SUCCESS(f"Demo content ready ({changed} changes)."))
        else:
            self.stdout.write(self.style.SUCCESS("Demo content already present; nothing changed."))
        self.stdout.write(
            f"Demo logins, all with the password {settings.DEMO_PASSWORD!r} (DEMO_PASSWORD):\n"
            "  hr        HR / comms editor, can open /admin/\n"
            "  newhire   joined today, nothing done yet\n"
            "  advocate  certified, policy acknowledged, opted in, with shares and clicks\n"
        )
