"""Local development: `make run`. Never for production."""

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

from .base import *  # noqa: E402, F403
from .base import STORAGES  # noqa: E402

DEBUG = True
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Static files come from the app folders (WhiteNoise's finders) until collectstatic runs.
warnings.filterwarnings("ignore", message="No directory at", module="whitenoise.base")
