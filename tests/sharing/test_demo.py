"""The demo library is what the issue describes, made through the real services."""

from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Sum

from leaderboard.models import LEARNING_REASONS, LedgerEntry
from leaderboard.selectors import leaderboard_top, user_totals
from leaderboard.services.reconcile import leaderboard_reconcile
from people.models import User
from sharing.captions import caption_problem
from sharing.models import Campaign, Click, Share, SharePostPage, Suggestion

pytestmark = pytest.mark.django_db


def test_the_demo_library_has_every_state_and_an_advocate_with_honest_clicks():
    call_command("seed_demo", "--force", stdout=StringIO())
    posts = SharePostPage.objects.all()
    demo = posts.exclude(slug__startswith="suggestion-")
    assert demo.count() >= 12
    assert demo.filter(live=True).count() >= 10
    assert demo.filter(live=False, go_live_at__isnull=False, expired=False).count() >= 1
    assert demo.filter(expired=True).count() == 1
    assert demo.filter(retracted_at__isnull=False).count() == 1
    assert Campaign.objects.exists() and demo.filter(campaign__isnull=False).exists()
    for post in demo:
        counts = {}
        for caption in post.captions.all():
            counts[caption.platform] = counts.get(caption.platform, 0) + 1
            label = f"{caption.platform} {counts[caption.platform]} of {post.slug}"
            assert (
                caption_problem(
                    platform=caption.platform,
                    text=caption.text,
                    disclosure="#employee",
                    label=label,
                )
                is None
            )
    assert set(Suggestion.objects.values_list("state", flat=True)) == {
        "pending",
        "accepted",
        "declined",
    }

    mine = Share.objects.filter(user__username="advocate")
    assert mine.count() >= 8
    assert Click.objects.filter(share__in=mine, credited=True).exists()
    assert Click.objects.filter(share__in=mine, credited=False).exists()
    assert mine.filter(retracted_at__isnull=False).exists()
    weeks = {share.created_at.isocalendar()[:2] for share in Share.objects.all()}
    assert len(weeks) >= 5
    assert Share.objects.values("user").distinct().count() >= 3
    # Points follow from the history: one award per share within the cap that found its
    # first reader in time (the rest wait, or found none), and per credited click within
    # the points cap.
    earning = Share.objects.filter(earned_points=True, points_due_until__isnull=True)
    assert LedgerEntry.objects.filter(reason="share").count() == earning.count()
    assert earning.filter(credited_clicks=0).count() == 0
    assert Share.objects.filter(earned_points=True, points_due_until__isnull=False).exists()
    # The board ranks sharing: learning is in the ledger with no points, the new hire has
    # none, and nobody ties in a crowd the way "Mark as complete" once made them.
    assert not LedgerEntry.objects.filter(reason__in=LEARNING_REASONS).exclude(points=0).exists()
    newhire = User.objects.get(username="newhire")
    assert user_totals(user=newhire) == {"week": 0, "month": 0, "all": 0}
    for period in ("week", "month", "all"):
        board = leaderboard_top(period=period)
        assert board and max(Counter(row.points for row in board).values()) <= 3
    assert leaderboard_reconcile() == []
    credited = Share.objects.aggregate(n=Sum("credited_clicks"))["n"]
    assert 0 < LedgerEntry.objects.filter(reason="click").count() <= credited
