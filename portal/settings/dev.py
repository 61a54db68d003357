"""Local development: `make run`. Never for production."""

import base64
import hashlib
import os
import warnings

from django.core.exceptions import ImproperlyConfigured

if os.environ.get("CHORUS_ENV") == "production":
    raise ImproperlyConfigured(
        "portal.settings.dev must not be used where CHORUS_ENV=production; "
        "use portal.settings.production."
    )

# A throwaway key, known to everyone who reads this file: production refuses it.
os.environ.setdefault("SECRET_KEY", "dev-insecure-chorus-key-only-for-local-development-0123456789")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
# The demo `hr` opens the admin straight away; production asks for two-factor (README).
os.environ.setdefault("SSO_ADMIN_MFA", "false")


def _served_at() -> str:
    """Where `make run` serves (it passes HOST and PORT): tracked links must point there."""
    host = os.environ.get("HOST", "") or "127.0.0.1"
    if host in {"0.0.0.0", "::"}:  # noqa: S104 - listening everywhere; loopback answers too
        host = "127.0.0.1"
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return f"http://{host}:{os.environ.get('PORT', '') or '8000'}"


# An explicit PORTAL_BASE_URL wins; otherwise links follow the address the server listens on.
os.environ["PORTAL_BASE_URL"] = os.environ.get("PORTAL_BASE_URL", "") or _served_at()

from .base import *  # noqa: E402, F403
from .base import BADGE_SIGNING_KEYS, SECRET_KEY, STORAGES  # noqa: E402

# Open Badges 3.0 signing works without configuration here: a throwaway Ed25519 key derived
# from the throwaway SECRET_KEY. Production derives nothing (deploy check chorus.E011).
if not BADGE_SIGNING_KEYS:
    _seed = hashlib.sha256(f"chorus-badge-signing:{SECRET_KEY}".encode()).digest()
    BADGE_SIGNING_KEYS = [f"dev-1={base64.urlsafe_b64encode(_seed).rstrip(b'=').decode()}"]

DEBUG = True
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Static files come from the app folders (WhiteNoise's finders) until collectstatic runs.
warnings.filterwarnings("ignore", message="No directory at", module="whitenoise.base")
