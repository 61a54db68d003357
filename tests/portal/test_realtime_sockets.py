"""Every socket of a person (leaderboard and notifications) closes when their access ends:
logout (that session's), a new password and a deactivated account (all of them)."""

import pytest
from channels.db import database_sync_to_async

from portal import realtime
from tests.people.factories import UserFactory
from tests.websockets import login_cookie, run, ws_connect

pytestmark = pytest.mark.django_db(transaction=True)
PATHS = ["/ws/leaderboard/?period=week&scope=people", "/ws/notifications/"]


async def open_both(cookie):
    sockets = []
    for path in PATHS:
        communicator, connected = await ws_connect(path, cookie)
        assert connected, path
        sockets.append(communicator)
    return sockets


async def assert_closed(sockets):
    for communicator in sockets:
        closed = await communicator.receive_output(timeout=3)
        assert closed == {"type": "websocket.close", "code": realtime.CLOSE_UNAUTHORISED}
        await communicator.wait()


async def assert_open(sockets):
    for communicator in sockets:
        assert await communicator.receive_nothing(timeout=0.5)
        await communicator.disconnect()


def test_logging_out_closes_that_sessions_sockets_only():
    user = UserFactory()
    client, cookie = login_cookie(user)
    _, other_cookie = login_cookie(user)  # the same person on another device

    async def scenario():
        mine, elsewhere = await open_both(cookie), await open_both(other_cookie)
        await database_sync_to_async(client.post)("/accounts/logout/")
        await assert_closed(mine)
        await assert_open(elsewhere)

    run(scenario())


def test_a_new_password_closes_every_socket_of_that_person():
    user, bystander = UserFactory(), UserFactory()
    _, cookie = login_cookie(user)
    _, other_cookie = login_cookie(user)
    _, bystander_cookie = login_cookie(bystander)

    def change_password():
        user.set_password("a-new-and-long-password")
        user.save()

    async def scenario():
        sockets = await open_both(cookie) + await open_both(other_cookie)
        unrelated = await open_both(bystander_cookie)
        await database_sync_to_async(change_password)()
        await assert_closed(sockets)
        await assert_open(unrelated)

    run(scenario())


def test_deactivating_a_person_closes_every_socket_and_a_reconnect_is_refused():
    user = UserFactory()
    _, cookie = login_cookie(user)

    def deactivate():
        user.is_active = False
        user.save(update_fields=["is_active"])

    async def scenario():
        sockets = await open_both(cookie)
        await database_sync_to_async(deactivate)()
        await assert_closed(sockets)
        communicator, connected = await ws_connect(PATHS[0], cookie)
        assert not connected
        await communicator.disconnect()

    run(scenario())


def test_saving_a_person_for_anything_else_closes_nothing():
    user = UserFactory()
    _, cookie = login_cookie(user)

    def rename():
        user.first_name = "Renamed"
        user.save()

    async def scenario():
        sockets = await open_both(cookie)
        await database_sync_to_async(rename)()
        await assert_open(sockets)

    run(scenario())


def test_provisioning_can_close_all_of_a_persons_sockets_directly():
    user = UserFactory()
    _, cookie = login_cookie(user)

    async def scenario():
        sockets = await open_both(cookie)
        realtime.session_ended(user_id=user.pk, session_key=None)
        await assert_closed(sockets)

    run(scenario())


@pytest.mark.parametrize("path", PATHS)
def test_a_handshake_is_refused_for_a_session_that_no_longer_admits_its_person(path):
    """The socket checks the session as HTTP does: a session from before a password
    change, a deactivated person's, a made-up or missing one, none of them connects."""
    changed, leaver, stays = UserFactory(), UserFactory(), UserFactory()
    _, changed_cookie = login_cookie(changed)
    _, leaver_cookie = login_cookie(leaver)
    _, good_cookie = login_cookie(stays)
    changed.set_password("a-new-and-long-password")
    changed.save()
    leaver.is_active = False
    leaver.save()

    outcomes = {}

    async def scenario():
        for name, cookie in [
            ("password changed", changed_cookie),
            ("deactivated", leaver_cookie),
            ("made up", "x" * 32),
            ("none", None),
            ("still fine", good_cookie),
        ]:
            communicator, connected = await ws_connect(path, cookie)
            outcomes[name] = connected
            await communicator.disconnect()

    run(scenario())
    assert outcomes == {
        "password changed": False,
        "deactivated": False,
        "made up": False,
        "none": False,
        "still fine": True,
    }
