"""The socket both live pages are built on: it joins its groups and forwards pushed HTML.

Refused before accept when the person is not logged in or the handshake has no Origin
(portal.asgi refuses a foreign Host or Origin before this runs). Clients send nothing the
server needs, so inbound frames are limited in size and rate: over the limit the socket is
closed with 4008 and nobody else notices. (4008 mirrors 1008, "policy violation": daphne's
websocket library lets a server send only 1000 or 3000-4999.)

A socket has no channel of its own: the process's hub (portal.realtime.hub) holds one
subscription per group for every socket of the process and forwards each push to its
members in one loop. The socket's own events (connect, frames, disconnect) touch no
database, so they are dispatched in a plain loop: no task per event and no hop to a worker
thread for Channels' per-message `close_old_connections`.
"""

import asyncio
import logging
import time
from urllib.parse import parse_qs

from channels.consumer import get_handler_name
from channels.exceptions import StopConsumer
from channels.generic.websocket import AsyncWebsocketConsumer

from portal.realtime import groups, presence
from portal.realtime.broadcaster import broadcaster
from portal.realtime.hub import hub

logger = logging.getLogger(__name__)

CLOSE_UNAUTHORISED = 4401
CLOSE_POLICY = 4008  # policy violation (1008 in the private range)
CLOSE_TRY_AGAIN = 4013  # try again later (1013 in the private range)
MAX_FRAME = 4096  # bytes a client frame may carry
BURST = 20  # frames a client may send at once ...
PER_SECOND = 2  # ... and then per second


class PushConsumer(AsyncWebsocketConsumer):
    """Subclasses say which groups a socket joins (`push_groups`) and, with `presence`,
    under which topic the person counts as connected (for pushed personal lines)."""

    presence: str = ""

    def push_groups(self, user, params: dict[str, list[str]]) -> list[str]:
        raise NotImplementedError

    async def __call__(self, scope, receive, send):
        self.scope = scope
        self.channel_layer = None  # the hub's channel serves every socket of the process
        self.base_send = send
        self.accepted = False
        try:
            while True:
                await self.dispatch(await receive())
        except StopConsumer:
            pass

    async def dispatch(self, message):
        handler = getattr(self, get_handler_name(message), None)
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
        self.session_key = self.scope.get("session_key") or ""
        params = parse_qs(self.scope.get("query_string", b"").decode())
        self.tokens, self.refilled, self.refused = float(BURST), time.monotonic(), False
        wanted = [groups.session_group(user.pk), *self.push_groups(user, params)]
        self.user_id = user.pk  # the hub picks this person's line for this socket
        try:
            fresh = await hub.join(self, wanted)
        except Exception:  # the layer is away: the client retries with backoff
            logger.warning("realtime: could not join %s; refusing the socket", wanted)
            self.user_id = None
            await self.close(code=CLOSE_TRY_AGAIN)
            return
        self.joined = wanted
        if self.presence:
            presence.joined(self.presence, user.pk)
        if any(groups.is_watched_kind(group) for group in fresh):
            broadcaster.run_soon(presence.refresh)  # other processes render it from now on
        await self.accept()
        self.accepted = True

    async def disconnect(self, code):
        if self.presence and getattr(self, "user_id", None):
            presence.left(self.presence, self.user_id)
        self.user_id = None
        joined, self.joined = getattr(self, "joined", []), []
        await hub.leave(self, joined)

    async def forward(self, event: dict) -> None:
        """Send what the hub received (already rendered) to this socket."""
        if not self.accepted:
            return  # not yet accepted (or refused): the page loads the truth over HTTP
        try:
            await self.base_send(event)
        except Exception:  # one socket's trouble must not stop the hub's loop
            logger.debug("realtime: a send to one socket failed", exc_info=True)

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

    async def session_ended(self, event):
        if not event.get("session_key") or event["session_key"] == self.session_key:
            await self.close(code=CLOSE_UNAUTHORISED)
