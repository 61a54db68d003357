"""This process's sockets by group, behind one channel-layer channel for all of them.

Channels gives every consumer a channel of its own and subscribes it to each of its
groups, so the layer delivers a push once per socket: for a board watched by 1,000 people
that is 1,000 queue puts, 1,000 decodes and 1,000 task wake-ups before each consumer
forwards the same bytes (measured at ten times a bare ASGI fan-out). Here the process has
one channel, subscribed to a group while any socket of this process is in it, and a push
is forwarded to every local member in one loop: the shape of the bare fan-out. Across
processes nothing changes: each process subscribes the groups its sockets are in.

Messages carry their group (`Broadcaster.send` adds it). Three kinds arrive:
  - `push.html`: the same HTML for every member of the group;
  - `push.lines`: `{"lines": {"<user id>": html}}`, each member gets its own person's line
    (one message per push for everyone connected, not one per person);
  - `session.ended`: members of that person's session group close (one session or all).

All of it runs on the server's event loop; a new loop (a test's) starts a new hub state.
"""

import asyncio
import logging
from functools import partial

from channels.layers import get_channel_layer

logger = logging.getLogger(__name__)

RETRY_SECONDS = 1.0  # after a failed receive (the layer is away), before reading again
# Sockets written between two turns of the event loop. A push to 1,000 sockets is about
# 40 ms of the loop's time; in one stretch, the HTTP responses that are ready meanwhile
# (the click that caused the push among them) wait behind all of it.
YIELD_EVERY = 100


class Hub:
    def __init__(self):
        self._reset(None)

    def _reset(self, loop) -> None:
        self.loop = loop
        self.members: dict[str, set] = {}
        self.subscribed: set[str] = set()
        self.joining: dict[str, asyncio.Future] = {}
        self.channel: str | None = None
        self.opening: asyncio.Future | None = None
        self.reader: asyncio.Task | None = None

    def groups(self) -> list[str]:
        """The groups this process has sockets in (a copy: read from other threads)."""
        return list(self.members.copy())

    async def join(self, socket, groups: list[str]) -> list[str]:
        """Put `socket` in `groups` and return those it is this process's first member
        of; raises when the layer cannot subscribe one of them (the socket is then in
        none of them)."""
        layer = get_channel_layer()
        fresh = []
        try:
            await self._open(layer)
            for group in groups:
                if group not in self.members:
                    fresh.append(group)
                self.members.setdefault(group, set()).add(socket)
                await self._subscribe(layer, group)
        except BaseException:
            await self.leave(socket, groups)
            raise
        return fresh

    async def leave(self, socket, groups: list[str]) -> None:
        layer = get_channel_layer()
        for group in groups:
            members = self.members.get(group)
            if members is not None:
                members.discard(socket)
            if members or group not in self.members:
                continue
            del self.members[group]
            if group in self.subscribed and self.channel is not None:
                self.subscribed.discard(group)
                try:
                    await layer.group_discard(group, self.channel)
                except Exception:  # the pub/sub layer forgets it with the connection
                    logger.warning("realtime: could not leave %s", group)

    async def _open(self, layer) -> None:
        loop = asyncio.get_running_loop()
        if self.loop is not loop:
            self._reset(loop)
        if self.channel is not None:
            return
        if self.opening is None:
            self.opening = asyncio.ensure_future(layer.new_channel("hub."))
        opening = self.opening
        try:
            channel = await asyncio.shield(opening)
        except BaseException:
            if self.opening is opening and opening.done():
                self.opening = None  # the layer was away: the next socket tries again
            raise
        if self.channel is None:
            self.channel = channel
            self.reader = loop.create_task(self._read(layer, channel))

    async def _subscribe(self, layer, group: str) -> None:
        if group in self.subscribed:
            return
        task = self.joining.get(group)
        if task is None:
            task = asyncio.ensure_future(layer.group_add(group, self.channel))
            self.joining[group] = task
            task.add_done_callback(partial(self._subscribed, group))
        # Shielded: one socket giving up its handshake must not cancel the others' wait.
        await asyncio.shield(task)

    def _subscribed(self, group: str, task: asyncio.Future) -> None:
        self.joining.pop(group, None)
        if not task.cancelled() and task.exception() is None and group in self.members:
            self.subscribed.add(group)

    async def _read(self, layer, channel: str) -> None:
        while True:
            try:
                message = await layer.receive(channel)
            except asyncio.CancelledError:
                raise
            except Exception:
                logger.warning("realtime: receive failed; trying again", exc_info=True)
                await asyncio.sleep(RETRY_SECONDS)
                continue
            try:
                await self.forward(message)
            except Exception:
                logger.exception("realtime: a message could not be forwarded")

    async def forward(self, message: dict) -> None:
        sockets = list(self.members.get(message.get("group"), ()))
        kind = message.get("type")
        if kind == "push.html":
            event = {"type": "websocket.send", "text": message["html"]}
            for n, socket in enumerate(sockets, 1):
                await socket.forward(event)
                if n % YIELD_EVERY == 0:
                    await asyncio.sleep(0)
        elif kind == "push.lines":
            lines = message["lines"]
            for n, socket in enumerate(sockets, 1):
                html = lines.get(str(socket.user_id))
                if html is not None:
                    await socket.forward({"type": "websocket.send", "text": html})
                if n % YIELD_EVERY == 0:
                    await asyncio.sleep(0)
        elif kind == "session.ended":
            for socket in sockets:
                await socket.session_ended(message)
        else:
            logger.warning("realtime: unknown message type %r", kind)


hub = Hub()
