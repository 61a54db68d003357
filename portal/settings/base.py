"""Settings shared by every environment. Secure by default: nothing here is a throwaway."""

from pathlib import Path

import dj_database_url

from .env import env_bool, env_int, env_list, env_mandatory, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

DEBUG = False
SECRET_KEY = env_mandatory("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
PORTAL_BASE_URL = env_str("PORTAL_BASE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "daphne",
    "portal",
    "people",
    "people.sso",
    "home",
    "courses",
    "policies",
    "sharing",
    "leaderboard",
    "reports",
    "webhooks",
    "notifications",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "people.apps.ChorusUsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_htmx",
    "template_partials",
    "channels",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "allauth.socialaccount.providers.saml",
    "allauth.mfa",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "portal.csp.ChorusCSPMiddleware",
    # Before anything reads the session, the user or a file: a NUL is a 500 on PostgreSQL.
    "portal.middleware.RejectControlCharactersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "portal.request_memo.RequestMemoMiddleware",  # what two parts of a page both read
    "allauth.account.middleware.AccountMiddleware",
    "portal.middleware.PortalLoginRequiredMiddleware",
    "portal.middleware.AdminAccessMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "people.sso.mfa.AdminMFAMiddleware",  # two-factor before the admin; after messages
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
ASGI_APPLICATION = "portal.asgi.application"
WSGI_APPLICATION = None

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "portal" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.portal",
            ],
        },
    },
]

# Database: PostgreSQL via DATABASE_URL in production; a local SQLite file otherwise.
# WAL lets readers carry on while a writer commits; IMMEDIATE transactions take the write
# lock up front so two writers queue instead of failing with "database is locked".
SQLITE_PATH = Path(env_str("SQLITE_PATH", str(BASE_DIR / "db" / "chorus.sqlite3")))
DATABASE_URL = env_str("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=0)}
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        # A bounded pool per process; each request hands its connection back (CONN_MAX_AGE=0).
        # PostgreSQL down: a 503 after DATABASE_POOL_TIMEOUT (portal/faults.py), and the pool
        # reconnects by itself (an attempt given up after 5 s, the next request starts anew).
        DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # the pool checks before lending
        DATABASES["default"]["OPTIONS"] = {
            **DATABASES["default"].get("OPTIONS", {}),
            "connect_timeout": 2,
            # psycopg prepares a statement on its first run on a connection, but only the
            # statements sent through portal.rows.prepared_cursor (the hot paths' own,
            # fixed-shape ones): Django's usual cursors bind on the client and never are.
            # Off (None) behind a pooler that cannot keep prepared statements.
            "prepare_threshold": 0 if env_bool("DATABASE_PREPARED_STATEMENTS", True) else None,
            "pool": {
                "min_size": env_int("DATABASE_POOL_MIN_SIZE", 2),
                "max_size": env_int("DATABASE_POOL_MAX_SIZE", 20),
                "timeout": env_int("DATABASE_POOL_TIMEOUT", 1),
                "reconnect_timeout": 5,
            },
        }
else:
    SQLITE_PATH.parent.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": SQLITE_PATH,
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis, when configured, carries the channel layer and the cache for every process.
REDIS_URL = env_str("REDIS_URL", "")
if REDIS_URL:
    # Pub/sub: one PUBLISH per push, memberships kept in each process and re-subscribed on
    # reconnect (a FLUSHALL cannot erase them); its reads poll with their own timeout, so
    # socket_timeout only bounds a command to a stuck Redis (README, "scaling out").
    _layer_host = {"address": REDIS_URL, "socket_timeout": 5, "socket_connect_timeout": 2}
    _layer_host |= {"socket_keepalive": True, "health_check_interval": 15, "max_connections": 64}
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
            "CONFIG": {"hosts": [_layer_host], "prefix": env_str("REDIS_PREFIX", "chorus")},
        }
    }
    # Redis is not the truth: with it gone the cache is empty, never an error (portal/cache.py).
    CACHES = {
        "default": {
            "BACKEND": "portal.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("REDIS_PREFIX", "chorus"),
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1},
        }
    }
else:
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Background work: run inline unless a worker process is configured.
TASKS_BACKEND = env_str("TASKS_BACKEND", "immediate")
TASKS = {
    "default": {
        "BACKEND": {
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
            "database": "django_tasks_db.DatabaseBackend",
        }[TASKS_BACKEND]
    }
}

AUTH_USER_MODEL = "people.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "login"
WAGTAILADMIN_LOGIN_URL = "/accounts/login/"

# Sign-in: django-allauth (password, OIDC and SAML single sign-on, MFA) and django-axes.
from .signin import *  # noqa: E402, F403

LANGUAGE_CODE = "en-us"
TIME_ZONE = env_str("TIME_ZONE", "Europe/Berlin")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "portal" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000

# Email: console until SMTP is configured.
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Chorus <chorus@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security headers and cookies that hold in every environment.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"  # Wagtail relaxes this itself for its preview frame.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Content-Security-Policy, Permissions-Policy and rate limits (portal/settings/headers.py).
from .headers import *  # noqa: E402, F403
from .headers import content_security_policy  # noqa: E402

CONTENT_SECURITY_POLICY, CSP_ADMIN_DIRECTIVES, CSP_WEBSOCKET_ORIGIN = content_security_policy(
    PORTAL_BASE_URL
)

WAGTAIL_SITE_NAME = "Chorus"
WAGTAILADMIN_BASE_URL = PORTAL_BASE_URL
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Avatars are uploaded or blank, never fetched from gravatar.com with a hash of the email.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Open Badges: the issuer's contact address when the programme's badge issuer setting has
# none, and the Ed25519 keys that sign 3.0 credentials ("key-id=<base64url seed>", comma
# separated, the signing key first; older keys stay listed so what they signed verifies).
BADGE_ISSUER_EMAIL = env_str("BADGE_ISSUER_EMAIL", "")
BADGE_SIGNING_KEYS = env_list("BADGE_SIGNING_KEYS")

DEMO_PASSWORD = env_str("DEMO_PASSWORD", "chorus-demo")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        # Every page save enqueues index tasks; their per-task lines drown the useful ones.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}
