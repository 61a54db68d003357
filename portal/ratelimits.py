"""Rate limits on the cache every process shares (django-ratelimit's counters).

settings.RATE_LIMITS names each limit. A limited POST is refused with a 429 page that says
when to try again, before the view changes anything. A cache that cannot answer means "not
limited": losing the counters must never lock people out or turn into a 500.
"""

import ipaddress
import logging
import time
from functools import wraps

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.template.response import TemplateResponse
from django_ratelimit.core import _split_rate, get_usage

logger = logging.getLogger(__name__)


def _person_or_address(group: str, request) -> str:
    """The person when logged in, else the address."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"user:{user.pk}"
    return _address(group, request)


def _address(group: str, request) -> str:
    """The client's address; an IPv6 address by its /64, which one household (or one
    attacker) holds whole."""
    address = request.META.get("REMOTE_ADDR", "")
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return f"ip:{address[:64]}"
    if ip.version == 6:
        return f"ip:{ipaddress.ip_network(f'{ip}/64', strict=False).network_address}"
    return f"ip:{ip}"


def rate_exceeded(request, *, limit: str, per_address: bool = False) -> int | None:
    """Count this request against `limit`; seconds until the window ends if it is past it,
    None if it is within it (or the limit is off, or the cache did not answer).

    Counted per person when logged in, else per address; `per_address` counts by address
    whoever asks (and reads no session: the tracked link's path stays lean)."""
    rate = settings.RATE_LIMITS.get(limit)
    if not rate:
        return None
    if per_address and isinstance(caches["default"], RedisCache):
        return _redis_exceeded(request, limit=limit, rate=rate)
    try:
        usage = get_usage(
            request,
            group=f"chorus:{limit}",
            key=_address if per_address else _person_or_address,
            rate=rate,
            increment=True,
        )
    except Exception:  # any cache failure: fail open, and say so in the log
        logger.warning("rate limit %s not checked: the cache did not answer", limit, exc_info=True)
        return None
    if usage is None or not usage["should_limit"]:
        return None
    return max(usage["time_left"], 1)


def _redis_exceeded(request, *, limit: str, rate: str) -> int | None:
    """rate_exceeded by address on Redis in one round trip (INCR and EXPIRE in a
    pipeline), where django-ratelimit's add-then-incr took three: the tracked link asks
    on every request. The same fixed windows, under keys of their own."""
    cache = caches["default"]
    count_limit, period = _split_rate(rate)
    now = int(time.time())
    window_end = (now // period + 1) * period
    key = cache.make_and_validate_key(f"chorus:{limit}:{_address(limit, request)}:{window_end}")
    if not getattr(cache, "_available", lambda: True)():  # portal.cache's pause after a failure
        return None
    try:
        pipeline = cache._cache.get_client(key, write=True).pipeline(transaction=False)
        pipeline.incr(key)
        pipeline.expire(key, period + 1)
        count, _ = pipeline.execute()
    except Exception as error:  # any cache failure: fail open, and say so in the log
        getattr(cache, "_failed", lambda *args: None)("incr", error)
        logger.warning("rate limit %s not checked: the cache did not answer", limit, exc_info=True)
        return None
    if count <= count_limit:
        return None
    return max(window_end - now, 1)


def too_many_requests(request, *, retry_after: int, what: str) -> TemplateResponse:
    """The 429 answer: a full page, or for htmx the message placed at the top of the page."""
    context = {"retry_after": retry_after, "what": what}
    if getattr(request, "htmx", False):
        response = TemplateResponse(request, "429.html#notice", context, status=429)
        response["HX-Retarget"] = "#main"
        response["HX-Reswap"] = "afterbegin show:top"
    else:
        response = TemplateResponse(request, "429.html", context, status=429)
    response["Retry-After"] = str(retry_after)
    return response


def limit_posts(limit: str, *, what: str):
    """Decorate a view: its POSTs count against `limit`; past it, the 429 answer instead."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method == "POST":
                retry_after = rate_exceeded(request, limit=limit)
                if retry_after is not None:
                    logger.info("rate limit %s reached", limit)
                    return too_many_requests(request, retry_after=retry_after, what=what)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
