import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from django.contrib.auth.models import AnonymousUser

from notifications.models import Kind
from notifications.routing import websocket_urlpatterns
from notifications.services import notification_send
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _communicator(user):
    communicator = WebsocketCommunicator(URLRouter(websocket_urlpatterns), "/ws/notifications/")
    communicator.scope["user"] = user
    return communicator


def test_anonymous_is_refused():
    async_to_sync(_anonymous_is_refused)()


async def _anonymous_is_refused():
    communicator = _communicator(AnonymousUser())
    connected, _ = await communicator.connect()
    assert not connected
    await communicator.disconnect()


def test_person_receives_own_notification_only():
    async_to_sync(_person_receives_own_notification_only)()


async def _person_receives_own_notification_only():
    me = await database_sync_to_async(UserFactory)()
    other = await database_sync_to_async(UserFactory)()
    mine, theirs = _communicator(me), _communicator(other)
    assert (await mine.connect())[0]
    assert (await theirs.connect())[0]
    try:
        await database_sync_to_async(notification_send)(
            user=me, kind=Kind.RETRACTION, title="Your post was retracted", key="r:1"
        )
        message = await mine.receive_from(timeout=2)
        assert "Your post was retracted" in message
        assert 'id="notify-bell"' in message and 'hx-swap-oob="outerHTML"' in message
        assert 'data-count="1"' in message
        assert 'id="notify-toasts" hx-swap-oob="afterbegin"' in message
        assert await theirs.receive_nothing(timeout=0.3)
    finally:
        await mine.disconnect()
        await theirs.disconnect()
