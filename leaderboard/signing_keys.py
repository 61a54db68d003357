"""Open Badges 3.0 signing keys: BADGE_SIGNING_KEYS entries parsed into Ed25519 keys, the
first signing, every one published in the issuer's DID document (leaderboard/credentials.py)."""

import base64
from dataclasses import dataclass
from functools import lru_cache

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from joserfc.jwk import OKPKey


@dataclass(frozen=True)
class SigningKey:
    kid: str
    private: Ed25519PrivateKey

    def public_jwk(self) -> dict:
        raw = self.private.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        return {"kty": "OKP", "crv": "Ed25519", "x": b64url(raw)}

    def joserfc_key(self) -> OKPKey:
        seed = self.private.private_bytes(
            serialization.Encoding.Raw,
            serialization.PrivateFormat.Raw,
            serialization.NoEncryption(),
        )
        return OKPKey.import_key({**self.public_jwk(), "d": b64url(seed)})


def b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def parse_key(entry: str) -> SigningKey:
    """One BADGE_SIGNING_KEYS entry: `kid=<base64url 32-byte Ed25519 seed>`."""
    kid, sep, seed = entry.strip().partition("=")
    if not sep or not kid or not kid.replace("-", "").replace("_", "").isalnum():
        raise ImproperlyConfigured(
            "Each BADGE_SIGNING_KEYS entry is `key-id=<base64url seed>` (letters, digits, "
            "- and _ in the key id); `manage.py badge_signing_key` makes one."
        )
    try:
        raw = _unb64(seed.strip())
        if len(raw) != 32:
            raise ValueError
    except ValueError:
        raise ImproperlyConfigured(
            f"BADGE_SIGNING_KEYS entry {kid!r} is not a base64url 32-byte Ed25519 seed."
        ) from None
    return SigningKey(kid=kid, private=Ed25519PrivateKey.from_private_bytes(raw))


def new_key_entry(kid: str) -> str:
    """A fresh BADGE_SIGNING_KEYS entry (for `manage.py badge_signing_key`)."""
    seed = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    return f"{kid}={b64url(seed)}"


@lru_cache(maxsize=4)
def _keys(entries: tuple[str, ...]) -> tuple[SigningKey, ...]:
    keys = tuple(parse_key(entry) for entry in entries)
    if len({key.kid for key in keys}) != len(keys):
        raise ImproperlyConfigured("BADGE_SIGNING_KEYS has two keys with the same id.")
    return keys


def signing_keys() -> tuple[SigningKey, ...]:
    """Every configured key, the signing one first; the others stay published so the
    credentials they signed keep verifying after a rotation."""
    return _keys(tuple(getattr(settings, "BADGE_SIGNING_KEYS", ()) or ()))


def current_key() -> SigningKey:
    keys = signing_keys()
    if not keys:
        # Production never derives a key: a credential signed by a guessable key is forged
        # as easily as it is issued (the deploy check chorus.E011 says the same earlier).
        raise ImproperlyConfigured(
            "BADGE_SIGNING_KEYS is empty, so Open Badges 3.0 credentials cannot be signed."
        )
    return keys[0]
