"""Campaign extension points and notices.

Hooks other apps register in their `wagtail_hooks.py` (called after commit, once each):

- CAMPAIGN_STARTED   `(campaign) -> None`: a campaign with a goal began (its start day came,
  or it was saved already running).
- CAMPAIGN_MILESTONE `(campaign, percent) -> None`: committed actions took a campaign past
  25, 50 or 100 percent of its goal.

A hook that raises is logged and the others still run: a Slack outage never undoes a
milestone, nor keeps the next app from hearing of it.
"""

import logging

from wagtail import hooks

from notifications.kinds import NotificationKind

logger = logging.getLogger(__name__)

CAMPAIGN_STARTED = "chorus_campaign_started"
CAMPAIGN_MILESTONE = "chorus_campaign_milestone"

CAMPAIGN_THANKS = NotificationKind(
    key="campaign_milestone",
    label="A campaign you took part in reached a milestone",
    intro=(
        "A campaign you shared for has reached a milestone, thanks to you and your "
        "colleagues. Nothing more is asked of you."
    ),
    optional=True,
)
KINDS = (CAMPAIGN_THANKS,)


def hooks_fire(name: str, *args) -> None:
    """Call every function registered for `name` with `args`; failures are logged."""
    for fn in hooks.get_hooks(name):
        try:
            fn(*args)
        except Exception:
            logger.exception("campaigns: a %s hook failed", name)
