"""/ws/notifications/ through the whole ASGI stack: origin check, session auth, groups."""

import pytest
from channels.db import database_sync_to_async

from notifications.services import notification_send
from sharing.notices import RETRACTION
from tests.people.factories import UserFactory
from tests.websockets import ORIGIN, login_cookie, run, ws_connect

pytestmark = pytest.mark.django_db(transaction=True)
PATH = "/ws/notifications/"


async def connect(cookie: str | None, origin: str | None = ORIGIN):
    return await ws_connect(PATH, cookie, origin)


def test_anonymous_foreign_origin_and_missing_origin_are_refused():
    _, cookie = login_cookie(UserFactory())

    async def scenario():
        for cookie_value, origin in [
            (None, "http://testserver"),
            (cookie, "https://evil.example"),
            (cookie, None),
        ]:
            communicator, connected = await connect(cookie_value, origin=origin)
            assert not connected, (cookie_value, origin)
            await communicator.disconnect()
        communicator, connected = await connect(cookie)
        assert connected
        await communicator.disconnect()

    run(scenario())


@pytest.mark.broadcasts
def test_person_receives_own_notification_only():
    me, other = UserFactory(), UserFactory()
    _, my_cookie = login_cookie(me)
    _, their_cookie = login_cookie(other)

    async def scenario():
        mine, _ = await connect(my_cookie)
        theirs, _ = await connect(their_cookie)
        try:
            await database_sync_to_async(notification_send)(
                user=me, kind=RETRACTION, title="Your post was retracted", key="r:1"
            )
            message = await mine.receive_from(timeout=3)
            assert "Your post was retracted" in message
            assert 'id="notify-bell"' in message and 'hx-swap-oob="outerHTML"' in message
            assert 'data-count="1"' in message
            assert 'id="notify-toasts" hx-swap-oob="afterbegin"' in message
            assert await theirs.receive_nothing(timeout=0.3)
        finally:
            await mine.disconnect()
            await theirs.disconnect()

    run(scenario())


def test_logging_out_closes_the_notification_socket_too():
    user = UserFactory()
    client, cookie = login_cookie(user)

    async def scenario():
        communicator, connected = await connect(cookie)
        assert connected
        await database_sync_to_async(client.post)("/accounts/logout/")
        closed = await communicator.receive_output(timeout=3)
        assert closed == {"type": "websocket.close", "code": 4401}
        await communicator.wait()

    run(scenario())
