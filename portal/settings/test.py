"""The test suite. SQLite in memory unless DATABASE_URL points elsewhere."""

import base64
import hashlib
import os

from django.core.exceptions import ImproperlyConfigured

if os.environ.get("CHORUS_ENV") == "production":
    raise ImproperlyConfigured(
        "portal.settings.test must not be used where CHORUS_ENV=production; "
        "use portal.settings.production."
    )

os.environ.setdefault("SECRET_KEY", "test-insecure-chorus-key-only-for-the-test-suite-0123456789")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")

from .base import *  # noqa: E402, F403
from .base import BADGE_SIGNING_KEYS, SECRET_KEY, STORAGES  # noqa: E402

# Open Badges 3.0 signing works without configuration here: a throwaway Ed25519 key derived
# from the throwaway SECRET_KEY. Production derives nothing (deploy check chorus.E011).
if not BADGE_SIGNING_KEYS:
    _seed = hashlib.sha256(f"chorus-badge-signing:{SECRET_KEY}".encode()).digest()
    BADGE_SIGNING_KEYS = [f"test-1={base64.urlsafe_b64encode(_seed).rstrip(b'=').decode()}"]

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
