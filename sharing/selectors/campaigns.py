"""Reads for campaigns: progress towards a goal, who took part, departments side by side.

Every figure is counted on the campaign's posts within its dates (local days, inclusive):
shares made then, credited clicks received then, and the people who did either, read from
the per-person tallies the shares and clicks keep (sharing.services.tallies). A fixed
number of queries whatever the number of shares and clicks; nobody is ever listed for
not taking part, and people are named only with their leaderboard opt-in.
"""

import time
from dataclasses import dataclass
from datetime import date

from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from leaderboard.models import DepartmentMembers
from leaderboard.selectors import DEPARTMENT_MINIMUM
from people.models import ConsentKind, Department, User
from people.selectors import users_with_consent
from sharing.models import MILESTONES, Campaign, CampaignMilestone, CampaignPerson, GoalKind
from sharing.selectors.campaign_counts import campaign_counts
from sharing.selectors.posts import posts_available

NAMED_LIMIT = 60  # names shown on a campaign page; the count is always the full one

UNITS = {
    GoalKind.CLICKS: ("credited click", "credited clicks"),
    GoalKind.SHARES: ("share", "shares"),
    GoalKind.PEOPLE: ("person taking part", "people taking part"),
}


def unit(kind: str, n: int) -> str:
    one, many = UNITS[kind]
    return one if n == 1 else many


@dataclass(frozen=True)
class Milestone:
    percent: int
    reached: bool


@dataclass(frozen=True)
class CampaignProgress:
    campaign: Campaign
    total: int
    participants: int

    @property
    def target(self) -> int:
        return self.campaign.target or 0

    @property
    def percent(self) -> int:
        """Whole percent of the target reached (may pass 100)."""
        return self.total * 100 // self.target if self.target else 0

    @property
    def bar_step(self) -> int:
        """The bar's width in twentieths (portal CSS `.progress-N`; no inline styles)."""
        return min(self.percent, 100) // 5

    @property
    def reached(self) -> bool:
        return bool(self.target) and self.total >= self.target

    @property
    def milestones(self) -> list[Milestone]:
        return [Milestone(m, self.percent >= m) for m in MILESTONES]

    @property
    def unit(self) -> str:
        return unit(self.campaign.goal_kind, self.target)

    @property
    def total_unit(self) -> str:
        return unit(self.campaign.goal_kind, self.total)

    @property
    def bar_value(self) -> int:
        return min(self.total, self.target)

    @property
    def stage(self) -> str:
        """Where the campaign is today (local): upcoming, running or ended."""
        today = timezone.localdate()
        if today < self.campaign.starts_on:
            return "upcoming"
        if self.campaign.ends_on is not None and today > self.campaign.ends_on:
            return "ended"
        return "running"

    @property
    def days_left(self) -> int | None:
        """Days after today that still count (0 on the last day); None without an end."""
        if self.campaign.ends_on is None:
            return None
        return max((self.campaign.ends_on - timezone.localdate()).days, 0)


def _counts(people: QuerySet[CampaignPerson], group: str) -> dict:
    """Per `group` value: shares, credited clicks and people taking part (one query over
    the campaign's per-person tallies, however many clicks they add up)."""
    rows = (
        people.values(group)
        .annotate(n_shares=Sum("shares"), n_clicks=Sum("clicks"), n_people=Count("pk"))
        .order_by()
    )
    return {row[group]: row for row in rows}


def _total(kind: str, row: dict | None) -> int:
    if row is None:
        return 0
    return row[{GoalKind.CLICKS: "n_clicks", GoalKind.SHARES: "n_shares"}.get(kind, "n_people")]


def campaigns_progress(*, campaigns: list[Campaign]) -> dict[int, CampaignProgress]:
    """Progress of each campaign in `campaigns` (one query for all of them)."""
    if not campaigns:
        return {}
    counts = campaign_counts([c.pk for c in campaigns])
    return {
        c.pk: CampaignProgress(
            campaign=c,
            total=_total(c.goal_kind, counts.get(c.pk)),
            participants=(counts.get(c.pk) or {}).get("n_people", 0),
        )
        for c in campaigns
    }


def campaign_progress(*, campaign: Campaign) -> CampaignProgress:
    """One campaign's total, participants, percent and milestones (one query)."""
    return campaigns_progress(campaigns=[campaign])[campaign.pk]


def campaigns_running(*, today: date | None = None) -> list[Campaign]:
    """Campaigns with a goal whose dates include `today` (one query)."""
    today = today or timezone.localdate()
    return list(
        Campaign.objects.filter(target__isnull=False, starts_on__lte=today)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))
        .order_by("ends_on", "name")
    )


# The running campaigns as the dashboard shows them, to everyone alike: kept until a campaign
# is saved or deleted (campaigns_running_watch moves the generation on) or the day changes.
# The timeout bounds a write that sends no signal (a queryset's update(): only the badge).
RUNNING_KEY = "sharing:campaigns:running"
RUNNING_GENERATION_KEY = "sharing:campaigns:generation"
RUNNING_TIMEOUT = 600


def campaigns_running_shown(*, today: date | None = None) -> list[Campaign]:
    """campaigns_running(today), for pages that show them: from the cache when no campaign
    changed since (one cache round trip, no query)."""
    today = today or timezone.localdate()
    found = cache.get_many([RUNNING_KEY, RUNNING_GENERATION_KEY])
    generation = found.get(RUNNING_GENERATION_KEY)
    if generation is None:
        cache.add(RUNNING_GENERATION_KEY, time.time_ns(), None)
        generation = cache.get(RUNNING_GENERATION_KEY) or 0
    kept = found.get(RUNNING_KEY)
    if kept is not None and kept[:2] == (generation, today):
        return kept[2]
    # Read after the generation: a change committed meanwhile moves it on past this entry.
    running = campaigns_running(today=today)
    cache.set(RUNNING_KEY, (generation, today, running), RUNNING_TIMEOUT)
    return running


def _running_changed(**kwargs) -> None:
    """Forget the kept list now, and again once the change commits (a reader in between
    would have kept what it read before the commit)."""

    def bump() -> None:
        try:
            cache.incr(RUNNING_GENERATION_KEY)
        except ValueError:  # never set, or evicted
            cache.set(RUNNING_GENERATION_KEY, time.time_ns(), None)

    bump()
    transaction.on_commit(bump)


def campaigns_running_watch() -> None:
    """Connect _running_changed to campaign saves and deletes (from the app's ready())."""
    post_save.connect(_running_changed, sender=Campaign, dispatch_uid="sharing-running-save")
    post_delete.connect(_running_changed, sender=Campaign, dispatch_uid="sharing-running-delete")


def campaign_participant_ids(*, campaign: Campaign) -> QuerySet:
    """The ids of everyone who took part: shared one of the posts within the dates, or
    received a credited click on one then."""
    return CampaignPerson.objects.filter(campaign=campaign).values_list("user_id", flat=True)


def campaign_participants_named(*, campaign: Campaign, limit: int = NAMED_LIMIT) -> list[str]:
    """Names of the people who took part and chose to appear on the leaderboard (one
    query). Everyone else who took part is only counted; nobody else is listed."""
    people = (
        users_with_consent(kind=ConsentKind.LEADERBOARD)
        .filter(is_active=True, pk__in=campaign_participant_ids(campaign=campaign))
        .order_by("display_name", "first_name", "last_name", "username")
    )
    return [user.name for user in people[:limit]]


def campaign_milestones_recorded(*, campaign_ids: list[int]) -> dict[int, set[int]]:
    """The milestone percents already recorded for each campaign (one query)."""
    recorded: dict[int, set[int]] = {pk: set() for pk in campaign_ids}
    rows = CampaignMilestone.objects.filter(campaign_id__in=campaign_ids).values_list(
        "campaign_id", "percent"
    )
    for campaign_id, percent in rows:
        recorded[campaign_id].add(percent)
    return recorded


def campaign_milestones_reached(*, campaign: Campaign) -> list[CampaignMilestone]:
    """The milestones the campaign reached, with when (one query; not its start)."""
    return list(campaign.milestones.filter(percent__gt=0).order_by("percent"))


def milestones_due(progress: CampaignProgress, recorded: set[int]) -> list[int]:
    """Milestones the progress has passed that were not recorded yet, lowest first."""
    return [m for m in MILESTONES if progress.percent >= m and m not in recorded]


@dataclass(frozen=True)
class DepartmentLine:
    name: str
    members: int  # opted-in members
    total: int  # what those members contributed
    per_member: float  # total / members: fair to small teams


def campaign_departments(*, campaign: Campaign) -> list[DepartmentLine]:
    """Departments with at least DEPARTMENT_MINIMUM people on the leaderboard, by what
    those people contributed per head (for a "people" goal: the share of them who took
    part, in percent). Only opted-in people count, in the figure and in the divisor.
    Three queries, however many people and clicks."""
    eligible = dict(
        DepartmentMembers.objects.filter(members__gte=DEPARTMENT_MINIMUM).values_list(
            "department_id", "members"
        )
    )
    if not eligible:
        return []
    opted_in = users_with_consent(kind=ConsentKind.LEADERBOARD).filter(is_active=True)
    counts = _counts(
        CampaignPerson.objects.filter(
            campaign=campaign,
            user__department_id__in=list(eligible),
            user__in=opted_in.values("pk"),
        ),
        "user__department",
    )
    names = dict(Department.objects.filter(pk__in=list(eligible)).values_list("pk", "name"))
    lines = []
    for dept_id, members in eligible.items():
        total = _total(campaign.goal_kind, counts.get(dept_id))
        scale = 100 if campaign.goal_kind == GoalKind.PEOPLE else 1
        lines.append(
            DepartmentLine(
                name=names.get(dept_id, ""),
                members=members,
                total=total,
                per_member=round(total * scale / members, 1),
            )
        )
    return sorted(lines, key=lambda line: (-line.per_member, line.name))


def campaign_for_page(*, slug: str) -> Campaign | None:
    return Campaign.objects.filter(slug=slug).select_related("badge").first()


def campaign_posts(*, campaign: Campaign) -> QuerySet:
    """The campaign's posts that can still be shared, newest first (for its page)."""
    return posts_available().filter(campaign=campaign)


def user_took_part(*, campaign: Campaign, user: User) -> bool:
    return campaign_participant_ids(campaign=campaign).filter(user_id=user.pk).exists()
