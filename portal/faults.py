"""What a request gets when a service it needs is down: 503 with Retry-After, not a 500.

The database going away (PostgreSQL stopped or restarting, or the pool out of
connections for longer than DATABASE_POOL_TIMEOUT) reaches Django as an
OperationalError or InterfaceError wherever the first query happens: in a view, or
earlier, when a middleware loads the session or the user. Django answers every
uncaught error through `handler500`, so that is where it is told apart: such a request
gets a plain page that names the fault and retries by itself (JSON for /healthz, which
load balancers read), and nothing about it is a traceback. Every other error is the
usual 500. With DEBUG on, Django shows its traceback page instead, as for any error.

psycopg_pool's PoolTimeout, PoolClosed and TooManyRequests are psycopg OperationalErrors,
which Django re-raises as its own OperationalError: an empty pool is a 503 like a stopped
server. Every URLconf a daphne serves must name `server_error` as its handler500 (the
bench's once did not, and its pool timeouts were Django's plain 500s);
tests/bench/test_harness.py checks both.

Redis never gets here: the cache treats it as a miss (portal/cache.py) and pushes are
disposable (portal/realtime/).
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.views.defaults import server_error as django_server_error

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5
UNAVAILABLE_ERRORS = (OperationalError, InterfaceError)


def database_unavailable(error: BaseException | None) -> bool:
    """Is `error` (or what caused it) the database being unreachable?"""
    seen = 0
    while error is not None and seen < 10:
        if isinstance(error, UNAVAILABLE_ERRORS):
            return True
        error, seen = error.__cause__ or error.__context__, seen + 1
    return False


def service_unavailable(request, *, service: str = "database") -> HttpResponse:
    """503 naming `service`, rendered without the database (no context processors)."""
    if request.path == "/healthz":
        response = JsonResponse(
            {"status": "unavailable", "checks": {service: "failing"}, "failing": [service]},
            status=503,
        )
    else:
        html = render_to_string("503.html", {"retry_after": RETRY_AFTER_SECONDS})
        response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request):
    """`handler500`: a database that is down is a 503, anything else Django's 500."""
    error = sys.exc_info()[1]
    if not database_unavailable(error):
        return django_server_error(request)
    # One line per request, not Django's traceback: the cause is known and not a bug.
    logger.warning("database unavailable: %s %s (%s)", request.method, request.path, error)
    response = service_unavailable(request)
    response._has_been_logged = True  # django.utils.log.log_response skips it
    return response
