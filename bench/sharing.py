"""/l/<code>: the public hot path. Credited (a new reader) and refused (a link preview)."""

import itertools

from django.test import Client

from bench.harness import Figure, count_queries, time_ms
from home.models import HomePage
from leaderboard.models import PointsSettings
from people.models import User
from sharing.captions import code_new
from sharing.models import PostCaption, Share, ShareHubPage, SharePostPage, SharingSettings

PERSON = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"


def _share() -> Share:
    hub = ShareHubPage(title="Share", slug="share")
    HomePage.objects.get(depth=2).add_child(instance=hub)
    post = SharePostPage(
        title="Bench post",
        slug="bench-post",
        summary="s",
        target_url="https://northwind.example/news?ref=a#top",
    )
    post.captions.add(PostCaption(platform="linkedin", text="Hello"))
    hub.add_child(instance=post)
    post.save_revision().publish()
    user = User.objects.create_user("bench-sharer", password="x")  # noqa: S106
    return Share.objects.create(
        user=user, post=post, post_title=post.title, platform="linkedin", code=code_new()
    )


def measure() -> list[Figure]:
    # Every measured click takes the full credited path, points included.
    settings = SharingSettings.load()
    settings.daily_click_cap = 10_000
    settings.save()
    points = PointsSettings.load()
    points.click_cap_per_share = 10_000
    points.save()
    share = _share()
    client = Client()
    readers = itertools.count()

    def credited():
        n = next(readers)
        response = client.get(
            f"/l/{share.code}",
            HTTP_USER_AGENT=PERSON,
            REMOTE_ADDR=f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}",
        )
        assert response.status_code == 302

    def refused():
        response = client.get(f"/l/{share.code}", HTTP_USER_AGENT="Twitterbot/1.0")
        assert response.status_code == 302

    credited_ms = time_ms(credited, n=100)
    credited_queries = count_queries(credited)
    refused_ms = time_ms(refused, n=100)
    refused_queries = count_queries(refused)
    share.refresh_from_db()
    assert share.credited_clicks >= 100
    return [
        Figure("tracked_link_credited_ms", credited_ms, "ms", 40.0, 100),
        Figure("tracked_link_credited_queries", credited_queries, "queries", 26, 1),
        Figure("tracked_link_refused_ms", refused_ms, "ms", 12.0, 100),
        Figure("tracked_link_refused_queries", refused_queries, "queries", 4, 1),
    ]
