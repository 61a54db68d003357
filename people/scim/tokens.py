"""Bearer tokens for identity providers. Only the SHA-256 of a token is stored: a token is
32 random bytes, so a fast hash cannot be guessed backwards and costs nothing per request."""

import hashlib
import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from people.models import ScimToken, User

PREFIX = "chorus_scim_"


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def scim_token_create(*, name: str, by: User | None = None) -> tuple[ScimToken, str]:
    """A new token for the provider `name`; returns the row and the token, which is never
    shown again. ValidationError (nothing saved) when the name is empty or taken."""
    name = name.strip()
    if not name:
        raise ValidationError("Give the token a name: which identity provider uses it.")
    if ScimToken.objects.filter(name=name).exists():
        raise ValidationError(f"A token named {name!r} exists already; revoke it or pick another.")
    raw = PREFIX + secrets.token_urlsafe(32)
    token = ScimToken.objects.create(
        name=name, token_hash=_digest(raw), prefix=raw[len(PREFIX) :][:6], created_by=by
    )
    return token, raw


@transaction.atomic
def scim_token_revoke(*, token: ScimToken) -> bool:
    """Stop accepting `token` at once. False when it was revoked already."""
    changed = ScimToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    token.refresh_from_db()
    return bool(changed)


def scim_token_check(*, raw: str) -> ScimToken | None:
    """The active token `raw` is, noting when it was last used; None for anything else."""
    if not raw.startswith(PREFIX):
        return None
    token = ScimToken.objects.filter(token_hash=_digest(raw), revoked_at__isnull=True).first()
    if token is not None:
        ScimToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token
