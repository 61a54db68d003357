"""Notifications and reports: the bell on every page, a notification sent, a priority post
fanned out, the advocacy report over a term of data."""

import datetime
import itertools

from django.test import Client
from django.utils import timezone

from bench.harness import Figure, count_queries, time_ms
from notifications.models import Notification
from notifications.services import notification_send
from people.models import ConsentKind, ConsentRecord, SocialNetwork, User
from policies.notices import POLICY_VERSION
from sharing.notices import RETRACTION
from sharing.services import priority_post_announce

ADVOCATES = 200
SHARES = 2000


def _people(n: int) -> list[User]:
    users = User.objects.bulk_create(
        [User(username=f"bench-n{i}", email=f"bench-n{i}@example.com") for i in range(n)]
    )
    now = timezone.now()
    ConsentRecord.objects.bulk_create(
        [
            ConsentRecord(user=u, kind=kind, granted=True, source="bench", created_at=now)
            for u in users
            for kind in (ConsentKind.ADVOCACY, ConsentKind.EMAIL_ALERTS)
        ]
    )
    SocialNetwork.objects.bulk_create(
        [
            SocialNetwork(
                user=u,
                platform="linkedin",
                handle=f"in/b{u.pk}",
                audience="professional",
                followers=100 + u.pk % 50,
            )
            for u in users
        ]
    )
    return users


def _shares(users: list[User]) -> None:
    from sharing.models import Click, Share

    now = timezone.now()
    shares = Share.objects.bulk_create(
        [
            Share(
                user=users[i % len(users)],
                post=None,
                post_title=f"Post {i % 40}",
                platform="linkedin" if i % 2 else "x",
                code=f"bench{i}",
                caption="c",
                created_at=now - datetime.timedelta(hours=i),
            )
            for i in range(SHARES)
        ]
    )
    Click.objects.bulk_create(
        [
            Click(
                share=s,
                at=s.created_at,
                visitor_key=f"v{s.pk}-{j}",
                ua_class="person",
                credited=True,
            )
            for s, j in itertools.product(shares[:500], range(3))
        ]
    )


def measure() -> list[Figure]:
    users = _people(ADVOCATES)
    reader = users[0]
    for i in range(200):
        notification_send(user=reader, kind=RETRACTION, title=f"n{i}", key=f"bench:{i}")
    client = Client()
    client.force_login(reader)

    def page():
        assert client.get("/notifications/").status_code == 200

    counter = itertools.count()

    def send():
        notification_send(
            user=users[1], kind=POLICY_VERSION, title="v", key=f"bench-send:{next(counter)}"
        )

    announced = []

    def announce():
        announced.append(
            priority_post_announce(
                post_title="Bench post",
                url="/share/bench/",
                platforms=["linkedin"],
                department_ids=[],
                key_prefix=f"bench-post:{len(announced)}",
            )
        )

    announce_ms = time_ms(announce, n=3, warmup=0)
    assert Notification.objects.filter(key__startswith="bench-post:0:").count() == ADVOCATES

    _shares(users)
    editor = User.objects.create_user("bench-hr", password="x", is_superuser=True)  # noqa: S106
    hr = Client()
    hr.force_login(editor)

    def advocacy():
        assert hr.get("/admin/reports/advocacy/").status_code == 200

    return [
        Figure("notifications_page_ms", time_ms(page, n=30), "ms", 80.0, 30),
        Figure("notifications_page_queries", count_queries(page), "queries", 12, 1),
        Figure("notification_send_ms", time_ms(send, n=30), "ms", 40.0, 30),
        Figure(f"priority_announce_{ADVOCATES}_ms", announce_ms, "ms", 4000.0, 3),
        Figure(f"advocacy_report_{SHARES}_shares_ms", time_ms(advocacy, n=5), "ms", 1500.0, 5),
        Figure("advocacy_report_queries", count_queries(advocacy), "queries", 30, 1),
    ]
