"""Template tags for credentials that travel: LinkedIn's "Add to profile" link."""

from django import template

from leaderboard import credentials, openbadges
from leaderboard.models import BadgeIssuerSettings

register = template.Library()


@register.simple_tag
def linkedin_add_url(*, name, issued, path, credential_id, expires=None) -> str:
    """LinkedIn's add-to-profile URL for a certification issued by the programme: `path`
    is the public page that verifies it (made absolute on PORTAL_BASE_URL)."""
    return credentials.linkedin_add_url(
        name=name,
        organisation=BadgeIssuerSettings.load().name,
        issued=issued,
        expires=expires,
        url=openbadges.absolute(path),
        credential_id=credential_id,
    )
