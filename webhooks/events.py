"""What Chorus tells team chats, and when: a priority post going live (Wagtail's
page_published), a campaign starting and reaching 25/50/100% (the sharing app's
chorus_campaign_started and chorus_campaign_milestone hooks, registered in
wagtail_hooks.py), and the weekly summary (`webhooks_weekly_summary`).

Each event has a key, so announcing it again (publishing a post twice, a milestone hook
heard twice, the summary command run twice in a week) reaches each channel once.
"""

from datetime import datetime, timedelta

from django.urls import reverse
from django.utils import timezone

from people.platforms import PLATFORMS
from sharing.models import Campaign, SharePostPage
from sharing.selectors import posts_available
from sharing.selectors.campaigns import campaign_progress, campaigns_progress, campaigns_running
from webhooks.messages import Item, Message, Section, absolute
from webhooks.models import Delivery, Event
from webhooks.services import deliveries_queue

SUMMARY_POSTS_MAX = 10  # posts listed in a weekly summary; the rest are counted


def _post_message(post: SharePostPage) -> Message:
    platforms = [PLATFORMS[key].label for key in post.caption_platforms() if key in PLATFORMS]
    facts = []
    if platforms:
        facts.append(("Captions for", ", ".join(platforms)))
    departments = sorted(d.name for d in post.departments.all())
    if departments:
        facts.append(("Best for", ", ".join(departments)))
    if post.campaign_id and post.campaign:
        facts.append(("Campaign", post.campaign.name))
    if post.expire_at:
        facts.append(("Share until", f"{timezone.localtime(post.expire_at):%-d %B %Y}"))
    return Message(
        title=f"Priority post: {post.title}",
        text=post.summary,
        url=absolute(post.url or "/share/"),
        facts=facts,
        link_label="Share it from Chorus",
    )


def priority_post_went_live(sender, instance: SharePostPage, **kwargs) -> list[Delivery]:
    """Wagtail's page_published: tell the channels about a priority post once it is live
    (a publication only scheduled sends this too; the go-live publishes again)."""
    post = instance
    if not post.priority or post.retracted_at is not None or not post.live:
        return []
    return deliveries_queue(
        event=Event.PRIORITY_POST, key=f"post:{post.pk}:live", message=_post_message(post)
    )


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _campaign_url(campaign: Campaign) -> str:
    return absolute(reverse("sharing:campaign", args=[campaign.slug]))


def _goal_facts(campaign: Campaign) -> list[tuple[str, str]]:
    facts = [("Goal", campaign.goal_label)]
    if campaign.ends_on:
        facts.append(("By", f"{campaign.ends_on:%-d %B %Y}"))
    return facts


def campaign_started(campaign: Campaign) -> list[Delivery]:
    """chorus_campaign_started: a campaign with a goal began."""
    return deliveries_queue(
        event=Event.CAMPAIGN_STARTED,
        key=f"campaign:{campaign.pk}:started",
        message=Message(
            title=f"Campaign started: {campaign.name}",
            text=campaign.description
            or "A new campaign has begun. Every share of its posts counts towards the goal.",
            url=_campaign_url(campaign),
            facts=_goal_facts(campaign),
            link_label="See the campaign",
        ),
    )


def campaign_milestone(campaign: Campaign, percent: int) -> list[Delivery]:
    """chorus_campaign_milestone: the campaign passed `percent` (25, 50, 100) of its goal.
    Only the totals go out: how far, and how many people took part; never who."""
    progress = campaign_progress(campaign=campaign)
    if percent >= 100:
        title = f"Goal reached: {campaign.name}"
        text = "Thank you to everyone who took part."
    else:
        title = f"{campaign.name} is {percent}% of the way there"
        text = "Every share of the campaign's posts still counts."
    people = progress.participants
    return deliveries_queue(
        event=Event.CAMPAIGN_MILESTONE,
        key=f"campaign:{campaign.pk}:milestone:{percent}",
        message=Message(
            title=title,
            text=text,
            url=_campaign_url(campaign),
            facts=[
                ("Progress", f"{progress.total} of {progress.target} {progress.unit}"),
                ("Taking part", f"{people} {'person' if people == 1 else 'people'}"),
                *_goal_facts(campaign)[1:],
            ],
            link_label="See the campaign",
        ),
    )


def weekly_summary_message(*, at: datetime) -> Message | None:
    """The week before `at`: posts published in it and every running campaign's totals.
    None when there is nothing to say. Figures are the programme's, never a person's."""
    since = at - timedelta(days=7)
    posts = list(
        posts_available(at=at).filter(first_published_at__gte=since, first_published_at__lt=at)
    )
    campaigns = campaigns_running(today=timezone.localdate(at))
    if not posts and not campaigns:
        return None
    sections = []
    if posts:
        items = [
            Item(
                label=post.title,
                url=absolute(post.url or "/share/"),
                detail="priority" if post.priority else "",
            )
            for post in posts[:SUMMARY_POSTS_MAX]
        ]
        if len(posts) > SUMMARY_POSTS_MAX:
            items.append(
                Item(
                    label=f"and {len(posts) - SUMMARY_POSTS_MAX} more in the library",
                    url=absolute("/share/"),
                )
            )
        sections.append(Section(heading="New posts", items=items))
    if campaigns:
        progress = campaigns_progress(campaigns=campaigns)
        items = []
        for campaign in campaigns:
            p = progress[campaign.pk]
            detail = (
                f"{p.percent}% ({p.total} of {p.target} {p.unit}), {p.participants} taking part"
            )
            if p.days_left is not None:
                detail += f", {_plural(p.days_left, 'day')} left"
            items.append(Item(label=campaign.name, url=_campaign_url(campaign), detail=detail))
        sections.append(Section(heading="Campaigns", items=items))
    text = _plural(len(posts), "new post") + " to share"
    if campaigns:
        text += f" and {_plural(len(campaigns), 'campaign')} running"
    return Message(
        title="This week in Chorus",
        text=text + ".",
        url=absolute("/share/"),
        sections=sections,
        link_label="Open the content library",
    )


def weekly_summary_queue(*, at: datetime | None = None) -> list[Delivery]:
    """Queue the weekly summary for the channels that receive it, once per ISO week of
    `at` (running it again that week queues nothing more)."""
    at = at or timezone.now()
    message = weekly_summary_message(at=at)
    if message is None:
        return []
    year, week, _ = timezone.localtime(at).isocalendar()
    return deliveries_queue(
        event=Event.WEEKLY_SUMMARY, key=f"weekly:{year}-W{week:02d}", message=message, at=at
    )
