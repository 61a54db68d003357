"""Races only a real database shows: a double-clicked confirm and a burst of clicks."""

import pytest

from leaderboard.models import LedgerEntry, Reason
from sharing.models import Click, Share
from sharing.services import click_record, share_create
from tests.sharing.factories import advocate_make, post_create
from tests.threads import run_many

# Transactional: the threads need committed rows. The factories rebuild the page tree
# that a flush removes (serialized rollback would clash with recreated content types).
pytestmark = pytest.mark.django_db(transaction=True)
CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0 Safari/537.36"


def test_a_confirm_sent_four_times_at_once_makes_one_share_and_one_award(postgres):
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
