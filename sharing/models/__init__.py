from sharing.models.pages import PostCaption, ShareHubPage, SharePostPage, SharePostTag
from sharing.models.records import (
    Click,
    ClickOverflow,
    NoPointsReason,
    Refusal,
    Share,
    ShareState,
    SharingPreferences,
    Suggestion,
    SuggestionState,
    UAClass,
)
from sharing.models.settings import Campaign, SharingSettings

__all__ = [
    "Campaign",
    "Click",
    "ClickOverflow",
    "NoPointsReason",
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
