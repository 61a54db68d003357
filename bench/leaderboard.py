"""The leaderboard: one broadcast to many sockets, the page, and rank at 10k people."""

import random

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.test import Client
from django.utils import timezone

from bench.harness import Figure, count_queries, time_ms
from leaderboard.fragments import board_fragment
from leaderboard.models import Period, ScoreTotal
from leaderboard.selectors import Scope, leaderboard_position, period_start
from people.models import ConsentKind, ConsentRecord, Department, User
from portal.realtime import board_group

SUBSCRIBERS = 1000
RANK_PEOPLE = 10_000


def _people(count: int, *, prefix: str, departments: list[Department]) -> list[User]:
    rng = random.Random(count)
    users = User.objects.bulk_create(
        [
            User(
                username=f"{prefix}{i}",
                first_name="Bench",
                last_name=f"Person {i}",
                password="!",  # noqa: S106 - an unusable password
                department=departments[i % len(departments)],
            )
            for i in range(count)
        ]
    )
    now = timezone.now()
    ConsentRecord.objects.bulk_create(
        [
            ConsentRecord(
                user=u, kind=ConsentKind.LEADERBOARD, granted=True, source="bench", created_at=now
            )
            for u in users
        ]
    )
    rows = []
    for user in users:
        points = rng.randint(0, 400)
        for period in Period.values:
            rows.append(
                ScoreTotal(
                    user=user,
                    period=period,
                    period_start=period_start(period),
                    points=points,
                    visible=True,
                )
            )
    ScoreTotal.objects.bulk_create(rows, batch_size=2000)
    return users


def _reset() -> None:
    ScoreTotal.objects.all().delete()
    ConsentRecord.objects.filter(source="bench").delete()
    User.objects.filter(first_name="Bench").delete()


def _broadcast(subscribers: int) -> list[Figure]:
    """Render the board once, then one group_send to `subscribers` sockets (in-memory
    layer here: a copy per subscriber; with Redis, one round trip per channel shard)."""
    layer = get_channel_layer()
    group = board_group(Period.WEEK, Scope.PEOPLE)

    async def subscribe():
        for _ in range(subscribers):
            await layer.group_add(group, await layer.new_channel())

    async_to_sync(subscribe)()

    def render_and_send():
        html = board_fragment(Period.WEEK, Scope.PEOPLE)
        async_to_sync(layer.group_send)(group, {"type": "push.html", "html": html})

    figures = [
        Figure(
            f"leaderboard_broadcast_ms_{subscribers}_subscribers",
            time_ms(render_and_send, n=20),
            "ms",
            # Floor: 0.15 ms per subscriber for the layer's copy, plus one render.
            round(5 + 0.15 * subscribers, 1),
            20,
        ),
        Figure(
            f"leaderboard_broadcast_queries_{subscribers}_subscribers",
            count_queries(render_and_send),
            "queries",
            2,
            1,
        ),
    ]
    async_to_sync(layer.flush)()
    return figures


def _page(size: int, departments: list[Department]) -> list[Figure]:
    users = _people(size, prefix=f"page{size}-", departments=departments)
    client = Client()
    client.force_login(users[size // 2])

    def page():
        assert client.get("/leaderboard/").status_code == 200

    page()
    figures = [
        Figure(f"leaderboard_page_ms_{size}_people", time_ms(page, n=30), "ms", 60.0, 30),
        Figure(f"leaderboard_page_queries_{size}_people", count_queries(page), "queries", 14, 1),
    ]
    _reset()
    return figures


def _rank() -> list[Figure]:
    departments = list(Department.objects.all())
    users = _people(RANK_PEOPLE, prefix="rank-", departments=departments)
    middle = users[RANK_PEOPLE // 2]

    def rank():
        leaderboard_position(user=middle, period=Period.WEEK, visible=True)

    figures = [
        Figure(f"leaderboard_rank_ms_{RANK_PEOPLE}_people", time_ms(rank, n=30), "ms", 25.0, 30),
        Figure("leaderboard_rank_queries", count_queries(rank), "queries", 5, 1),
    ]
    _reset()
    return figures


def measure() -> list[Figure]:
    departments = [
        Department.objects.create(name=f"Bench {i}", slug=f"bench-{i}") for i in range(6)
    ]
    _people(200, prefix="board-", departments=departments)
    figures = [
        Figure(
            "leaderboard_board_render_ms",
            time_ms(lambda: board_fragment(Period.WEEK, Scope.PEOPLE), n=30),
            "ms",
            25.0,
            30,
        )
    ]
    figures += _broadcast(100)
    figures += _broadcast(SUBSCRIBERS)
    _reset()
    figures += _page(100, departments)
    figures += _page(2000, departments)
    figures += _rank()
    return figures
