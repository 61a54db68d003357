"""Production: everything from the environment, HTTPS everywhere."""

import os
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

os.environ.setdefault("CHORUS_ENV", "production")

from .base import *  # noqa: E402, F403
from .base import ALLOWED_HOSTS, PORTAL_BASE_URL, SECRET_KEY  # noqa: E402
from .env import env_bool, env_int  # noqa: E402

if SECRET_KEY.startswith(("dev-insecure-", "test-insecure-")) or len(set(SECRET_KEY)) < 5:
    raise ImproperlyConfigured(
        "SECRET_KEY is a throwaway development key; set a long random one for production."
    )

if not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "The ALLOWED_HOSTS environment variable is required in production "
        "(comma-separated host names)."
    )

# Badge ids, tracked links and email links are built from it, and a baked badge keeps its id
# forever: a default or plain-http address must never reach a real deployment.
if not os.environ.get("PORTAL_BASE_URL", "").strip():
    raise ImproperlyConfigured(
        "The PORTAL_BASE_URL environment variable is required in production "
        "(the portal's public https address, e.g. https://chorus.example.com)."
    )
if not PORTAL_BASE_URL.startswith("https://") or not urlsplit(PORTAL_BASE_URL).hostname:
    raise ImproperlyConfigured(
        f"PORTAL_BASE_URL must be the portal's https address, not {PORTAL_BASE_URL!r}."
    )

DEBUG = False
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
if env_bool("BEHIND_TLS_PROXY", True):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
