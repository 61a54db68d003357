from sharing.models.campaigns import (
    MILESTONES,
    STARTED,
    Campaign,
    CampaignMilestone,
    CampaignPerson,
    GoalKind,
)
from sharing.models.pages import PostCaption, ShareHubPage, SharePostPage, SharePostTag
from sharing.models.records import (
    Click,
    ClickOverflow,
    NoPointsReason,
    PointsState,
    Refusal,
    Share,
    ShareState,
    SharingPreferences,
    Suggestion,
    SuggestionState,
    UAClass,
)
from sharing.models.settings import SharingSettings

__all__ = [
    "MILESTONES",
    "STARTED",
    "Campaign",
    "CampaignMilestone",
    "CampaignPerson",
    "Click",
    "GoalKind",
    "ClickOverflow",
    "NoPointsReason",
    "PointsState",
    "PostCaption",
    "Refusal",
    "Share",
    "ShareHubPage",
    "SharePostPage",
    "SharePostTag",
    "ShareState",
    "SharingPreferences",
    "SharingSettings",
    "Suggestion",
    "SuggestionState",
    "UAClass",
]
