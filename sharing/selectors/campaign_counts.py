"""The running campaigns' figures, read on the dashboard and the library (issue 12)."""

from portal.rows import column, prepared_cursor, table
from sharing.models import CampaignPerson


def campaign_counts(campaign_ids: list[int]) -> dict[int, dict]:
    """Per campaign: shares, credited clicks and people taking part, summed over its
    per-person tallies in one statement. Written by hand: the dashboard and the library
    show it, and the ORM took longer to compile the aggregate than the database took to
    answer it."""
    person = CampaignPerson
    marks = ", ".join(["%s"] * len(campaign_ids))
    campaign = column(person, "campaign")
    sql = (
        f"SELECT {campaign}, SUM({column(person, 'shares')}), SUM({column(person, 'clicks')}), "  # noqa: S608 - names from the model
        f"COUNT(*) FROM {table(person)} "
        f"WHERE {campaign} IN ({marks}) GROUP BY {campaign}"
    )
    with prepared_cursor() as cursor:
        cursor.execute(sql, campaign_ids)
        rows = cursor.fetchall()
    return {
        pk: {"n_shares": int(shares), "n_clicks": int(clicks), "n_people": n}
        for pk, shares, clicks, n in rows
    }
