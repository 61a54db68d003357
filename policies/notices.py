"""The notifications the policy sends (see notifications.kinds)."""

from notifications.kinds import NotificationKind

POLICY_VERSION = NotificationKind(
    key="policy_version",
    label="New policy version to acknowledge",
    intro=(
        "The social media policy has changed. Please read the new version and acknowledge "
        "it; sharing waits until you have."
    ),
    reason=(
        "You receive this because everyone must acknowledge the current social media "
        "policy; policy changes are announced to everyone."
    ),
)
KINDS = (POLICY_VERSION,)
