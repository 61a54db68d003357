"""Reading configuration from the environment, failing loudly when it is missing."""

import os
import re

from django.core.exceptions import ImproperlyConfigured


def env_str(name: str, default: str | None = None) -> str:
    value = os.environ.get(name)
    if value is None or value == "":
        if default is None:
            raise ImproperlyConfigured(f"The {name} environment variable is required.")
        return default
    return value


def env_mandatory(name: str) -> str:
    """A value production cannot run without (Zulip's get_mandatory_secret)."""
    value = os.environ.get(name, "")
    if not value.strip():
        raise ImproperlyConfigured(f"The {name} environment variable is required and is not set.")
    return value


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


RATE_FORMAT = re.compile(r"\d+/\d*[smhd]")


def env_rate(name: str, default: str) -> str | None:
    """A rate limit in django-ratelimit's "count/period" form (`20/m`, `100/h`); "off": none."""
    value = env_str(name, default).strip()
    if value.lower() == "off":
        return None
    if not RATE_FORMAT.fullmatch(value):
        raise ImproperlyConfigured(
            f'{name} must be a rate such as "20/m" or "100/h" (or "off"), not {value!r}.'
        )
    return value
