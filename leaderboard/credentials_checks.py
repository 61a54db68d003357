"""`manage.py check --deploy` checks for credentials that leave the portal: the issuer's
contact address (Open Badges 2.0 requires one) and the keys that sign 3.0 credentials."""

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError

from leaderboard.openbadges import issuer_email
from leaderboard.signing_keys import signing_keys

# Addresses nobody reads: a verifier asking about a badge would write into the void.
PLACEHOLDER_DOMAINS = ("localhost",)
PLACEHOLDER_SUFFIXES = (".invalid", ".localhost", ".local")


def is_placeholder(email: str) -> bool:
    domain = email.rpartition("@")[2].strip().lower()
    return not domain or domain in PLACEHOLDER_DOMAINS or domain.endswith(PLACEHOLDER_SUFFIXES)


@register(Tags.security, deploy=True)
def badge_issuer_email_check(**kwargs) -> list[Error]:
    try:
        email = issuer_email()
    except DatabaseError:  # no tables yet (first deploy): judge the settings alone
        email = settings.BADGE_ISSUER_EMAIL.strip()
    if email and "@" in email and not is_placeholder(email):
        return []
    return [
        Error(
            f"The Open Badges issuer email is {email!r}: every issuer profile must name a "
            "real contact address.",
            hint="Set it in the admin (Settings → Badge issuer) or with BADGE_ISSUER_EMAIL.",
            id="chorus.E010",
        )
    ]


@register(Tags.security, deploy=True)
def badge_signing_keys_check(**kwargs) -> list[Error]:
    try:
        keys = signing_keys()
    except ImproperlyConfigured as error:
        return [Error(str(error), id="chorus.E011")]
    if keys:
        return []
    return [
        Error(
            "BADGE_SIGNING_KEYS is empty: Open Badges 3.0 credentials cannot be signed.",
            hint="Run `manage.py badge_signing_key` and set BADGE_SIGNING_KEYS to its output.",
            id="chorus.E011",
        )
    ]
