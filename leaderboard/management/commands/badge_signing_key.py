"""Print a new Ed25519 key for BADGE_SIGNING_KEYS (the private part: keep it secret)."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from leaderboard.signing_keys import new_key_entry


class Command(BaseCommand):
    help = (
        "Print a new BADGE_SIGNING_KEYS entry. To rotate, put it first and keep the old "
        "entries after it: credentials they signed keep verifying."
    )

    def add_arguments(self, parser):
        parser.add_argument("--kid", default="", help="Key id (default: key-YYYYMMDD).")

    def handle(self, *args, kid: str, **options):
        self.stdout.write(new_key_entry(kid or f"key-{timezone.now():%Y%m%d}"))
