"""/ws/leaderboard/: who may connect, and what arrives when (WebsocketCommunicator)."""

import asyncio
from contextlib import suppress

import pytest
from channels.db import database_sync_to_async
from django.db import transaction

from leaderboard.consumers import LeaderboardConsumer
from leaderboard.services import points_award
from people.services import consent_set
from portal import realtime
from tests.leaderboard.factories import BadgeFactory, opted_in
from tests.people.factories import UserFactory
from tests.websockets import ORIGIN, login_cookie, run, ws_connect

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.broadcasts]
BOARD = "/ws/leaderboard/?period=week&scope=people"


async def connect(cookie, path=BOARD, origin=ORIGIN):
    return await ws_connect(path, cookie, origin)


def award(user, points, key):
    points_award(user=user, reason="correction", points=points, key=key, note="test")


def test_anonymous_foreign_and_missing_origin_are_refused():
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


def test_board_arrives_after_commit_and_nothing_after_a_rollback():
    viewer = opted_in()
    person = opted_in(first_name="Pat", last_name="Sharer")
    _, cookie = login_cookie(viewer)

    def rolled_back():
        with suppress(RuntimeError), transaction.atomic():
            award(person, 25, "rolled-back")
            raise RuntimeError("the action failed")

    async def scenario():
        communicator, connected = await connect(cookie)
        assert connected
        await database_sync_to_async(rolled_back)()
        assert await communicator.receive_nothing(timeout=1.2)
        await database_sync_to_async(award)(person, 25, "committed")
        html = await communicator.receive_from(timeout=3)
        assert 'id="board"' in html
        assert "Pat Sharer" in html and ">25<" in html
        await communicator.disconnect()

    run(scenario())


def test_throttle_sends_one_board_a_second_and_the_last_change_trails():
    viewer = opted_in()
    person = opted_in(first_name="Quick", last_name="Burst")
    _, cookie = login_cookie(viewer)

    async def scenario():
        communicator, _ = await connect(cookie)
        await database_sync_to_async(award)(person, 10, "burst-1")
        first = await communicator.receive_from(timeout=3)
        assert ">10<" in first
        await database_sync_to_async(award)(person, 5, "burst-2")
        await database_sync_to_async(award)(person, 7, "burst-3")
        # Inside the window nothing more is sent ...
        assert await communicator.receive_nothing(timeout=0.4)
        # ... and the trailing send carries the last change, well within two seconds.
        trailing = await communicator.receive_from(timeout=2)
        assert ">22<" in trailing
        assert await communicator.receive_nothing(timeout=1.3)
        await communicator.disconnect()

    run(scenario())


def test_opting_out_removes_the_person_from_open_boards_and_tells_them():
    viewer = opted_in()
    person = opted_in(first_name="Leaving", last_name="Soon")
    with realtime.suppressed():
        award(person, 30, "before")
    _, viewer_cookie = login_cookie(viewer)
    _, person_cookie = login_cookie(person)

    async def scenario():
        watching, _ = await connect(viewer_cookie)
        own, _ = await connect(person_cookie)
        await database_sync_to_async(consent_set)(
            user=person, kind="leaderboard", granted=False, source="test"
        )
        board = await watching.receive_from(timeout=3)
        assert 'id="board"' in board and "Leaving Soon" not in board
        messages = [await own.receive_from(timeout=3) for _ in range(2)]
        personal = next(m for m in messages if 'id="you-week"' in m)
        assert "Only you can see this" in personal and "30 points" in personal
        await watching.disconnect()
        await own.disconnect()

    run(scenario())


def test_a_new_badge_arrives_as_a_toast_only_to_its_owner():
    BadgeFactory(name="First share", slug="first-share", criterion="shares", threshold=1)
    person = opted_in()
    other = opted_in()
    _, cookie = login_cookie(person)
    _, other_cookie = login_cookie(other)

    def share():
        points_award(user=person, reason="share", key="share:1")

    async def scenario():
        own, _ = await connect(cookie, path="/ws/leaderboard/")
        others, _ = await connect(other_cookie, path="/ws/leaderboard/")
        await database_sync_to_async(share)()
        received = [await own.receive_from(timeout=3) for _ in range(2)]
        toast = next(m for m in received if "badge-toast" in m)
        assert "First share" in toast and 'hx-swap-oob="beforeend"' in toast
        assert await others.receive_nothing(timeout=1)
        await own.disconnect()
        await others.disconnect()

    run(scenario())


def test_logging_out_closes_that_sessions_socket():
    user = opted_in()
    client, cookie = login_cookie(user)

    async def scenario():
        communicator, connected = await connect(cookie)
        assert connected
        await database_sync_to_async(client.post)("/accounts/logout/")
        closed = await communicator.receive_output(timeout=3)
        assert closed["type"] == "websocket.close"
        await communicator.wait()

    run(scenario())


def test_a_pushed_fragment_is_forwarded_as_is_without_queries(django_assert_num_queries):
    consumer = LeaderboardConsumer()
    sent = []

    async def send(text_data=None, bytes_data=None, close=False):
        sent.append(text_data)

    consumer.send = send
    with django_assert_num_queries(0):
        asyncio.run(consumer.push_html({"type": "push.html", "html": "<section id='board'>"}))
    assert sent == ["<section id='board'>"]
