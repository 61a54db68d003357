"""Reads on the tracked-link path: what a share's credited clicks already say."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, Q

from portal.periods import day_start, local_day
from sharing.models import Click, Share

REPEAT_WINDOW = timedelta(hours=24)


@dataclass(frozen=True)
class ClicksSeen:
    repeat: bool  # one of `keys` was credited on the share within REPEAT_WINDOW
    today: int  # credited clicks on the share since the programme's midnight


def clicks_seen(*, share: Share, keys: list[str], at: datetime) -> ClicksSeen:
    """One aggregate over `share`'s credited clicks, whatever its history: whether this
    visitor (any of `keys`) was credited in the 24 hours before `at`, and how many clicks
    were credited on the day of `at`."""
    today = day_start(local_day(at))
    window = at - REPEAT_WINDOW
    seen = Click.objects.filter(share=share, credited=True, at__gte=min(today, window)).aggregate(
        repeat=Count("pk", filter=Q(visitor_key__in=keys, at__gt=window)),
        today=Count("pk", filter=Q(at__gte=today)),
    )
    return ClicksSeen(repeat=bool(seen["repeat"]), today=seen["today"])
