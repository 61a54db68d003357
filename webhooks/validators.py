"""Which addresses a channel may post to: the https address Slack or Teams gave HR.

Plain http is accepted only for a receiver on this machine (127.0.0.1, ::1, localhost),
and only where WEBHOOKS_ALLOW_LOOPBACK_HTTP is on (default: DEBUG), so development and the
tests can point a channel at a local recording receiver. Addresses on the machine or the
private network are refused otherwise: a webhook must never become a way to reach them.
"""

import ipaddress
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError

LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"}


def loopback_allowed() -> bool:
    return bool(getattr(settings, "WEBHOOKS_ALLOW_LOOPBACK_HTTP", settings.DEBUG))


def _is_internal(host: str) -> bool:
    if host in LOOPBACK_NAMES or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return not address.is_global


def webhook_url_validate(value: str) -> None:
    """Raise ValidationError, saying what to do, unless `value` may receive messages."""
    try:
        parts = urlsplit(value.strip())
        host = (parts.hostname or "").lower()
        parts.port  # noqa: B018 (a port that is not a number raises here)
    except ValueError as error:
        raise ValidationError("This is not a web address Chorus can post to.") from error
    if parts.scheme not in {"http", "https"} or not host:
        raise ValidationError(
            "Paste the full webhook address Slack or Teams gave you; it starts with https://."
        )
    if parts.username or parts.password:
        raise ValidationError("The address must not contain a user name or password.")
    loopback = host in LOOPBACK_NAMES and loopback_allowed()
    if _is_internal(host) and not loopback:
        raise ValidationError(
            "This address is on this machine or a private network; Chorus only posts to "
            "Slack's or Teams' own https address."
        )
    if parts.scheme == "http" and not loopback:
        raise ValidationError(
            "The address must start with https://: Slack and Teams only give https addresses, "
            "and plain http would send the messages unencrypted."
        )
