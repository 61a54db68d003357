"""Open Badges 3.0: each award as an OpenBadgeCredential (W3C Verifiable Credentials Data
Model 2.0), secured as a VC-JWT signed with Ed25519, revocable through a Bitstring Status
List, and baked into a PNG.

https://www.imsglobal.org/spec/ob/v3p0/ · https://www.w3.org/TR/vc-jose-cose/ ·
https://www.w3.org/TR/vc-bitstring-status-list/

The issuer is a `did:web` DID whose document, at /.well-known/did.json, lists every public
key in BADGE_SIGNING_KEYS. did:web rather than a bare JWKS because an OB 3.0 issuer needs an
`id` that verifiers can resolve to keys without out-of-band agreement: the DID is that id,
the JWT's `kid` names one of its keys (so rotation needs no new URL), and the document is
an ordinary JSON file on the portal's own https host, anchored in its TLS certificate.
"""

import gzip
import io
import warnings
from datetime import datetime
from urllib.parse import quote, urlencode, urlsplit

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from joserfc import jwt
from PIL import Image
from PIL.PngImagePlugin import PngInfo

from leaderboard import openbadges
from leaderboard.models import BadgeAward
from leaderboard.signing_keys import (  # noqa: F401 - new_key_entry, parse_key re-exported
    b64url,
    current_key,
    new_key_entry,
    parse_key,
    signing_keys,
)

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB3_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
OB3_SCHEMA = (
    "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"
)
# The PNG iTXt keyword OB 3.0 bakes a credential under (OB 2.0 uses "openbadges").
PNG_KEYWORD = "openbadgecredential"
# Bits in one status list: the specification's minimum (16 KiB), for herd privacy.
STATUS_LIST_SIZE = 131_072
# "EdDSA" is the algorithm name OB 3.0 verifiers accept today; RFC 9864's "Ed25519" is the
# newer spelling joserfc prefers (and warns about), not yet understood by most verifiers.
ALGORITHM = "EdDSA"


# Identifiers


def issuer_did() -> str:
    """did:web of the portal's host (a port is percent-encoded, as did:web says)."""
    parts = urlsplit(settings.PORTAL_BASE_URL)
    authority = parts.hostname or "localhost"
    if parts.port:
        authority += f":{parts.port}"
    return "did:web:" + quote(authority, safe="")


def did_document() -> dict:
    did = issuer_did()
    methods = [
        {
            "id": f"{did}#{key.kid}",
            "type": "JsonWebKey",
            "controller": did,
            "publicKeyJwk": key.public_jwk(),
        }
        for key in signing_keys()
    ]
    return {
        "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/jwk/v1"],
        "id": did,
        "verificationMethod": methods,
        "assertionMethod": [method["id"] for method in methods],
    }


def credential_url(award: BadgeAward) -> str:
    return openbadges.absolute(reverse("badges:credential", args=[award.uid]))


def status_list_url(number: int) -> str:
    return openbadges.absolute(reverse("badges:status_list", args=[number]))


def status_position(award: BadgeAward) -> tuple[int, int]:
    """Which list and bit hold the award's revocation: from its primary key, so the
    position never changes and needs no column of its own."""
    return divmod(award.pk, STATUS_LIST_SIZE)


def _issuer_profile() -> dict:
    profile = openbadges.issuer_document()
    document = {
        "id": issuer_did(),
        "type": ["Profile"],
        "name": profile["name"],
        "url": profile["url"],
        "email": profile["email"],
    }
    if profile.get("description"):
        document["description"] = profile["description"]
    return document


def credential_document(award: BadgeAward) -> dict:
    """The OpenBadgeCredential for one award (unsigned). The recipient is the same salted
    hash of the email as issued that the OB 2.0 assertion carries."""
    badge = award.badge
    list_number, index = status_position(award)
    list_url = status_list_url(list_number)
    document = {
        "@context": [VC_CONTEXT, OB3_CONTEXT],
        "id": credential_url(award),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": _issuer_profile(),
        "validFrom": openbadges.iso_datetime(award.awarded_at),
        "name": badge.name,
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityHash": award.recipient_hash,
                    "identityType": "emailAddress",
                    "hashed": True,
                    "salt": award.recipient_salt,
                }
            ],
            "achievement": {
                "id": openbadges.badge_class_url(badge),
                "type": ["Achievement"],
                "name": badge.name,
                "description": badge.description,
                "criteria": {"narrative": badge.criteria_narrative},
                "image": {"id": openbadges.badge_image_url(badge), "type": "Image"},
            },
        },
        "credentialStatus": {
            "id": f"{list_url}#{index}",
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": str(index),
            "statusListCredential": list_url,
        },
        "credentialSchema": [{"id": OB3_SCHEMA, "type": "1EdTechJsonSchemaValidator2019"}],
    }
    if award.evidence:
        document["evidence"] = [
            {
                "id": openbadges.absolute(reverse("badges:verify", args=[award.uid])),
                "type": ["Evidence"],
                "narrative": award.evidence,
            }
        ]
    return document


def sign(document: dict, *, at: datetime) -> str:
    """A VC-JWT (VC-JOSE-COSE): the payload is the credential itself, with the registered
    claims OB 3.0 asks for beside it (iss, nbf, jti)."""
    key = current_key()
    header = {"alg": ALGORITHM, "typ": "vc+jwt", "cty": "vc", "kid": f"{issuer_did()}#{key.kid}"}
    issuer = document["issuer"]
    claims = {
        **document,
        "iss": issuer["id"] if isinstance(issuer, dict) else issuer,
        "nbf": int(at.timestamp()),
        "jti": document["id"],
    }
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="EdDSA is deprecated")
        return jwt.encode(header, claims, key.joserfc_key(), algorithms=[ALGORITHM])


def credential_jwt(award: BadgeAward) -> str:
    return sign(credential_document(award), at=award.awarded_at)


# Revocation: a Bitstring Status List mirrors BadgeAward.revoked.


def encoded_list(revoked_bits) -> str:
    """Multibase (base64url, "u") of the GZIP-compressed bitstring; bit 0 is the most
    significant bit of the first byte."""
    bits = bytearray(STATUS_LIST_SIZE // 8)
    for index in revoked_bits:
        bits[index // 8] |= 0x80 >> (index % 8)
    return "u" + b64url(gzip.compress(bytes(bits), mtime=0))


def status_list_document(number: int) -> dict:
    first = number * STATUS_LIST_SIZE
    revoked = BadgeAward.objects.filter(
        revoked=True, pk__gte=first, pk__lt=first + STATUS_LIST_SIZE
    ).values_list("pk", flat=True)
    url = status_list_url(number)
    return {
        "@context": [VC_CONTEXT],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer_did(),
        "validFrom": openbadges.iso_datetime(timezone.now()),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": encoded_list(pk - first for pk in revoked),
        },
    }


def status_list_jwt(number: int) -> str:
    return sign(status_list_document(number), at=timezone.now())


# Baking


def baked_png(award: BadgeAward) -> bytes:
    """The badge image with the signed credential in an iTXt chunk "openbadgecredential"."""
    image = Image.open(io.BytesIO(openbadges.badge_png(award.badge)))
    info = PngInfo()
    info.add_itxt(PNG_KEYWORD, credential_jwt(award), zip=False)
    out = io.BytesIO()
    image.save(out, format="PNG", pnginfo=info)
    return out.getvalue()


# LinkedIn "Add to profile" (https://addtoprofile.linkedin.com/)


def linkedin_add_url(
    *,
    name: str,
    organisation: str,
    issued: datetime,
    expires=None,
    url: str,
    credential_id: str,
) -> str:
    """LinkedIn's add-to-profile link for a certification: a plain link, no API or app."""
    query = {
        "startTask": "CERTIFICATION_NAME",
        "name": name,
        "organizationName": organisation,
        "issueYear": issued.year,
        "issueMonth": issued.month,
    }
    if expires:  # a template passes "" for no expiry
        query |= {"expirationYear": expires.year, "expirationMonth": expires.month}
    query |= {"certUrl": url, "certId": credential_id}
    return "https://www.linkedin.com/profile/add?" + urlencode(query)
