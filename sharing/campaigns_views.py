"""Campaign pages: /share/campaigns/ (running ones) and /share/campaigns/<slug>/.

Everyone signed in may look; the figures are the server's, the socket only updates them.
"""

from django.http import Http404
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from leaderboard.selectors import DEPARTMENT_MINIMUM
from portal.extensions import Panel
from sharing.campaigns_live import BAR, live_context
from sharing.models import GoalKind
from sharing.selectors.campaigns import (
    campaign_departments,
    campaign_for_page,
    campaign_milestones_reached,
    campaign_participants_named,
    campaign_posts,
    campaign_progress,
    campaigns_progress,
    campaigns_running,
    campaigns_running_shown,
    user_took_part,
)


@require_GET
def campaigns(request):
    running = campaigns_running()
    progress = campaigns_progress(campaigns=running)
    return TemplateResponse(
        request,
        "sharing/campaigns.html",
        {"running": [live_context(progress[c.pk]) for c in running]},
    )


@require_GET
def campaign(request, slug: str):
    found = campaign_for_page(slug=slug)
    if found is None:
        raise Http404("No such campaign.")
    context = {"campaign": found, "posts": campaign_posts(campaign=found), "live": None}
    if found.has_goal:
        progress = campaign_progress(campaign=found)
        named = campaign_participants_named(campaign=found)
        context.update(
            live=live_context(progress),
            named=named,
            reached=campaign_milestones_reached(campaign=found),
            unnamed=max(progress.participants - len(named), 0),
            took_part=user_took_part(campaign=found, user=request.user),
            departments=campaign_departments(campaign=found),
            department_minimum=DEPARTMENT_MINIMUM,
            per_person_percent=found.goal_kind == GoalKind.PEOPLE,
        )
    return TemplateResponse(request, "sharing/campaign.html", context)


@require_GET
def campaign_bar(request, slug: str):
    """The bar alone: what a page reloads after its socket reconnects."""
    found = campaign_for_page(slug=slug)
    if found is None or not found.has_goal:
        raise Http404("No such campaign.")
    return TemplateResponse(request, BAR, {"progress": campaign_progress(campaign=found)})


def campaigns_dashboard_panel(request) -> Panel | None:
    """The running campaigns' live bars on the dashboard (one query: their figures; the
    list of campaigns is kept in the cache); none: no panel."""
    running = campaigns_running_shown()
    if not running:
        return None
    progress = campaigns_progress(campaigns=running)
    return Panel(
        "campaigns",
        "sharing/campaign_panel.html",
        {"campaigns": [live_context(progress[c.pk]) for c in running]},
    )
