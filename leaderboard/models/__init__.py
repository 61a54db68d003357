from leaderboard.models.aggregates import (
    BoardMember,
    DepartmentMembers,
    DepartmentTotal,
    ScoreCount,
)
from leaderboard.models.badges import (
    COUNTED_REASON,
    CRITERIA_BY_REASON,
    DEFAULT_REVOCATION_REASON,
    Badge,
    BadgeAward,
    BadgeIssuerSettings,
    Criterion,
    PeriodClose,
    PeriodPlacement,
)
from leaderboard.models.ledger import (
    ALL_TIME_START,
    LedgerEntry,
    Period,
    PointsSettings,
    Reason,
    ScoreTotal,
)

__all__ = [
    "ALL_TIME_START",
    "COUNTED_REASON",
    "CRITERIA_BY_REASON",
    "DEFAULT_REVOCATION_REASON",
    "Badge",
    "BadgeAward",
    "BadgeIssuerSettings",
    "BoardMember",
    "Criterion",
    "DepartmentMembers",
    "DepartmentTotal",
    "LedgerEntry",
    "Period",
    "PeriodClose",
    "PeriodPlacement",
    "PointsSettings",
    "Reason",
    "ScoreCount",
    "ScoreTotal",
]
