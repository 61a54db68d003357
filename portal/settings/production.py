"""Production: everything from the environment, HTTPS everywhere."""

import os

from django.core.exceptions import ImproperlyConfigured

os.environ.setdefault("CHORUS_ENV", "production")

from .base import *  # noqa: E402, F403
from .base import ALLOWED_HOSTS, SECRET_KEY  # noqa: E402
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
