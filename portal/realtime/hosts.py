"""The Host check Django makes for HTTP, made for websockets too, beside the Origin check.

Channels' AllowedHostsOriginValidator checks only the Origin header; a handshake with an
allowed Origin and a foreign Host (DNS rebinding, a misrouted proxy) would pass it. Both
checks run here, in a plain function: an awaiting middleware's locals (the parsed Origin,
the Host) would otherwise be held for as long as the socket is open (issue 11)."""

from urllib.parse import urlparse

from channels.security.websocket import AllowedHostsOriginValidator, WebsocketDenier
from django.conf import settings
from django.http.request import split_domain_port, validate_host


def host_allowed(host: str) -> bool:
    allowed = settings.ALLOWED_HOSTS
    if settings.DEBUG and not allowed:
        allowed = [".localhost", "127.0.0.1", "[::1]"]  # as HttpRequest.get_host
    domain, _ = split_domain_port(host)
    return bool(domain) and validate_host(domain, allowed)


class AllowedHostsValidator:
    """Refuse (403, before accept) a websocket whose Host is not in ALLOWED_HOSTS, or whose
    Origin channels' AllowedHostsOriginValidator would refuse."""

    def __init__(self, application):
        self.application = application
        self.origins = AllowedHostsOriginValidator(None)  # only its valid_origin is used

    def allowed(self, scope) -> bool:
        headers = dict(scope.get("headers") or [])
        if not host_allowed(headers.get(b"host", b"").decode("latin1")):
            return False
        origin = headers.get(b"origin")  # the last one, as channels reads it
        return self.origins.valid_origin(
            None if origin is None else urlparse(origin.decode("latin1"))
        )

    async def __call__(self, scope, receive, send):
        if scope["type"] == "websocket" and not self.allowed(scope):
            return await WebsocketDenier()(scope, receive, send)
        return await self.application(scope, receive, send)
