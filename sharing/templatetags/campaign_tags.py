"""`{% campaign_bar post.campaign %}`: the live progress bar of a post's campaign."""

from django import template

from sharing.campaigns_live import live_context
from sharing.models import Campaign
from sharing.selectors.campaigns import campaign_progress

register = template.Library()


@register.inclusion_tag("sharing/campaign_post.html")
def campaign_bar(campaign: Campaign | None) -> dict:
    """Nothing for a post in no campaign, or in one without a goal; one query otherwise."""
    if campaign is None or not campaign.has_goal:
        return {"data": None}
    return {"data": live_context(campaign_progress(campaign=campaign))}
