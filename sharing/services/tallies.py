"""A campaign's per-person tallies (sharing.models.CampaignPerson): added to by each share
and credited click on its posts, recounted when its dates or posts change.

Adding runs in the transaction that records the share or the click, so the tally commits
with it or not at all. A recount locks nothing the hot path waits on for long: it deletes
and rewrites the campaign's rows in one transaction, and an addition racing it either
waits for that row (and then adds to the recount) or was not yet committed when the recount
read the clicks (and adds afterwards), so every action counts once.
"""

from collections import defaultdict
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from portal.periods import local_day
from portal.rows import upsert
from sharing.models import Campaign, CampaignPerson, Click, Share


def campaign_tally_add(
    *, campaign: Campaign | None, user_id: int, at: datetime, shares: int = 0, clicks: int = 0
) -> None:
    """Count a share or a credited click by `user_id` on one of `campaign`'s posts (None:
    the post is in no campaign) when `at` falls within its dates. One statement."""
    if campaign is None or not campaign.is_running(local_day(at)):
        return
    upsert(
        CampaignPerson,
        ("campaign", "user"),
        ("shares", "clicks"),
        [(campaign.pk, user_id, shares, clicks)],
        add=True,
    )


def _local_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def campaign_tally_rebuild(*, campaign_id: int) -> int:
    """Recount the campaign's tallies from its posts' shares and credited clicks within
    its dates (two aggregates, bounded by the dates so the indexes are used). Returns the
    number of people taking part."""
    with transaction.atomic():
        campaign = Campaign.objects.select_for_update().filter(pk=campaign_id).first()
        if campaign is None:
            return 0
        CampaignPerson.objects.filter(campaign=campaign).delete()
        within = Q(created_at__gte=_local_start(campaign.starts_on))
        clicked = Q(at__gte=_local_start(campaign.starts_on))
        if campaign.ends_on is not None:
            end = _local_start(campaign.ends_on + timedelta(days=1))
            within &= Q(created_at__lt=end)
            clicked &= Q(at__lt=end)
        people: dict[int, list[int]] = defaultdict(lambda: [0, 0])
        shares = (
            Share.objects.filter(within, post__campaign=campaign)
            .values_list("user_id")
            .annotate(n=Count("pk"))
            .order_by()
        )
        for user_id, n in shares:
            people[user_id][0] = n
        clicks = (
            Click.objects.filter(clicked, credited=True, share__post__campaign=campaign)
            .values_list("share__user_id")
            .annotate(n=Count("pk"))
            .order_by()
        )
        for user_id, n in clicks:
            people[user_id][1] = n
        CampaignPerson.objects.bulk_create(
            (
                CampaignPerson(campaign=campaign, user_id=u, shares=s, clicks=c)
                for u, (s, c) in people.items()
            ),
            batch_size=5000,
        )
        return len(people)


def campaign_tallies_rebuild(*, campaign_ids: list[int] | None = None) -> int:
    """Recount every campaign (or those in `campaign_ids`): after bulk loads that bypass
    the services (the bench's data set), and when posts move between campaigns."""
    if campaign_ids is None:
        campaign_ids = list(Campaign.objects.values_list("pk", flat=True))
    return sum(campaign_tally_rebuild(campaign_id=pk) for pk in campaign_ids)


def campaign_saved(sender, instance: Campaign, created: bool, raw: bool = False, **kwargs):
    """post_save of a campaign: its dates may have moved, so recount it in the same
    transaction (a new campaign has no posts yet: nothing to count)."""
    if raw or created:
        return
    campaign_tally_rebuild(campaign_id=instance.pk)
