from channels.generic.websocket import AsyncWebsocketConsumer

from notifications.services import user_group


class NotificationConsumer(AsyncWebsocketConsumer):
    """One person's own channel: pushes the bell count and a toast as htmx OOB swaps.

    Messages are disposable; a page load always shows the database's state.
    """

    group_name: str | None = None

    async def connect(self):
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            await self.close()  # before accept: the handshake is refused
            return
        self.group_name = user_group(user.pk)
        await self.channel_layer.group_add(self.group_name, self.channel_name)
        await self.accept()

    async def disconnect(self, code):
        if self.group_name:
            await self.channel_layer.group_discard(self.group_name, self.channel_name)

    async def receive(self, text_data=None, bytes_data=None):
        """Clients only listen."""

    async def notify_message(self, event):
        await self.send(text_data=event["html"])
