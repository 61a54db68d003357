"""The demo library is what the issue describes, made through the real services."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Sum

from leaderboard.models import LedgerEntry
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
    # Points follow from the history: one award per earning share and per credited click
    # within the points cap.
    earning = Share.objects.filter(earned_points=True).count()
    assert LedgerEntry.objects.filter(reason="share").count() == earning
    credited = Share.objects.aggregate(n=Sum("credited_clicks"))["n"]
    assert 0 < LedgerEntry.objects.filter(reason="click").count() <= credited
