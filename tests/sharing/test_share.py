"""Sharing a post: the form, one share per post and network, caps, variants, disclosure."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from leaderboard.models import LedgerEntry
from sharing.models import Share, SharingSettings
from sharing.services import SharingError, post_retract, preferences_set, share_create
from tests.sharing.factories import advocate_make, points_on_confirm, post_create

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def share_url(post, platform="linkedin"):
    return f"/share/posts/{post.pk}/{platform}/"


def test_the_post_page_shows_one_button_per_network_the_post_and_advocate_have():
    post = post_create(captions={"linkedin": ["L"], "x": ["X"], "facebook": ["F"]})
    user = advocate_make(platforms=["linkedin", "x", "bluesky"])
    html = client_for(user).get(post.url).content.decode()
    assert "Share on LinkedIn" in html and "Share on X" in html
    assert "Share on Facebook" not in html and "Share on Bluesky" not in html
    assert "Also written for Facebook" in html


def test_the_form_is_prefilled_with_a_variant_and_shows_the_count_against_the_limit():
    post = post_create(captions={"x": ["Launch day & more #news"]})
    user = advocate_make(platforms=["x"])
    response = client_for(user).get(share_url(post, "x"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Launch day &amp; more #news" in html
    assert 'data-limit="280"' in html and 'data-link-cost="23"' in html
    assert "#employee" in html


def test_htmx_gets_the_form_fragment_and_a_plain_request_the_full_page():
    post = post_create()
    client = client_for(advocate_make())
    fragment = client.get(share_url(post), HTTP_HX_REQUEST="true")
    assert "<html" not in fragment.content.decode()
    assert "data-share-form" in fragment.content.decode()
    full = client.get(share_url(post))
    assert "<html" in full.content.decode() and "data-share-form" in full.content.decode()


@pytest.mark.parametrize("htmx", [True, False])
def test_confirming_records_the_share_and_gives_the_network_page_with_the_tracked_link(htmx):
    post = post_create(captions={"x": ["Relay 5 is live & great"]})
    user = advocate_make(platforms=["x"])
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    response = client_for(user).post(
        share_url(post, "x"),
        {"text": "Relay 5 is live & great 🎉", "include_disclosure": "on", "variant": "0"},
        **headers,
    )
    assert response.status_code == 200
    share = Share.objects.get(user=user)
    assert share.caption == "Relay 5 is live & great 🎉\n\n#employee"
    html = response.content.decode()
    assert ("<html" in html) is not htmx
    assert f"/l/{share.code}" in html
    assert "https://x.com/intent/post?text=Relay%205%20is%20live%20%26%20great" in html
    assert "Waiting for its first reader" in html  # its points come with a real reader
    assert not LedgerEntry.objects.filter(key=f"share:{share.pk}", reason="share").exists()


def test_sharing_again_reuses_the_link_and_earns_nothing_more():
    points_on_confirm()
    post = post_create()
    user = advocate_make()
    first = share_create(user=user, post=post, platform="linkedin", text="One")
    again = share_create(user=user, post=post, platform="linkedin", text="Two")
    assert again.share.pk == first.share.pk and not again.created
    assert "same link" in again.message
    assert Share.objects.count() == 1
    assert LedgerEntry.objects.filter(reason="share").count() == 1
    # The same through the view: a second confirm shows the same link.
    response = client_for(user).post(share_url(post), {"text": "Three", "variant": "0"})
    assert f"/l/{first.share.code}" in response.content.decode()


def test_a_caption_too_long_for_the_network_is_refused_with_the_overflow_and_nothing_saved():
    post = post_create(captions={"x": ["short"]})
    user = advocate_make(platforms=["x"])
    client = client_for(user)
    text = "a" * 260
    response = client.post(share_url(post, "x"), {"text": text, "variant": "0"})
    assert response.status_code == 400
    assert "characters too long for X" in response.content.decode()
    fragment = client.post(
        share_url(post, "x"), {"text": text, "variant": "0"}, HTTP_HX_REQUEST="true"
    )
    assert fragment.status_code == 422
    assert not Share.objects.exists()


def test_the_disclosure_cannot_be_removed_unless_the_programme_allows_it():
    post = post_create()
    user = advocate_make()
    share = share_create(
        user=user, post=post, platform="linkedin", text="Hi", include_disclosure=False
    ).share
    assert share.caption.endswith("#employee")
    settings = SharingSettings.load()
    settings.advocates_may_remove_disclosure = True
    settings.save()
    other = post_create()
    share = share_create(
        user=user, post=other, platform="linkedin", text="Hi", include_disclosure=False
    ).share
    assert share.caption == "Hi"


def test_past_the_weekly_cap_a_share_is_recorded_earns_nothing_and_says_why():
    points_on_confirm()
    settings = SharingSettings.load()
    settings.weekly_cap = 2
    settings.save()
    user = advocate_make()
    posts = [post_create() for _ in range(3)]
    outcomes = [
        share_create(user=user, post=post, platform="linkedin", text="Hi") for post in posts
    ]
    assert [o.share.earned_points for o in outcomes] == [True, True, False]
    assert outcomes[2].share.no_points_reason == "weekly_cap"
    assert "earns no points" in outcomes[2].message
    assert "weekly cap of 2" in outcomes[2].message
    assert LedgerEntry.objects.filter(reason="share").count() == 2
    response = client_for(user).get("/share/mine/")
    assert "No points: past the programme&#x27;s weekly cap" in response.content.decode()


def test_the_cap_counts_from_monday_so_last_weeks_shares_do_not_count():
    settings = SharingSettings.load()
    settings.weekly_cap = 1
    settings.save()
    user = advocate_make()
    last_week = timezone.now() - timedelta(days=8)
    share_create(user=user, post=post_create(), platform="linkedin", text="a", at=last_week)
    outcome = share_create(user=user, post=post_create(), platform="linkedin", text="b")
    assert outcome.share.earned_points


def test_a_personal_cap_below_the_programmes_applies_and_is_named():
    user = advocate_make()
    preferences_set(user=user, weekly_cap=1)
    first = share_create(user=user, post=post_create(), platform="linkedin", text="a")
    second = share_create(user=user, post=post_create(), platform="linkedin", text="b")
    assert first.share.earned_points and not second.share.earned_points
    assert second.share.no_points_reason == "personal_cap"
    assert "your personal weekly cap of 1" in second.message


def test_variants_rotate_between_advocates():
    post = post_create(captions={"linkedin": ["First", "Second", "Third"]})
    seen = []
    for _ in range(4):
        user = advocate_make()
        html = client_for(user).get(share_url(post)).content.decode()
        seen.append(next(v for v in ["First", "Second", "Third"] if f">{v}</textarea>" in html))
        variant = ["First", "Second", "Third"].index(seen[-1])
        share_create(user=user, post=post, platform="linkedin", text=seen[-1], variant=variant)
    assert seen == ["First", "Second", "Third", "First"]


def test_a_network_the_advocate_does_not_use_is_refused():
    post = post_create(captions={"linkedin": ["L"], "x": ["X"]})
    user = advocate_make(platforms=["linkedin"])
    with pytest.raises(SharingError, match="Add X"):
        share_create(user=user, post=post, platform="x", text="X")
    assert client_for(user).get(share_url(post, "x")).status_code == 403


def test_a_platform_without_a_caption_is_a_404():
    post = post_create(captions={"linkedin": ["L"]})
    user = advocate_make(platforms=["linkedin", "x"])
    assert client_for(user).get(share_url(post, "x")).status_code == 404


def test_copy_only_networks_get_copy_buttons_and_no_share_page():
    post = post_create(captions={"instagram": ["Look at this"]})
    user = advocate_make(platforms=["instagram"])
    response = client_for(user).post(share_url(post, "instagram"), {"text": "Look", "variant": "0"})
    html = response.content.decode()
    assert "Copy caption" in html and "Copy link" in html
    assert "has no share page" in html
    assert "data-open-url" not in html


def test_my_shares_lists_each_share_with_link_clicks_and_state():
    user = advocate_make(platforms=["linkedin", "x"])
    live = post_create(title="Live one", captions={"linkedin": ["a"]})
    gone = post_create(title="Gone one", captions={"x": ["b"]})
    s1 = share_create(user=user, post=live, platform="linkedin", text="a").share
    s2 = share_create(user=user, post=gone, platform="x", text="b").share
    post_retract(post=gone, by=None, skip_permission_checks=True)
    html = client_for(user).get("/share/mine/").content.decode()
    assert f"/l/{s1.code}" in html and f"/l/{s2.code}" in html
    assert "Live one" in html and "Gone one" in html
    assert "Retracted" in html and "Please delete your post on X" in html
    assert "Live</span>" in html
