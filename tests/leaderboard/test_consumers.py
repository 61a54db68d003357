"""/ws/leaderboard/: who may connect, and what arrives when (WebsocketCommunicator)."""

import asyncio
import threading
from contextlib import suppress

import pytest
from channels.db import database_sync_to_async
from django.db import OperationalError, transaction

from leaderboard import broadcast
from leaderboard.consumers import LeaderboardConsumer
from leaderboard.services import points_award
from people.services import consent_set
from portal import realtime
from portal.realtime.hub import Hub
from tests.leaderboard.factories import BadgeFactory, opted_in
from tests.people.factories import UserFactory
from tests.websockets import ORIGIN, collect, login_cookie, receive_matching, run, ws_connect

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.broadcasts]
BOARD = "/ws/leaderboard/?period=week&scope=people"


async def connect(cookie, path=BOARD, origin=ORIGIN, host="testserver"):
    return await ws_connect(path, cookie, origin, host)


def award(user, points, key):
    points_award(user=user, reason="correction", points=points, key=key, note="test")


def boards(messages):
    return [m for m in messages if 'id="board"' in m]


def test_anonymous_foreign_and_missing_origin_and_foreign_host_are_refused():
    _, cookie = login_cookie(UserFactory())

    async def scenario():
        for cookie_value, origin, host in [
            (None, "http://testserver", "testserver"),
            (cookie, "https://evil.example", "testserver"),
            (cookie, None, "testserver"),
            (cookie, "http://testserver", "evil.example"),
        ]:
            communicator, connected = await connect(cookie_value, origin=origin, host=host)
            assert not connected, (cookie_value, origin, host)
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
        assert boards(await collect(communicator, 1.2)) == []
        await database_sync_to_async(award)(person, 25, "committed")
        html = await receive_matching(communicator, 'id="board"')
        assert "Pat Sharer" in html and ">25<" in html
        await communicator.disconnect()

    run(scenario())


def test_the_action_renders_nothing_the_broadcaster_thread_does(monkeypatch):
    viewer = opted_in()
    person = opted_in(first_name="Off", last_name="Path")
    _, cookie = login_cookie(viewer)
    rendered_on = []
    for name in ("board_fragment", "personal_fragments"):
        original = getattr(broadcast, name)

        def spy(*args, _original=original, **kwargs):
            rendered_on.append(threading.current_thread().name)
            return _original(*args, **kwargs)

        monkeypatch.setattr(broadcast, name, spy)
    action_threads = []

    def click():
        action_threads.append(threading.current_thread().name)
        award(person, 3, "click")

    async def scenario():
        communicator, _ = await connect(cookie)
        await database_sync_to_async(click)()
        html = await receive_matching(communicator, 'id="board"')
        assert "Off Path" in html
        assert rendered_on and set(rendered_on) == {"realtime"}
        assert action_threads[0] != "realtime"
        await communicator.disconnect()

    run(scenario())


def test_the_board_goes_out_before_the_personal_lines_are_computed(monkeypatch):
    """The personal lines (hundreds of ms for 1,000 people) must not hold the board back:
    here they cannot finish until the board has reached the browser."""
    viewer = opted_in()
    person = opted_in(first_name="First", last_name="Out")
    _, cookie = login_cookie(viewer)
    board_seen = threading.Event()
    original = broadcast.personal_fragments

    def slow_lines(*args, **kwargs):
        board_seen.wait(10)  # without the fix, the board waits behind this and never comes
        return original(*args, **kwargs)

    monkeypatch.setattr(broadcast, "personal_fragments", slow_lines)

    async def scenario():
        communicator, _ = await connect(cookie)
        await database_sync_to_async(award)(person, 4, "board-first")
        html = await receive_matching(communicator, 'id="board"')
        board_seen.set()
        assert "First Out" in html
        await communicator.disconnect()

    run(scenario())


def test_a_push_whose_render_failed_is_tried_again(monkeypatch):
    """An empty pool or a restarting database makes one render fail: the change still
    arrives, a second later, instead of waiting for the next change."""
    viewer = opted_in()
    person = opted_in(first_name="Second", last_name="Try")
    _, cookie = login_cookie(viewer)
    original = broadcast.board_fragment
    failed = []

    def flaky(*args, **kwargs):
        if not failed:
            failed.append(True)
            raise OperationalError("the pool had no connection")
        return original(*args, **kwargs)

    monkeypatch.setattr(broadcast, "board_fragment", flaky)

    async def scenario():
        communicator, _ = await connect(cookie)
        await database_sync_to_async(award)(person, 6, "retried")
        html = await receive_matching(communicator, 'id="board"')
        assert failed and "Second Try" in html
        await communicator.disconnect()

    run(scenario())


def test_throttle_sends_one_board_a_second_and_the_last_change_trails():
    viewer = opted_in()
    person = opted_in(first_name="Quick", last_name="Burst")
    _, cookie = login_cookie(viewer)

    async def scenario():
        communicator, _ = await connect(cookie)
        await database_sync_to_async(award)(person, 10, "burst-1")
        first = await receive_matching(communicator, 'id="board"')
        assert ">10<" in first
        await database_sync_to_async(award)(person, 5, "burst-2")
        await database_sync_to_async(award)(person, 7, "burst-3")
        # Inside the window nothing more is sent ...
        assert boards(await collect(communicator, 0.4)) == []
        # ... and the trailing send carries the last change, well within two seconds.
        trailing = await receive_matching(communicator, 'id="board"', timeout=2)
        assert ">22<" in trailing
        assert boards(await collect(communicator, 1.3)) == []
        await communicator.disconnect()

    run(scenario())


def test_your_line_is_pushed_to_you_only_when_it_changed():
    me = opted_in()
    leader = opted_in()
    third = opted_in()
    with realtime.suppressed():
        award(leader, 100, "leader")
        award(me, 30, "me")
    _, cookie = login_cookie(me)

    async def scenario():
        communicator, _ = await connect(cookie)
        await database_sync_to_async(award)(third, 5, "third-1")
        first = await collect(communicator, 1.5)
        assert boards(first)
        mine = [m for m in first if 'id="you-week"' in m]
        assert len(mine) == 1 and "You are <strong>#2</strong>" in mine[0]
        # Someone below me gains a point: the board moves, my line does not.
        await database_sync_to_async(award)(third, 1, "third-2")
        second = await collect(communicator, 1.5)
        assert boards(second) and not [m for m in second if 'id="you-week"' in m]
        # Someone overtakes me: my line comes, without my browser asking.
        await database_sync_to_async(award)(third, 40, "third-3")
        line = await receive_matching(communicator, 'id="you-week"', timeout=2.5)
        assert "You are <strong>#3</strong>" in line
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
        board = await receive_matching(watching, 'id="board"')
        assert "Leaving Soon" not in board
        personal = await receive_matching(own, 'id="you-week"')
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
        toast = await receive_matching(own, "badge-toast")
        assert "First share" in toast and 'hx-swap-oob="beforeend"' in toast
        assert not [m for m in await collect(others, 1) if "badge-toast" in m]
        await own.disconnect()
        await others.disconnect()

    run(scenario())


def test_a_flooding_socket_is_closed_with_4008_and_the_others_still_get_pushes():
    viewer, flooder, person = opted_in(), opted_in(), opted_in(first_name="Still", last_name="Here")
    _, viewer_cookie = login_cookie(viewer)
    _, flooder_cookie = login_cookie(flooder)

    async def scenario():
        calm, _ = await connect(viewer_cookie)
        loud, _ = await connect(flooder_cookie)
        big, _ = await connect(flooder_cookie)
        for n in range(200):
            await loud.send_to(text_data=f"ping {n}")
        assert await loud.receive_output(timeout=3) == {
            "type": "websocket.close",
            "code": realtime.CLOSE_POLICY,
        }
        await big.send_to(text_data="x" * 5000)
        assert await big.receive_output(timeout=3) == {
            "type": "websocket.close",
            "code": realtime.CLOSE_POLICY,
        }
        await calm.send_to(text_data="hello")  # a few small frames are fine
        await database_sync_to_async(award)(person, 9, "after-flood")
        assert "Still Here" in await receive_matching(calm, 'id="board"')
        for communicator in (calm, loud, big):
            await communicator.disconnect()

    run(scenario())


def test_one_push_reaches_every_local_member_without_queries_or_a_thread_hop(
    django_assert_num_queries, monkeypatch
):
    """The process's hub receives a push once and forwards it to each socket in the group;
    a lines push gives each socket its own person's line, and nobody else's."""
    hops = []

    async def counted():
        hops.append(1)

    monkeypatch.setattr("channels.consumer.aclose_old_connections", counted)
    sent: dict[int, list[str]] = {}
    sockets = []
    for user_id in range(3):
        socket = LeaderboardConsumer()
        socket.accepted, socket.user_id = True, user_id

        async def base_send(event, user_id=user_id):
            sent.setdefault(user_id, []).append(event["text"])

        socket.base_send = base_send
        sockets.append(socket)
    hub = Hub()
    board = realtime.board_group("week", "people")
    hub.members = {board: set(sockets), realtime.lines_group("leaderboard"): set(sockets)}
    lines = realtime.lines_message({0: "<p>zero</p>", 2: "<p>two</p>"})

    async def pushes():
        await hub.forward({**realtime.html_message("<section id='board'>"), "group": board})
        await hub.forward({**lines, "group": realtime.lines_group("leaderboard")})

    with django_assert_num_queries(0):
        asyncio.run(pushes())
    board_html = "<section id='board'>"
    assert sent == {0: [board_html, "<p>zero</p>"], 1: [board_html], 2: [board_html, "<p>two</p>"]}
    assert hops == []
