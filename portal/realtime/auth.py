"""Who a websocket belongs to, kept small for as long as the socket is open.

Channels' AuthMiddlewareStack (cookies, then a lazy session, then a lazy user) keeps, for
every open socket, three copies of the scope, the session store with its data and the
whole User row with what it loaded, in frames that live as long as the socket. A socket
needs only the person's id and the session key (portal.realtime.consumer), so this reads
both in one thread hop at the handshake, checks the session as Django's own `get_user`
does for HTTP (the same backends, the password-change hash, inactive people refused), and
keeps a `SocketPerson` instead.
"""

from dataclasses import dataclass
from types import SimpleNamespace

from channels.db import database_sync_to_async
from django.conf import settings
from django.contrib import auth
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.base import SessionBase
from django.http import parse_cookie
from django.utils.module_loading import import_string


@dataclass(frozen=True, slots=True)
class SocketPerson:
    pk: int
    is_authenticated: bool = True


def _session_store() -> type[SessionBase]:
    return import_string(f"{settings.SESSION_ENGINE}.SessionStore")


@database_sync_to_async
def _person(session_key: str | None):
    """(the person or AnonymousUser, the session key it was read from)."""
    if not session_key:
        return AnonymousUser(), ""
    session = _session_store()(session_key)
    user = auth.get_user(SimpleNamespace(session=session))
    if not user.is_authenticated:
        return AnonymousUser(), ""
    return SocketPerson(pk=user.pk), session.session_key or session_key


class SocketAuthMiddleware:
    """Sets `scope["user"]` (a SocketPerson or AnonymousUser) and `scope["session_key"]`."""

    def __init__(self, application):
        self.application = application

    async def __call__(self, scope, receive, send):
        user, session_key = await _person(_session_cookie(scope))
        # Added to daphne's scope rather than to a copy: every frame below lives as long as
        # the socket, and none above reads these keys.
        scope["user"], scope["session_key"] = user, session_key
        return await self.application(scope, receive, send)


def _session_cookie(scope) -> str | None:
    """The session cookie's value (in a function: the parsed cookies are not kept)."""
    for name, value in scope.get("headers") or []:
        if name == b"cookie":
            return parse_cookie(value.decode("latin1")).get(settings.SESSION_COOKIE_NAME)
    return None
