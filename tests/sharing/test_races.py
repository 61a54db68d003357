"""Races only a real database shows: a double-clicked confirm, a burst of clicks, and
concurrent requests against each cap (weekly shares, daily credits, click points)."""

import pytest

from leaderboard.models import LedgerEntry, PointsSettings, Reason
from sharing.models import Click, Share, SharingSettings
from sharing.services import click_record, share_create
from tests.sharing.factories import advocate_make, points_on_confirm, post_create
from tests.threads import run_many, run_together

# Transactional: the threads need committed rows. The factories rebuild the page tree
# that a flush removes (serialized rollback would clash with recreated content types).
pytestmark = pytest.mark.django_db(transaction=True)
CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0 Safari/537.36"


def test_a_confirm_sent_four_times_at_once_makes_one_share_and_one_award(postgres):
    points_on_confirm()
    post = post_create()
    user = advocate_make()
    outcomes = run_many(
        lambda: share_create(user=user, post=post, platform="linkedin", text="Hi"), 4
    )
    assert Share.objects.count() == 1
    assert len({o.share.code for o in outcomes}) == 1
    assert sum(o.created for o in outcomes) == 1
    assert LedgerEntry.objects.filter(reason=Reason.SHARE).count() == 1


def test_one_reader_clicking_four_times_at_once_is_credited_once(postgres):
    post = post_create()
    share = share_create(user=advocate_make(), post=post, platform="linkedin", text="Hi").share
    run_many(
        lambda: click_record(code=share.code, method="GET", user_agent=CHROME, ip="1.2.3.4"), 4
    )
    assert Click.objects.count() == 4
    assert Click.objects.filter(credited=True).count() == 1
    share.refresh_from_db()
    assert share.credited_clicks == 1
    assert LedgerEntry.objects.filter(reason=Reason.CLICK).count() == 1


def test_concurrent_shares_on_different_posts_and_networks_stop_at_the_weekly_cap(postgres):
    points_on_confirm()
    settings = SharingSettings.load()
    settings.weekly_cap = 6
    settings.save()
    user = advocate_make(platforms=["linkedin", "x"])
    captions = {"linkedin": ["Hi"], "x": ["Hi"]}
    for _ in range(5):
        share_create(user=user, post=post_create(captions=captions), platform="linkedin", text="Hi")
    posts = [post_create(captions=captions) for _ in range(10)]
    outcomes = run_together(
        *(
            lambda post=post, platform=platform: share_create(
                user=user, post=post, platform=platform, text="Hi"
            )
            for post, platform in zip(posts, ["linkedin", "x"] * 5, strict=True)
        )
    )
    assert all(o.created for o in outcomes)
    assert sum(o.points > 0 for o in outcomes) == 1
    assert Share.objects.filter(user=user).count() == 15
    assert Share.objects.filter(user=user, earned_points=True).count() == 6
    assert LedgerEntry.objects.filter(user=user, reason=Reason.SHARE).count() == 6


def _burst_from_different_readers(share, times: int) -> None:
    run_together(
        *(
            lambda ip=f"198.51.100.{index}": click_record(
                code=share.code, method="GET", user_agent=CHROME, ip=ip
            )
            for index in range(times)
        )
    )


def test_a_burst_of_readers_earns_click_points_exactly_up_to_the_cap(postgres):
    points = PointsSettings.load()
    points.click_cap_per_share = 3
    points.save()
    share = share_create(
        user=advocate_make(), post=post_create(), platform="linkedin", text="Hi"
    ).share
    _burst_from_different_readers(share, 10)
    assert Click.objects.filter(credited=True).count() == 10
    assert Share.objects.get(pk=share.pk).credited_clicks == 10
    assert LedgerEntry.objects.filter(reason=Reason.CLICK).count() == 3


def test_a_burst_of_first_readers_earns_the_share_points_once(postgres):
    share = share_create(
        user=advocate_make(), post=post_create(), platform="linkedin", text="Hi"
    ).share
    _burst_from_different_readers(share, 6)
    assert LedgerEntry.objects.filter(reason=Reason.SHARE, key=f"share:{share.pk}").count() == 1
    assert Share.objects.get(pk=share.pk).points_due_until is None


def test_a_burst_of_readers_is_credited_exactly_up_to_the_daily_cap(postgres):
    settings = SharingSettings.load()
    settings.daily_click_cap = 3
    settings.save()
    share = share_create(
        user=advocate_make(), post=post_create(), platform="linkedin", text="Hi"
    ).share
    _burst_from_different_readers(share, 10)
    assert Click.objects.count() == 10
    assert Click.objects.filter(credited=True).count() == 3
    assert Share.objects.get(pk=share.pk).credited_clicks == 3
