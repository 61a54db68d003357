"""A person's badges and points at a glance: the "My points and badges" panel."""

import uuid
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from django.db import connection
from django.utils import timezone

from leaderboard.models import Badge, BadgeAward, Period, ScoreTotal
from leaderboard.services.periods import period_starts
from people.models import User
from portal.rows import column, prepared_cursor


@dataclass(frozen=True)
class AwardShown:
    uid: uuid.UUID
    slug: str  # the badge's
    name: str


@dataclass(frozen=True)
class Glance:
    awards: list[AwardShown]  # not revoked, newest first
    totals: dict[str, int]  # as user_totals


@cache
def _glance_sql() -> str:
    """badges_and_totals' statement, written out once: the ORM took ten times longer to
    compile the union than the database took to answer it. A total's row has its period
    and points and the award columns NULL, an award's row the other way round."""
    quote = connection.ops.quote_name

    def total(name: str) -> str:
        return column(ScoreTotal, name, "t")

    def award(name: str) -> str:
        return column(BadgeAward, name, "a")

    periods = " OR ".join(
        [f"({total('period')} = %s AND {total('period_start')} = %s)"] * len(Period.values)
    )
    return (
        f"SELECT {total('period')}, {total('points')}, NULL, NULL, NULL, NULL, NULL "  # noqa: S608 - names from the models
        f"FROM {quote(ScoreTotal._meta.db_table)} t WHERE {total('user')} = %s AND ({periods}) "
        f"UNION ALL SELECT NULL, NULL, {award('uid')}, {column(Badge, 'slug', 'b')}, "
        f"{column(Badge, 'name', 'b')}, {award('awarded_at')}, {award('id')} "
        f"FROM {quote(BadgeAward._meta.db_table)} a JOIN {quote(Badge._meta.db_table)} b "
        f"ON {column(Badge, 'id', 'b')} = {award('badge')} "
        f"WHERE {award('user')} = %s AND NOT {award('revoked')} "
        # As badge_awards_for: newest first.
        "ORDER BY 6 DESC, 7 DESC"
    )


def badges_and_totals(*, user: User, at: datetime | None = None) -> Glance:
    """badge_awards_for(user) and user_totals(user, at) in one statement."""
    starts = period_starts(at or timezone.now())
    adapt = connection.ops.adapt_datefield_value
    periods = [value for period in Period.values for value in (period, adapt(starts[period]))]
    with prepared_cursor() as cursor:
        cursor.execute(_glance_sql(), [user.pk, *periods, user.pk])
        rows = cursor.fetchall()
    found: dict[str, int] = {}
    awards: list[AwardShown] = []
    for period, points, uid, slug, name, _, _ in rows:
        if period is not None:
            found[period] = points
        else:
            # SQLite hands the uid over as text.
            awards.append(
                AwardShown(uid if isinstance(uid, uuid.UUID) else uuid.UUID(uid), slug, name)
            )
    return Glance(awards=awards, totals={period: found.get(period, 0) for period in Period.values})
