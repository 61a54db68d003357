"""Campaign writes: announcing a start and recording milestones, each exactly once.

Both run in a task (sharing.campaigns_tasks), never in the request of the share or click
that moved a campaign: the broadcaster, pushing the campaign's bar after commit, sees a
milestone passed and not yet recorded and queues the task. A unique key on campaign and
milestone makes any number of concurrent checks thank people once; the hooks and the
thanks go out only when the recording commits.
"""

from datetime import datetime

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from leaderboard import broadcast
from leaderboard.models import Badge, Criterion
from leaderboard.services.badges import badge_award_create
from notifications.services import notification_send
from people.models import User
from sharing.campaigns import CAMPAIGN_MILESTONE, CAMPAIGN_STARTED, CAMPAIGN_THANKS, hooks_fire
from sharing.models import STARTED, Campaign, CampaignMilestone
from sharing.selectors.campaigns import (
    CampaignProgress,
    campaign_milestones_recorded,
    campaign_participant_ids,
    campaign_progress,
    milestones_due,
)


def _record(*, campaign: Campaign, percent: int, total: int, at: datetime) -> bool:
    """Insert the (campaign, percent) row; False when it exists (concurrently, too)."""
    try:
        with transaction.atomic():
            CampaignMilestone.objects.create(
                campaign=campaign, percent=percent, total=total, reached_at=at
            )
    except IntegrityError:
        return False
    return True


@transaction.atomic
def campaign_start_announce(*, campaign: Campaign, at: datetime | None = None) -> bool:
    """Tell the CAMPAIGN_STARTED hooks, once, that `campaign` (with a goal) is running.
    Returns whether this call announced it; a campaign not running yet is left for later."""
    at = at or timezone.now()
    if not campaign.has_goal or not campaign.is_running(timezone.localdate(at)):
        return False
    if not _record(campaign=campaign, percent=STARTED, total=0, at=at):
        return False
    transaction.on_commit(lambda: hooks_fire(CAMPAIGN_STARTED, campaign))
    return True


def campaigns_start_due(*, at: datetime | None = None) -> int:
    """Announce every running campaign whose start was not announced yet (cron)."""
    at = at or timezone.now()
    today = timezone.localdate(at)
    waiting = Campaign.objects.filter(target__isnull=False, starts_on__lte=today).exclude(
        milestones__percent=STARTED
    )
    return sum(campaign_start_announce(campaign=c, at=at) for c in waiting)


def _thanks(campaign: Campaign, progress: CampaignProgress, percent: int) -> tuple[str, str]:
    figure = f"{progress.total} of {progress.target} {progress.unit}"
    others = progress.participants - 1
    together = (
        f"You and {others} colleague{'s' if others != 1 else ''} took part."
        if others > 0
        else "You took part."
    )
    if percent >= 100:
        title = f"“{campaign.name}” reached its goal"
        body = f"{figure.capitalize()}: the goal is reached. Thank you. {together}"
    else:
        title = f"“{campaign.name}” is {percent}% of the way there"
        body = f"{figure.capitalize()} so far. Thank you. {together}"
    return title, body


def campaign_badge(*, campaign: Campaign) -> Badge:
    """The badge the campaign gives: its own, or one made from its name (then kept)."""
    if campaign.badge_id:
        return campaign.badge
    badge, _ = Badge.objects.get_or_create(
        slug=f"campaign-{campaign.slug}"[:80],
        defaults={
            "name": campaign.name[:80],
            "criterion": Criterion.CAMPAIGN,
            "description": f"Took part in “{campaign.name}”, whose goal colleagues reached "
            "together.",
        },
    )
    Campaign.objects.filter(pk=campaign.pk).update(badge=badge)
    campaign.badge = badge
    return badge


def _goal_badges(campaign: Campaign, people: list[User], progress: CampaignProgress) -> None:
    badge = campaign_badge(campaign=campaign)
    if not badge.active:
        return
    evidence = (
        f"Took part in “{campaign.name}”: {progress.total} {progress.total_unit} "
        f"against a goal of {progress.target}."
    )[:200]
    for person in people:
        award = badge_award_create(badge=badge, user=person, evidence=evidence)
        if award is not None:
            broadcast.points_changed_on_commit(user_id=person.pk, award_ids=[award.pk])


@transaction.atomic
def campaign_milestones_record(*, campaign_id: int, at: datetime | None = None) -> list[int]:
    """Record every milestone (25/50/100%) the campaign's committed figures have passed
    and that is not recorded yet; for each newly recorded one, thank everyone who took
    part (a notification; by email when they opted in to alerts) and, at 100%, give each
    of them the campaign's badge. After commit the CAMPAIGN_MILESTONE hooks hear of each.

    Idempotent, also under concurrency: each (campaign, milestone) is recorded by one
    call only, and only that call thanks. Returns the milestones this call recorded."""
    at = at or timezone.now()
    campaign = Campaign.objects.select_related("badge").filter(pk=campaign_id).first()
    if campaign is None or not campaign.has_goal:
        return []
    campaign_start_announce(campaign=campaign, at=at)
    progress = campaign_progress(campaign=campaign)
    recorded = campaign_milestones_recorded(campaign_ids=[campaign.pk])[campaign.pk]
    new = [
        percent
        for percent in milestones_due(progress, recorded)
        if _record(campaign=campaign, percent=percent, total=progress.total, at=at)
    ]
    if not new:
        return []
    people = list(
        User.objects.filter(
            pk__in=campaign_participant_ids(campaign=campaign), is_active=True
        ).order_by("pk")
    )
    url = reverse("sharing:campaign", args=[campaign.slug])
    for percent in new:
        title, body = _thanks(campaign, progress, percent)
        for person in people:
            notification_send(
                user=person,
                kind=CAMPAIGN_THANKS,
                title=title,
                body=body,
                url=url,
                key=f"campaign:{campaign.pk}:{percent}:{person.pk}",
            )
    if 100 in new:
        _goal_badges(campaign, people, progress)
    transaction.on_commit(
        lambda: [hooks_fire(CAMPAIGN_MILESTONE, campaign, percent) for percent in new]
    )
    return new
