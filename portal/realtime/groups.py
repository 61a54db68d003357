"""Group names: the one place they are spelled."""


def board_group(period: str, scope: str) -> str:
    return f"leaderboard.board.{period}.{scope}"


def lines_group(topic: str) -> str:
    """Everyone connected on `topic`: one message per push carries all their own lines."""
    return f"lines.{topic}"


def is_watched_kind(group: str) -> bool:
    """Groups whose pushes are rendered only while somebody, in any process, is in them
    (portal.realtime.presence.watched)."""
    return group.startswith("leaderboard.board.")


def person_group(user_id: int) -> str:
    return f"leaderboard.user.{user_id}"


def notify_group(user_id: int) -> str:
    return f"notify.user.{user_id}"


def session_group(user_id: int) -> str:
    return f"session.user.{user_id}"


def campaign_group(campaign_id: int) -> str:
    """One per campaign's progress bar: identical bytes for everyone watching it."""
    return f"sharing.campaign.{campaign_id}"
