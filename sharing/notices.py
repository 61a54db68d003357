"""The notifications sharing sends (see notifications.kinds)."""

from notifications.kinds import NotificationKind
from people.models import ConsentKind

PRIORITY_POST = NotificationKind(
    key="priority_post",
    label="New priority post for you",
    intro=(
        "A new priority post fits the networks you told us about. Sharing is always your "
        "choice: read it, edit the caption in your own words, or let it pass."
    ),
    optional=True,
    # Shown at all, in the portal too, only to opted-in advocates who turned alerts on.
    requires_consents=(ConsentKind.ADVOCACY, ConsentKind.EMAIL_ALERTS),
)
RETRACTION = NotificationKind(
    key="retraction",
    label="A post you shared was retracted",
    intro=(
        "A post you shared has been retracted by the communications team. Please remove it "
        "from your networks if you can; the reason is below."
    ),
    reason=(
        "You receive this because you shared this post; when a post is retracted everyone "
        "who shared it is told, whatever their email settings."
    ),
)
SUGGESTION_DECIDED = NotificationKind(
    key="suggestion_decided",
    label="Your suggestion was decided",
    intro="The communications team has decided on a post you suggested.",
    reason=(
        "You receive this because you made this suggestion; we always tell you what happened to it."
    ),
)
KINDS = (PRIORITY_POST, RETRACTION, SUGGESTION_DECIDED)
