"""The weekly digest: what the week that ended brought one person, for those opted in.

notifications only assembles and sends it. Its content comes from the apps: each
contributes a section through the DIGEST_SECTION hook, reading its own data through its
own selectors:

    @hooks.register(DIGEST_SECTION, order=10)
    def my_section(*, user, window: DigestWindow) -> DigestSection | None: ...

A digest goes out only when at least one section has news. Each section shows only the
person's own figures; nobody else is ever named.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from wagtail import hooks

from people.models import User
from portal.periods import WEEK, day_start, week_start

DIGEST_SECTION = "chorus_digest_section"


@dataclass(frozen=True)
class DigestWindow:
    """The week a digest describes: [Monday 00:00, the next Monday 00:00) local time."""

    week_start: date
    start: datetime
    end: datetime

    @classmethod
    def for_week(cls, monday: date) -> "DigestWindow":
        return cls(week_start=monday, start=day_start(monday), end=day_start(monday + WEEK))

    @property
    def last_day(self) -> date:
        return self.week_start + WEEK - timedelta(days=1)


@dataclass(frozen=True)
class DigestLine:
    text: str
    url: str = ""  # a portal path or an absolute URL


@dataclass(frozen=True)
class DigestSection:
    key: str
    title: str
    lines: list[DigestLine] = field(default_factory=list)
    news: bool = True  # whether this section alone makes a digest worth sending


def digest_week(at: datetime) -> date:
    """Monday of the week a digest sent at `at` describes: the last complete week."""
    return week_start(at) - WEEK


def digest_content(*, user: User, week_start: date) -> dict:
    """What one person's digest for the week of `week_start` says, section by section."""
    window = DigestWindow.for_week(week_start)
    sections = [
        section
        for fn in hooks.get_hooks(DIGEST_SECTION)
        if (section := fn(user=user, window=window)) is not None and section.lines
    ]
    return {"week_start": window.week_start, "week_end": window.last_day, "sections": sections}


def digest_has_news(content: dict) -> bool:
    return any(section.news for section in content["sections"])
