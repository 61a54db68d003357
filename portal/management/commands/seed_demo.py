from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings
from wagtail import hooks

from portal import realtime
from portal.extensions import DEMO_SEED

# The demo logins this command prints. Once any of them exists the demo was seeded, and the
# command leaves the database alone: a restart (`make run`) must never change what people
# did since (a policy version HR published, an acknowledgement, a quiz answer).
DEMO_USERNAMES = ("hr", "newhire", "advocate")


class Command(BaseCommand):
    help = (
        "Create the demo organisation and content, once. On a database that already has the "
        "demo it changes nothing."
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
        if get_user_model().objects.filter(username__in=DEMO_USERNAMES).exists():
            self.stdout.write(self.style.SUCCESS("Demo already seeded, nothing changed."))
        else:
            changed = self._seed()
            self.stdout.write(self.style.SUCCESS(f"Demo content ready ({changed} changes)."))
        self.stdout.write(
            f"Demo logins, all with the password {settings.DEMO_PASSWORD!r} (DEMO_PASSWORD):\n"
            "  hr        HR / comms, every admin role (/admin/)\n"
            "  newhire   joined today, nothing done yet\n"
            "  advocate  certified, policy acknowledged, opted in, with shares and clicks\n"
            "  editor    Content editors role      moderator  Moderators role\n"
            "  programme Programme admins role     reports    Report viewers role\n"
        )

    def _seed(self) -> int:
        changed = 0
        # Nobody watches the boards while the demo is built, and a trailing broadcast
        # timer would outlive this command; the leaderboard seed reconciles at the end.
        # The demo people's addresses are made up: their notifications send no email.
        # Each app seeds its own part through the DEMO_SEED hook, in hook order (later steps
        # build on earlier ones), all in one transaction: a seed that fails half-way leaves
        # nothing behind, so the next run starts afresh instead of finding half a demo.
        with (
            realtime.suppressed(),
            override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"),
            transaction.atomic(),
        ):
            for step in hooks.get_hooks(DEMO_SEED):
                count = step(stdout=self.stdout)
                part = step.__module__.split(".", 1)[0]
                if step.__name__ != "seed":  # e.g. seed_notices: "sharing notices"
                    part += " " + step.__name__.removeprefix("seed_")
                self.stdout.write(f"  {part}: {count} created or updated")
                changed += count
        return changed
