"""Reads for the admin home's programme overview: sharing totals, no names."""

from dataclasses import dataclass
from datetime import datetime

from sharing.models import Click, Share, Suggestion, SuggestionState


@dataclass(frozen=True)
class SharingCounts:
    shares: int
    credited_clicks: int
    pending_suggestions: int  # waiting for review, whenever they were made


def sharing_counts(*, since: datetime, until: datetime) -> SharingCounts:
    """Shares made and credited clicks in [since, until), and every suggestion still
    waiting for review. Three queries."""
    return SharingCounts(
        shares=Share.objects.filter(created_at__gte=since, created_at__lt=until).count(),
        credited_clicks=Click.objects.filter(credited=True, at__gte=since, at__lt=until).count(),
        pending_suggestions=Suggestion.objects.filter(state=SuggestionState.PENDING).count(),
    )
