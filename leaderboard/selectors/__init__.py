"""Reads for recognition: boards and ranks (boards), progress towards badges and a person's
badges (badges)."""

from leaderboard.selectors.badges import (
    Progress,
    badge_award_public,
    badge_awards_for,
    badge_progress,
    badges_active,
)
from leaderboard.selectors.boards import (
    DEPARTMENT_MINIMUM,
    TOP,
    Scope,
    leaderboard_departments,
    leaderboard_position,
    leaderboard_rank,
    leaderboard_top,
    period_label,
    period_start,
    user_totals,
)
from leaderboard.selectors.mine import AwardShown, Glance, badges_and_totals
from leaderboard.selectors.positions import leaderboard_positions

__all__ = [
    "AwardShown",
    "Glance",
    "badges_and_totals",
    "DEPARTMENT_MINIMUM",
    "TOP",
    "Progress",
    "Scope",
    "badge_award_public",
    "badge_awards_for",
    "badge_progress",
    "badges_active",
    "leaderboard_departments",
    "leaderboard_position",
    "leaderboard_positions",
    "leaderboard_rank",
    "leaderboard_top",
    "period_label",
    "period_start",
    "user_totals",
]
