"""Rate limits: a limited POST is a clear 429 that changes nothing; a tracked link always
redirects but past its rate is counted, not stored; a cache that fails limits nobody."""

import socket
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import caches
from django.test import Client
from django.urls import reverse

from leaderboard.models import BadgeAward
from leaderboard.services import points_award
from policies.models import Acknowledgement
from sharing.models import Click, ClickOverflow, Share, Suggestion
from sharing.services import share_create
from tests.leaderboard.factories import BadgeFactory
from tests.people.factories import UserFactory
from tests.policies.factories import PolicyPageFactory
from tests.sharing.factories import advocate_make, post_create

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]
HTMX = {"HTTP_HX_REQUEST": "true"}
CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36"


@pytest.fixture
def limits(settings):
    settings.RATE_LIMITS = {
        **settings.RATE_LIMITS,
        "share": "2/m",
        "suggestion": "2/h",
        "acknowledgement": "2/m",
        "badge_verification": "2/m",
        "tracked_link": "3/m",
    }
    return settings.RATE_LIMITS


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _share(client, post, **headers):
    return client.post(
        f"/share/posts/{post.pk}/linkedin/",
        {"text": "Proud of this", "include_disclosure": "on", "variant": "0"},
        **headers,
    )


def test_shares_past_the_limit_get_a_429_page_and_nothing_is_recorded(limits):
    user = advocate_make()
    client = client_for(user)
    posts = [post_create(title=f"Post {n}") for n in range(3)]
    assert [_share(client, post).status_code for post in posts[:2]] == [200, 200]
    response = _share(client, posts[2])
    assert response.status_code == 429
    html = response.content.decode()
    assert "Too many shares in a short time." in html and "Nothing was changed" in html
    assert "<html" in html and int(response["Retry-After"]) > 0
    assert Share.objects.filter(user=user).count() == 2
    # Someone else is not held up by it.
    assert _share(client_for(advocate_make()), posts[2]).status_code == 200


def test_htmx_gets_the_notice_placed_at_the_top_of_the_page(limits):
    client = client_for(advocate_make())
    posts = [post_create(title=f"Post {n}") for n in range(3)]
    for post in posts[:2]:
        _share(client, post, **HTMX)
    response = _share(client, posts[2], **HTMX)
    assert response.status_code == 429
    html = response.content.decode()
    assert "<html" not in html and 'role="alert"' in html and "Too many shares" in html
    assert response["HX-Retarget"] == "#main"
    assert response["HX-Reswap"].startswith("afterbegin")


def test_the_share_form_itself_is_never_limited(limits):
    client = client_for(advocate_make())
    post = post_create()
    statuses = {client.get(f"/share/posts/{post.pk}/linkedin/").status_code for _ in range(5)}
    assert statuses == {200}


def test_suggestions_past_the_limit_are_refused_and_not_stored(limits):
    user = UserFactory()
    client = client_for(user)
    for n in range(2):
        data = {"url": f"https://news.example/{n}", "note": "Good"}
        assert client.post("/share/suggest/", data).status_code == 302
    response = client.post("/share/suggest/", {"url": "https://news.example/x", "note": "More"})
    assert response.status_code == 429
    assert "Too many suggestions" in response.content.decode()
    assert Suggestion.objects.filter(user=user).count() == 2


def test_acknowledgements_past_the_limit_are_refused_and_not_recorded(limits):
    policy = PolicyPageFactory()
    user = UserFactory()
    client = client_for(user)
    url = reverse("policies:acknowledge", args=[policy.pk])
    bad = {"confirm": "on", "version": "99", "revision": policy.live_revision_id}
    for _ in range(2):
        assert client.post(url, bad).status_code == 400  # counted, though refused
    good = {"confirm": "on", "version": policy.version, "revision": policy.live_revision_id}
    response = client.post(url, good)
    assert response.status_code == 429
    assert "Too many acknowledgements" in response.content.decode()
    assert not Acknowledgement.objects.filter(user=user).exists()


def test_badge_checks_past_the_limit_answer_nothing_about_the_address(limits):
    BadgeFactory(name="First share", slug="first-share", criterion="shares", threshold=1)
    user = UserFactory(email="ade@example.com")
    points_award(user=user, reason="share", key="share:1")
    url = reverse("badges:verify", args=[BadgeAward.objects.get(user=user).uid])
    client = Client()
    for guess in ("a@example.com", "b@example.com"):
        assert "No: this badge" in client.get(url, {"email": guess}).content.decode()
    response = client.get(url, {"email": "ade@example.com"})
    assert response.status_code == 429
    html = response.content.decode()
    assert "Too many badge checks" in html and "Yes: this badge" not in html
    # The page itself, without a check, still opens.
    assert client.get(url).status_code == 200


def test_a_tracked_link_past_the_rate_still_redirects_but_only_counts(limits):
    post = post_create(target_url="https://northwind.example/news")
    share_obj = share_create(user=advocate_make(), post=post, platform="linkedin", text="Hi").share
    client = Client()
    responses = [
        client.get(
            f"/l/{share_obj.code}", HTTP_USER_AGENT=f"{CHROME} {n}", REMOTE_ADDR="203.0.113.7"
        )
        for n in range(10)
    ]
    assert {r.status_code for r in responses} == {302}
    assert all(r["Location"].startswith("https://northwind.example/news") for r in responses)
    assert Click.objects.filter(share=share_obj).count() == 3
    overflow = ClickOverflow.objects.get(share=share_obj)
    assert overflow.requests == 7
    # A reader at another address is stored (and credited) as before.
    other = client.get(f"/l/{share_obj.code}", HTTP_USER_AGENT=CHROME, REMOTE_ADDR="198.51.100.1")
    assert other.status_code == 302
    assert Click.objects.filter(share=share_obj, credited=True).count() == 4


def test_an_ipv6_client_is_counted_by_its_64_block(limits):
    post = post_create()
    share_obj = share_create(user=advocate_make(), post=post, platform="linkedin", text="Hi").share
    client = Client()
    for n in range(5):
        client.get(f"/l/{share_obj.code}", HTTP_USER_AGENT=CHROME, REMOTE_ADDR=f"2001:db8::{n + 1}")
    assert Click.objects.filter(share=share_obj).count() == 3
    assert ClickOverflow.objects.get(share=share_obj).requests == 2


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # nothing listens here once the socket closes


def test_a_cache_that_cannot_answer_limits_nobody(limits, settings):
    # The counters' cache is a Redis nobody listens on; everything else keeps its own.
    settings.CACHES = {
        **settings.CACHES,
        "counters": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{_closed_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        },
    }
    settings.RATELIMIT_USE_CACHE = "counters"
    with pytest.raises(Exception):  # noqa: B017, PT011 - the real failure, whatever its class
        caches["counters"].add("anything", 1)
    user = advocate_make()
    client = client_for(user)
    posts = [post_create(title=f"Post {n}") for n in range(4)]
    assert [_share(client, post).status_code for post in posts] == [200] * 4
    assert Share.objects.filter(user=user).count() == 4


def test_a_rate_that_is_not_a_rate_stops_the_settings_naming_it(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
            "RATE_LIMIT_SHARE": "lots",
            "SQLITE_PATH": str(tmp_path / "db.sqlite3"),
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    assert 'RATE_LIMIT_SHARE must be a rate such as "20/m"' in result.stderr
