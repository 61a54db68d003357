"""Open Badges 2.0 documents (hosted verification), badge images and baking.

https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/index.html
"""

import hashlib
import io
import json
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


def issuer_url() -> str:
    return absolute(reverse("badges:issuer"))


def issuer_document() -> dict:
    issuer = BadgeIssuerSettings.load()
    document = {
        "@context": CONTEXT,
        "type": "Issuer",
        "id": issuer_url(),
        "name": issuer.name,
        "url": issuer.url or settings.PORTAL_BASE_URL,
    }
    if issuer.email:
        document["email"] = issuer.email
    if issuer.description:
        document["description"] = issuer.description
    return document


def badge_class_document(badge: Badge) -> dict:
    return {
        "@context": CONTEXT,
        "type": "BadgeClass",
        "id": absolute(reverse("badges:badge_class", args=[badge.slug])),
        "name": badge.name,
        "description": badge.description,
        "image": absolute(reverse("badges:badge_image", args=[badge.slug])),
        "criteria": {"narrative": badge.criteria_narrative},
        "issuer": issuer_url(),
    }


def assertion_document(award: BadgeAward) -> dict:
    assertion_id = absolute(reverse("badges:assertion", args=[award.uid]))
    document = {
        "@context": CONTEXT,
        "type": "Assertion",
        "id": assertion_id,
        "recipient": {
            "type": "email",
            "hashed": True,
            "salt": award.recipient_salt,
            "identity": award.recipient_hash,
        },
        "badge": absolute(reverse("badges:badge_class", args=[award.badge.slug])),
        "verification": {"type": "HostedBadge"},
        "issuedOn": award.awarded_at.isoformat(),
        "image": absolute(reverse("badges:badge_image", args=[award.badge.slug])),
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
