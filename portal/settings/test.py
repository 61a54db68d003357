"""The test suite. SQLite (a WAL file on tmpfs) unless DATABASE_URL points elsewhere."""

import atexit
import base64
import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

if os.environ.get("CHORUS_ENV") == "production":
    raise ImproperlyConfigured(
        "portal.settings.test must not be used where CHORUS_ENV=production; "
        "use portal.settings.production."
    )

os.environ.setdefault("SECRET_KEY", "test-insecure-chorus-key-only-for-the-test-suite-0123456789")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")

from .base import *  # noqa: E402, F403
from .base import BADGE_SIGNING_KEYS, DATABASES, SECRET_KEY, STORAGES  # noqa: E402

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A WAL file (on tmpfs where there is one) as in `make run`, not SQLite's shared-cache
    # memory database: there the broadcaster thread reading a board holds a table lock, and
    # the test's own write beside it fails with "database table is locked" at random.
    # Its directory is private (mkdtemp: mode 0700) and removed when the run ends.
    _shm = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108
    _tmp = tempfile.mkdtemp(prefix="chorus-test-", dir=_shm)
    atexit.register(shutil.rmtree, _tmp, ignore_errors=True)
    DATABASES["default"]["TEST"] = {"NAME": str(Path(_tmp) / "test.sqlite3")}

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
