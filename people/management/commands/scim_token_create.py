from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from people.scim.tokens import scim_token_create


class Command(BaseCommand):
    help = "Create a SCIM bearer token for one identity provider and print it (only once)."

    def add_arguments(self, parser):
        parser.add_argument("name", help="Which identity provider uses it, e.g. 'Entra ID'.")

    def handle(self, *args, name: str, **options):
        try:
            _, raw = scim_token_create(name=name)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        self.stdout.write(raw)
        self.stderr.write(
            "This token is shown once and stored only as a hash: paste it into the identity "
            "provider now. Revoke it in the admin (Settings → SCIM tokens)."
        )
