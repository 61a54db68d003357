"""/l/<code>: a safe redirect to the stored target, every request kept, honest crediting."""

from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from leaderboard.models import LedgerEntry, PointsSettings
from sharing.models import Campaign, Click, Refusal, Share, SharePostPage, SharingSettings
from sharing.services import click_record, post_retract, share_create
from sharing.tracking import utm_merge
from tests.people.factories import UserFactory
from tests.sharing.factories import advocate_make, post_create

pytestmark = pytest.mark.django_db

CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36"
FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"


@pytest.fixture
def share():
    post = post_create(target_url="https://northwind.example/news/launch?ref=home#video")
    user = advocate_make()
    return share_create(user=user, post=post, platform="linkedin", text="Proud of this").share


def visit(share, *, ua=CHROME, ip="203.0.113.5", client=None, method="get", path_extra=""):
    client = client or Client()
    return getattr(client, method)(
        f"/l/{share.code}{path_extra}", HTTP_USER_AGENT=ua, REMOTE_ADDR=ip
    )


def test_utm_merge_keeps_existing_query_and_fragment_and_replaces_old_utm():
    merged = utm_merge(
        "https://a.example/p?x=1&utm_source=mail#top", source="x", campaign="spring-launch"
    )
    parts = urlsplit(merged)
    assert parts.fragment == "top"
    assert parse_qs(parts.query) == {
        "x": ["1"],
        "utm_source": ["x"],
        "utm_medium": ["employee_advocacy"],
        "utm_campaign": ["spring-launch"],
    }


def test_a_visitor_is_sent_to_the_target_with_utm_and_the_click_is_credited(share):
    response = visit(share)
    assert response.status_code == 302
    location = response["Location"]
    parts = urlsplit(location)
    assert (parts.scheme, parts.netloc, parts.path, parts.fragment) == (
        "https",
        "northwind.example",
        "/news/launch",
        "video",
    )
    assert parse_qs(parts.query) == {
        "ref": ["home"],
        "utm_source": ["linkedin"],
        "utm_medium": ["employee_advocacy"],
        "utm_campaign": [share.post.slug],
    }
    click = Click.objects.get()
    assert click.credited and click.ua_class == "person" and click.refusal == ""
    share.refresh_from_db()
    assert share.credited_clicks == 1
    assert LedgerEntry.objects.filter(key=f"click:{click.pk}", reason="click").exists()


def test_the_campaign_slug_is_the_utm_campaign_when_there_is_one():
    campaign = Campaign.objects.create(name="Spring", slug="spring-launch")
    post = post_create(campaign=campaign)
    share = share_create(user=advocate_make(), post=post, platform="linkedin", text="Hi").share
    assert "utm_campaign=spring-launch" in visit(share)["Location"]


def test_no_address_is_stored_only_a_keyed_hash(share):
    visit(share, ip="198.51.100.23")
    click = Click.objects.get()
    stored = " ".join(str(v) for v in Click.objects.values().get().values())
    assert "198.51.100.23" not in stored
    assert len(click.visitor_key) == 64


def test_the_same_visitor_within_24_hours_is_credited_once_but_every_request_is_kept(share):
    assert visit(share).status_code == 302
    assert visit(share).status_code == 302
    assert [c.refusal for c in Click.objects.order_by("pk")] == ["", Refusal.REPEAT]
    share.refresh_from_db()
    assert share.credited_clicks == 1


def test_the_same_visitor_is_credited_again_after_24_hours(share):
    start = timezone.now() - timedelta(hours=30)
    first = click_record(code=share.code, method="GET", user_agent=CHROME, ip="1.2.3.4", at=start)
    again = click_record(
        code=share.code,
        method="GET",
        user_agent=CHROME,
        ip="1.2.3.4",
        at=start + timedelta(hours=25),
    )
    assert first.credited and again.credited


def test_a_repeat_across_midnight_is_still_one_visitor(share):
    midnight = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    before = click_record(
        code=share.code,
        method="GET",
        user_agent=CHROME,
        ip="1.2.3.4",
        at=midnight - timedelta(minutes=10),
    )
    after = click_record(
        code=share.code,
        method="GET",
        user_agent=CHROME,
        ip="1.2.3.4",
        at=midnight + timedelta(minutes=10),
    )
    assert before.credited and not after.credited
    assert after.click.refusal == Refusal.REPEAT


def test_colleagues_behind_one_office_address_count_separately(share):
    visit(share, ua=CHROME, ip="203.0.113.1")
    visit(share, ua=FIREFOX, ip="203.0.113.1")
    assert Click.objects.filter(credited=True).count() == 2


@pytest.mark.parametrize(
    "agent",
    [
        "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient)",
        "Twitterbot/1.0",
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
        "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)",
        "WhatsApp/2.23.20.0 A",
    ],
)
def test_link_preview_fetchers_get_the_redirect_but_no_credit(share, agent):
    response = visit(share, ua=agent)
    assert response.status_code == 302
    click = Click.objects.get()
    assert (click.credited, click.ua_class, click.refusal) == (False, "preview", Refusal.PREVIEW)


@pytest.mark.parametrize("agent", ["python-requests/2.32", "curl/8.5.0", "", "Googlebot/2.1"])
def test_bots_are_not_credited(share, agent):
    assert visit(share, ua=agent).status_code == 302
    assert Click.objects.get().refusal == Refusal.BOT


def test_head_requests_get_the_redirect_and_are_never_credited(share):
    response = visit(share, method="head")
    assert response.status_code == 302
    click = Click.objects.get()
    assert (click.credited, click.method, click.refusal) == (False, "HEAD", Refusal.HEAD)
    # A real visit afterwards from the same browser is still credited.
    visit(share)
    assert Click.objects.filter(credited=True).count() == 1


def test_the_sharers_own_logged_in_session_is_not_credited(share):
    client = Client()
    client.force_login(share.user)
    assert visit(share, client=client).status_code == 302
    assert Click.objects.get().refusal == Refusal.OWN_SESSION


def test_another_employee_logged_in_is_credited(share):
    client = Client()
    client.force_login(UserFactory())
    visit(share, client=client)
    assert Click.objects.get().credited


def test_the_daily_credit_cap_per_share_holds_and_refused_clicks_are_kept(share):
    settings = SharingSettings.load()
    settings.daily_click_cap = 2
    settings.save()
    for index in range(4):
        visit(share, ip=f"203.0.113.{index}")
    assert [c.refusal for c in Click.objects.order_by("pk")] == [
        "",
        "",
        Refusal.DAILY_CAP,
        Refusal.DAILY_CAP,
    ]


def test_clicks_past_the_points_cap_are_credited_but_earn_nothing(share):
    points = PointsSettings.load()
    points.click_cap_per_share = 2
    points.save()
    for index in range(3):
        visit(share, ip=f"203.0.113.{index}")
    share.refresh_from_db()
    assert share.credited_clicks == 3
    assert LedgerEntry.objects.filter(reason="click").count() == 2


def test_unknown_code_is_a_404_and_stores_nothing():
    response = Client().get("/l/NotARealCode12345", HTTP_USER_AGENT=CHROME)
    assert response.status_code == 404
    assert not Click.objects.exists()


@pytest.mark.parametrize(
    "path",
    [
        "/l/{code}/extra",
        "/l/{code}/https://evil.example",
        "/l//evil.example",
        "/l/%2F%2Fevil.example",
        "/l/",
    ],
)
def test_open_redirect_attempts_go_nowhere(share, path):
    response = Client().get(path.format(code=share.code), HTTP_USER_AGENT=CHROME, follow=True)
    # Not a tracked link: a 404, or (for an anonymous visitor) the portal's login page.
    assert response.status_code == 404 or response.request["PATH_INFO"] == "/accounts/login/"
    # At most Django's own trailing-slash redirect, within this site.
    assert all(
        url.startswith("/") and not url.startswith("//") for url, _ in response.redirect_chain
    )
    assert not Click.objects.exists()


def test_next_and_other_parameters_are_ignored(share):
    response = Client().get(
        f"/l/{share.code}?next=https://evil.example&url=//evil.example", HTTP_USER_AGENT=CHROME
    )
    assert response.status_code == 302
    assert urlsplit(response["Location"]).netloc == "northwind.example"


def test_a_retracted_post_shows_a_neutral_page_not_a_redirect_and_keeps_the_click(share):
    post_retract(post=share.post, by=None, skip_permission_checks=True)
    response = visit(share)
    assert response.status_code == 410
    assert "Location" not in response
    assert b"no longer available" in response.content
    assert b"northwind.example" not in response.content
    assert Click.objects.get().refusal == Refusal.UNAVAILABLE


def test_a_reader_credited_before_the_post_was_retracted_is_refused_as_unavailable(share):
    assert visit(share).status_code == 302
    post_retract(post=share.post, by=None, skip_permission_checks=True)
    assert visit(share).status_code == 410  # the same reader: a repeat, on a retracted post
    assert visit(share, ua="Twitterbot/1.0").status_code == 410
    refusals = list(Click.objects.order_by("pk").values_list("credited", "refusal"))
    assert refusals == [
        (True, Refusal.CREDITED), (False, Refusal.UNAVAILABLE), (False, Refusal.UNAVAILABLE)
    ]  # fmt: skip


def test_a_repeat_reader_logged_in_as_a_colleague_is_refused_as_a_repeat(share):
    client = Client()
    client.force_login(UserFactory())
    assert visit(share, client=client).status_code == 302
    assert visit(share).status_code == 302  # the same browser and address, logged out
    assert visit(share, client=client).status_code == 302
    refusals = list(Click.objects.order_by("pk").values_list("refusal", flat=True))
    assert refusals == [Refusal.CREDITED, Refusal.REPEAT, Refusal.REPEAT]
    assert Share.objects.get(pk=share.pk).credited_clicks == 1


def test_an_expired_post_shows_the_neutral_page(share):
    post = share.post
    post.unpublish(set_expired=True)
    response = visit(share)
    assert response.status_code == 410
    assert Click.objects.get().refusal == Refusal.UNAVAILABLE


def test_a_post_past_its_expiry_time_is_unavailable_even_before_the_scheduler_runs(share):
    SharePostPage.objects.filter(pk=share.post_id).update(
        expire_at=timezone.now() - timedelta(minutes=1)
    )
    assert visit(share).status_code == 410


def test_the_redirect_is_not_cacheable(share):
    response = visit(share)
    assert "no-store" in response["Cache-Control"]


def test_codes_are_random_and_unguessable():
    post = post_create(captions={"linkedin": ["a"], "x": ["b"]})
    codes = set()
    for _ in range(5):
        user = advocate_make(platforms=["linkedin"])
        codes.add(share_create(user=user, post=post, platform="linkedin", text="a").share.code)
    assert len(codes) == 5
    assert all(len(code) == 16 and not code.isdigit() for code in codes)


# SQLite's BEGIN and COMMIT included, and on PostgreSQL the statement that would have
# stored a repeat reader's click (tests/sharing/test_hot_path_queries.py pins each step).
CREDITED_BUDGET = 14


def _history(share, size: int):
    for index in reversed(range(size)):  # oldest first, as they happen
        click_record(
            code=share.code,
            method="GET",
            user_agent=f"{CHROME} {index}",
            ip="203.0.113.9",
            at=timezone.now() - timedelta(hours=30 + index),
        )


@pytest.mark.parametrize("size", [1, 60])
def test_the_credited_path_uses_a_fixed_number_of_queries(
    share, size, django_assert_max_num_queries
):
    _history(share, size)
    # Ours: share, aggregate, click, counter; the rest is points_award's.
    with django_assert_max_num_queries(CREDITED_BUDGET):
        response = visit(share, ua=FIREFOX, ip="192.0.2.200")
    assert response.status_code == 302
    assert Click.objects.filter(credited=True, ua_class="person").count() >= 1
    assert Share.objects.get(pk=share.pk).credited_clicks == size + 1


@pytest.mark.parametrize("size", [1, 60])
def test_the_refused_path_uses_a_fixed_number_of_queries(
    share, size, django_assert_max_num_queries
):
    _history(share, size)
    with django_assert_max_num_queries(4):
        response = visit(share, ua="Twitterbot/1.0")
    assert response.status_code == 302


def test_the_credited_path_costs_the_same_with_a_long_history(share):
    def credited_visit(ip):
        with CaptureQueriesContext(connection) as queries:
            assert visit(share, ua=FIREFOX, ip=ip).status_code == 302
        return len(queries)

    points = PointsSettings.load()
    points.click_cap_per_share = 1000  # every click here earns points, as in a fresh share
    points.save()
    visit(share, ip="192.0.2.1")  # warm: the first credited click creates the score rows
    small = credited_visit("192.0.2.2")
    _history(share, 80)
    large = credited_visit("192.0.2.3")
    assert small == large
    assert Click.objects.filter(credited=True).count() >= 3
