"""Open Badges 2.0 documents (hosted verification), badge images and baking.

https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/index.html
"""

import hashlib
import io
import json
from datetime import UTC, datetime
from email.utils import parseaddr
from functools import lru_cache

from django.conf import settings
from django.urls import reverse
from PIL import Image, ImageDraw, ImageFont
from PIL.PngImagePlugin import PngInfo

from leaderboard.models import (
    DEFAULT_REVOCATION_REASON,
    Badge,
    BadgeAward,
    BadgeIssuerSettings,
)

CONTEXT = "https://w3id.org/openbadges/v2"
IMAGE_SIZE = 256
# Tidy, high-contrast fills with white text (each meets WCAG AA against white text).
PALETTE = ["#1d4ed8", "#047857", "#7c3aed", "#b45309", "#be123c", "#0e7490", "#4338ca"]


def absolute(path: str) -> str:
    return f"{settings.PORTAL_BASE_URL}{path}"


def iso_datetime(at: datetime) -> str:
    """ISO 8601 in UTC to the second ("2026-03-01T09:30:00Z"), as verifiers compare it."""
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def issuer_url() -> str:
    return absolute(reverse("badges:issuer"))


def badge_class_url(badge: Badge) -> str:
    return absolute(reverse("badges:badge_class", args=[badge.slug]))


def badge_image_url(badge: Badge) -> str:
    return absolute(reverse("badges:badge_image", args=[badge.slug]))


def assertion_url(award: BadgeAward) -> str:
    return absolute(reverse("badges:assertion", args=[award.uid]))


def issuer_email(issuer: BadgeIssuerSettings | None = None) -> str:
    """The issuer's contact address: the programme setting, else BADGE_ISSUER_EMAIL, else
    the address the portal sends from. Open Badges 2.0 requires one on an issuer Profile;
    the deploy check chorus.E010 refuses an empty or placeholder one in production."""
    issuer = issuer or BadgeIssuerSettings.load()
    if issuer.email.strip():
        return issuer.email.strip()
    if settings.BADGE_ISSUER_EMAIL.strip():
        return settings.BADGE_ISSUER_EMAIL.strip()
    return parseaddr(settings.DEFAULT_FROM_EMAIL)[1]


def issuer_document() -> dict:
    issuer = BadgeIssuerSettings.load()
    document = {
        "@context": CONTEXT,
        "type": "Issuer",
        "id": issuer_url(),
        "name": issuer.name,
        "url": issuer.url or settings.PORTAL_BASE_URL,
        "email": issuer_email(issuer),
        "image": absolute(reverse("badges:issuer_image")),
        # Hosted assertions live on the portal, which need not be the organisation's `url`:
        # say where they may be, so verifiers do not fall back to the url's origin.
        "verification": {
            "type": "HostedBadge",
            "startsWith": absolute(reverse("badges:catalogue") + "assertions/"),
        },
    }
    if issuer.description:
        document["description"] = issuer.description
    return document


def badge_class_document(badge: Badge) -> dict:
    return {
        "@context": CONTEXT,
        "type": "BadgeClass",
        "id": badge_class_url(badge),
        "name": badge.name,
        "description": badge.description,
        "image": badge_image_url(badge),
        "criteria": {
            "id": absolute(reverse("badges:catalogue") + f"#badge-{badge.slug}"),
            "narrative": badge.criteria_narrative,
        },
        "issuer": issuer_url(),
        "tags": [badge.get_criterion_display()],
    }


def assertion_document(award: BadgeAward) -> dict:
    """The hosted assertion. It does not repeat the BadgeClass image: Assertion.image is
    for an image of this award (a baked one), and the class already names its own."""
    document = {
        "@context": CONTEXT,
        "type": "Assertion",
        "id": assertion_url(award),
        "recipient": {
            "type": "email",
            "hashed": True,
            "salt": award.recipient_salt,
            "identity": award.recipient_hash,
        },
        "badge": badge_class_url(award.badge),
        "verification": {"type": "HostedBadge"},
        "issuedOn": iso_datetime(award.awarded_at),
    }
    if award.evidence:
        document["evidence"] = {
            "id": absolute(reverse("badges:verify", args=[award.uid])),
            "narrative": award.evidence,
        }
    if award.revoked:
        document["revoked"] = True
        document["revocationReason"] = award.revocation_reason or DEFAULT_REVOCATION_REASON
    return document


# Images


def _initials(name: str) -> str:
    words = [w for w in name.replace("-", " ").split() if w[:1].isalnum()]
    if not words:
        return "★"
    if words[0][:1].isdigit():
        return words[0][:3]
    return "".join(w[0] for w in words[:2]).upper()


@lru_cache(maxsize=128)
def generated_image(name: str, slug: str) -> bytes:
    """A round medal with the badge's initials (or leading number) and a ribbon."""
    colour = PALETTE[int(hashlib.sha256(slug.encode()).hexdigest(), 16) % len(PALETTE)]
    scale = 4  # draw large, then downsample: smooth edges without anti-aliasing support
    size = IMAGE_SIZE * scale
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    # Ribbon tails behind the medal.
    draw.polygon([(300, 560), (440, 560), (380, 1000), (300, 900), (220, 1000)], fill=colour)
    draw.polygon([(584, 560), (724, 560), (804, 1000), (724, 900), (644, 1000)], fill=colour)
    draw.ellipse((112, 40, 912, 840), fill=colour)
    draw.ellipse((172, 100, 852, 780), outline="white", width=22)
    text = _initials(name)
    font = ImageFont.load_default(size=300 if len(text) <= 2 else 220)
    box = draw.textbbox((0, 0), text, font=font)
    x = 512 - (box[2] - box[0]) / 2 - box[0]
    y = 440 - (box[3] - box[1]) / 2 - box[1]
    draw.text((x, y), text, font=font, fill="white")
    image = image.resize((IMAGE_SIZE, IMAGE_SIZE), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def badge_png(badge: Badge) -> bytes:
    """The uploaded image as a square PNG, or the generated one."""
    if badge.image_id:
        try:
            with badge.image.open_file() as handle:
                image = Image.open(handle)
                image.load()
            image = image.convert("RGBA")
            image.thumbnail((IMAGE_SIZE, IMAGE_SIZE))
            out = io.BytesIO()
            image.save(out, format="PNG")
            return out.getvalue()
        except (OSError, ValueError):
            pass  # a missing or broken file: fall back to the drawn one
    return generated_image(badge.name, badge.slug)


def baked_png(award: BadgeAward) -> bytes:
    """The badge image with its assertion in an iTXt chunk keyed "openbadges"."""
    image = Image.open(io.BytesIO(badge_png(award.badge)))
    info = PngInfo()
    info.add_itxt("openbadges", json.dumps(assertion_document(award)), zip=False)
    out = io.BytesIO()
    image.save(out, format="PNG", pnginfo=info)
    return out.getvalue()


def issuer_png() -> bytes:
    """The issuer Profile's image: a medal drawn from the programme's name."""
    return generated_image(BadgeIssuerSettings.load().name, "issuer")
