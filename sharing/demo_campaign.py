"""Demo campaign: "Spring launch" becomes a running goal at 60% of its target, its first two
milestones recorded (and everyone who took part thanked) as if reached along the way."""

from datetime import timedelta

from django.utils import timezone

from sharing.models import Campaign, GoalKind
from sharing.selectors.campaigns import campaign_progress
from sharing.services.campaigns import campaign_milestones_record

SLUG = "spring-launch"
SHOWN_AT = 60  # percent of the goal the demo shows


def _target_for(total: int) -> int:
    """The target at which `total` is SHOWN_AT percent (whole percents, as shown)."""
    target = max(round(total * 100 / SHOWN_AT), 1)
    while target > 1 and total * 100 // target < SHOWN_AT:
        target -= 1
    while total * 100 // target > SHOWN_AT:
        target += 1
    return target


def seed(*, stdout) -> int:
    """Give the spring campaign its goal; nothing when it has one (or does not exist)."""
    campaign = Campaign.objects.filter(slug=SLUG, target__isnull=True).first()
    if campaign is None:
        return 0
    today = timezone.localdate()
    campaign.goal_kind = GoalKind.CLICKS
    campaign.starts_on = today - timedelta(weeks=9)  # the whole demo history counts
    campaign.ends_on = today + timedelta(days=18)
    campaign.description = (
        "Our spring launch, told by the people who built it. Together we are aiming for "
        "credited clicks on the launch posts before the end of the month."
    )
    campaign.target = 1  # counted first, then set so the demo shows SHOWN_AT percent
    campaign.save()
    total = campaign_progress(campaign=campaign).total
    if total == 0:
        campaign.target = None  # no clicks yet (a demo without history): no goal to show
        campaign.save(update_fields=["target"])
        return 0
    campaign.target = _target_for(total)
    campaign.save(update_fields=["target"])
    reached = campaign_milestones_record(campaign_id=campaign.pk)
    stdout.write(
        f"  campaign “{campaign.name}”: {total} of {campaign.target} credited clicks "
        f"(milestones {reached})"
    )
    return 1
