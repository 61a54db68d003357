"""`manage.py check --deploy` checks of our own settings."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Tags, Warning, register
from django.http.request import validate_host


@register(Tags.security, deploy=True)
def portal_base_url_check(**kwargs) -> list[Warning]:
    """Badge ids, tracked links and email links are built from PORTAL_BASE_URL, and a baked
    badge keeps its id forever: it must be the public https address this site answers to.
    (Production settings refuse a missing or plain-http one outright.)"""
    url = settings.PORTAL_BASE_URL
    parts = urlsplit(url)
    warnings = []
    if parts.scheme != "https" or not parts.hostname:
        warnings.append(
            Warning(
                f"PORTAL_BASE_URL is {url!r}, not an https address.",
                hint="Set PORTAL_BASE_URL to the portal's public address, e.g. "
                "https://chorus.example.com.",
                id="chorus.W001",
            )
        )
    elif settings.ALLOWED_HOSTS and not validate_host(parts.hostname, settings.ALLOWED_HOSTS):
        warnings.append(
            Warning(
                f"PORTAL_BASE_URL's host {parts.hostname!r} is not in ALLOWED_HOSTS: every "
                "tracked link and badge link would be refused with 400.",
                hint="Add the host to ALLOWED_HOSTS, or correct PORTAL_BASE_URL.",
                id="chorus.W002",
            )
        )
    return warnings
