"""The live leaderboard socket. Thin: it subscribes to groups and forwards pushed HTML.

Everything sent was rendered once by leaderboard.broadcast; the consumer makes no
database queries per message.
"""

from urllib.parse import parse_qs

from channels.generic.websocket import AsyncWebsocketConsumer

from leaderboard.broadcast import SCOPES, board_group, user_group
from leaderboard.models import Period

CLOSE_UNAUTHORISED = 4401


class LeaderboardConsumer(AsyncWebsocketConsumer):
    async def connect(self):
        self.joined: list[str] = []
        user = self.scope.get("user")
        headers = dict(self.scope.get("headers") or [])
        # Refused before accept: anonymous, or no Origin at all (AllowedHostsOriginValidator
        # in portal/asgi.py already refuses a foreign one).
        if user is None or not user.is_authenticated or not headers.get(b"origin"):
            await self.close(code=CLOSE_UNAUTHORISED)
            return
        session = self.scope.get("session")
        self.session_key = getattr(session, "session_key", None) or ""
        params = parse_qs(self.scope.get("query_string", b"").decode())
        period = params.get("period", [""])[0]
        scope = params.get("scope", [""])[0]
        self.joined.append(user_group(user.pk))
        if period in Period.values and scope in SCOPES:
            self.joined.append(board_group(period, scope))
        for group in self.joined:
            await self.channel_layer.group_add(group, self.channel_name)
        await self.accept()

    async def disconnect(self, code):
        for group in self.joined:
            await self.channel_layer.group_discard(group, self.channel_name)

    async def receive(self, text_data=None, bytes_data=None):
        """The page sends nothing the server needs; ignore anything that arrives."""

    async def board_html(self, event):
        await self.send(text_data=event["html"])

    async def personal_html(self, event):
        await self.send(text_data=event["html"])

    async def session_ended(self, event):
        if not event.get("session_key") or event["session_key"] == self.session_key:
            await self.close(code=CLOSE_UNAUTHORISED)
