"""The socket both live pages are built on: it joins its groups and forwards pushed HTML.

Refused before accept when the person is not logged in or the handshake has no Origin
(portal.asgi refuses a foreign Host or Origin before this runs). Clients send nothing the
server needs, so inbound frames are limited in size and rate: over the limit the socket is
closed with 4008 and nobody else notices. (4008 mirrors 1008, "policy violation": daphne's
websocket library lets a server send only 1000 or 3000-4999.) No database work and no
thread hop per message: everything sent was rendered once by the broadcaster, and
Channels' per-message `close_old_connections` (a hop to a worker thread, in
`AsyncConsumer.dispatch`) is skipped for the messages that cannot touch the database.
"""

import asyncio
import logging
import time
from urllib.parse import parse_qs

from channels.generic.websocket import AsyncWebsocketConsumer

from portal.realtime import groups, presence
from portal.realtime.broadcaster import broadcaster

logger = logging.getLogger(__name__)

CLOSE_UNAUTHORISED = 4401
CLOSE_POLICY = 4008  # policy violation (1008 in the private range)
CLOSE_TRY_AGAIN = 4013  # try again later (1013 in the private range)
MAX_FRAME = 4096  # bytes a client frame may carry
BURST = 20  # frames a client may send at once ...
PER_SECOND = 2  # ... and then per second

# Messages whose handlers never touch the database (no connection to close for them).
NO_DATABASE = {"websocket.receive", "push.html", "session.ended"}


class PushConsumer(AsyncWebsocketConsumer):
    """Subclasses say which groups a socket joins (`push_groups`) and, with `presence`,
    under which topic the person counts as connected (for pushed personal lines)."""

    presence: str = ""

    def push_groups(self, user, params: dict[str, list[str]]) -> list[str]:
        raise NotImplementedError

    async def dispatch(self, message):
        if message["type"] not in NO_DATABASE:
            await super().dispatch(message)
            return
        handler = getattr(self, message["type"].replace(".", "_"), None)
        if handler is None:
            raise ValueError(f"No handler for message type {message['type']}")
        await handler(message)

    async def connect(self):
        self.joined: list[str] = []
        self.user_id = None
        user = self.scope.get("user")
        headers = dict(self.scope.get("headers") or [])
        if user is None or not user.is_authenticated or not headers.get(b"origin"):
            await self.close(code=CLOSE_UNAUTHORISED)
            return
        broadcaster.server_loop = asyncio.get_running_loop()
        session = self.scope.get("session")
        self.session_key = getattr(session, "session_key", None) or ""
        params = parse_qs(self.scope.get("query_string", b"").decode())
        self.tokens, self.refilled, self.refused = float(BURST), time.monotonic(), False
        wanted = [groups.session_group(user.pk), *self.push_groups(user, params)]
        try:
            for group in wanted:
                await self.channel_layer.group_add(group, self.channel_name)
                self.joined.append(group)
        except Exception:  # the layer is away: the client retries with backoff
            logger.warning("realtime: could not join %s; refusing the socket", wanted)
            await self.close(code=CLOSE_TRY_AGAIN)
            return
        self.user_id = user.pk
        if self.presence:
            presence.joined(self.presence, user.pk)
        await self.accept()

    async def disconnect(self, code):
        if self.presence and getattr(self, "user_id", None):
            presence.left(self.presence, self.user_id)
            self.user_id = None
        for group in getattr(self, "joined", []):
            try:
                await self.channel_layer.group_discard(group, self.channel_name)
            except Exception:  # group keys expire; the pub/sub layer forgets them with us
                logger.warning("realtime: could not leave %s", group)
        self.joined = []

    async def websocket_receive(self, message):
        """Clients send nothing the server needs: small frames at a low rate are ignored,
        anything more closes this socket with a policy violation."""
        size = len(message.get("text") or "") + len(message.get("bytes") or b"")
        now = time.monotonic()
        self.tokens = min(BURST, self.tokens + (now - self.refilled) * PER_SECOND)
        self.refilled = now
        self.tokens -= 1
        if (size > MAX_FRAME or self.tokens < 0) and not self.refused:
            self.refused = True
            await self.close(code=CLOSE_POLICY)

    async def push_html(self, event):
        await self.send(text_data=event["html"])

    async def session_ended(self, event):
        if not event.get("session_key") or event["session_key"] == self.session_key:
            await self.close(code=CLOSE_UNAUTHORISED)
