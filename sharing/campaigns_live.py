"""Live campaign progress bars: render once, send the same bytes to everyone watching.

A share or a credited click on a campaign's post only marks the campaign as changed, after
commit (`post_changed_on_commit`); the broadcaster thread then renders its bar, at most
once a second across every process (portal.realtime.push), sends it to the campaign's
group, and, when the figures passed a milestone not recorded yet, queues the task that
records it and thanks everyone (sharing.campaigns_tasks). Pages render the same bar on the
server, so nothing depends on the push; a reconnecting page reloads it over HTTP.
"""

from functools import partial

from django.template.loader import render_to_string
from django.urls import reverse

from portal import realtime
from sharing.campaigns_tasks import campaign_check
from sharing.models import STARTED, Campaign
from sharing.selectors.campaigns import (
    CampaignProgress,
    campaign_milestones_recorded,
    campaign_progress,
    milestones_due,
)

BAR = "sharing/campaign_bar.html"
LIVE = "sharing/campaign_live.html"


def push_key(campaign_id: int) -> str:
    return f"campaign.{campaign_id}"


def bar_fragment(progress: CampaignProgress) -> str:
    """The bar everyone sees: figures only, no names, identical bytes for every viewer."""
    return render_to_string(BAR, {"progress": progress})


def live_context(progress: CampaignProgress) -> dict:
    """What a page needs to show the bar and keep it live (sharing/campaign_live.html)."""
    campaign = progress.campaign
    return {
        "progress": progress,
        "ws_url": f"/ws/campaigns/?campaign={campaign.pk}",
        "reload_url": reverse("sharing:campaign_bar", args=[campaign.slug]),
        "page_url": reverse("sharing:campaign", args=[campaign.slug]),
    }


def push_now(campaign_id: int, window: int = 0) -> None:
    """Render and send the campaign's bar; queue the milestone check when one is due
    (broadcaster thread: three small queries)."""
    campaign = Campaign.objects.filter(pk=campaign_id, target__isnull=False).first()
    if campaign is None:
        return
    progress = campaign_progress(campaign=campaign)
    realtime.group_send(
        realtime.campaign_group(campaign_id), realtime.html_message(bar_fragment(progress))
    )
    recorded = campaign_milestones_recorded(campaign_ids=[campaign_id])[campaign_id]
    if milestones_due(progress, recorded) or (STARTED not in recorded and campaign.is_running()):
        campaign_check.enqueue(campaign_id=campaign_id)


def campaign_changed(*, campaign_id: int) -> None:
    """After commit: the campaign's figures may have moved (only queues)."""
    if realtime.is_suppressed():
        return
    realtime.push(push_key(campaign_id), partial(push_now, campaign_id))


def post_changed_on_commit(*, post) -> None:
    """Call inside the transaction that recorded a share or a credited click on `post`:
    once it commits, the post's campaign (if any) is pushed and checked. No query."""
    campaign_id = getattr(post, "campaign_id", None)
    if campaign_id:
        realtime.send_on_commit(partial(campaign_changed, campaign_id=campaign_id))
