"""The Host check Django makes for HTTP, made for websockets too.

Channels' AllowedHostsOriginValidator checks only the Origin header; a handshake with an
allowed Origin and a foreign Host (DNS rebinding, a misrouted proxy) would pass it."""

from channels.security.websocket import WebsocketDenier
from django.conf import settings
from django.http.request import split_domain_port, validate_host


def host_allowed(host: str) -> bool:
    allowed = settings.ALLOWED_HOSTS
    if settings.DEBUG and not allowed:
        allowed = [".localhost", "127.0.0.1", "[::1]"]  # as HttpRequest.get_host
    domain, _ = split_domain_port(host)
    return bool(domain) and validate_host(domain, allowed)


class AllowedHostsValidator:
    """Refuse (403, before accept) a websocket whose Host is not in ALLOWED_HOSTS."""

    def __init__(self, application):
        self.application = application

    async def __call__(self, scope, receive, send):
        if scope["type"] == "websocket":
            host = dict(scope.get("headers") or []).get(b"host", b"").decode("latin1")
            if not host_allowed(host):
                return await WebsocketDenier()(scope, receive, send)
        return await self.application(scope, receive, send)
