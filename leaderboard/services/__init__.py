"""Writes for recognition. Other apps call `points_award` inside their own transaction."""

from leaderboard.services.aggregates import board_member_sync, leaderboard_aggregates_rebuild
from leaderboard.services.badges import (
    badge_award_revoke,
    badges_evaluate,
    leaderboard_close_period,
)
from leaderboard.services.ledger import (
    leaderboard_visibility_set,
    ledger_correction_create,
    points_award,
)
from leaderboard.services.membership import board_members_sync
from leaderboard.services.periods import period_starts

__all__ = [
    "badge_award_revoke",
    "badges_evaluate",
    "board_member_sync",
    "board_members_sync",
    "leaderboard_aggregates_rebuild",
    "leaderboard_close_period",
    "leaderboard_visibility_set",
    "ledger_correction_create",
    "period_starts",
    "points_award",
]
