"""What the library needs to know of the person looking, in one statement: their networks,
what they shared, the topics they follow, and two of the sharing gate's three steps.

Written by hand for /share/ (issue 12): five ORM queries (network_list, shares_by_post,
topics_followed, consent_current, advocate_is_certified) each cost more to compile than
the database took to answer them. The rules are theirs; tests/sharing/test_viewer.py holds
the two readings to the same answers.
"""

from dataclasses import dataclass
from datetime import date
from functools import cache

from django.db import connection

from courses.models import Certificate, CoursePage
from people.models import ConsentKind, ConsentRecord, SocialNetwork, User
from portal.rows import column, prepared_cursor, table
from sharing.models import Share, SharingPreferences

NETWORK, SHARE, TOPIC, OPTED_IN, CERTIFIED = 1, 2, 3, 4, 5


@dataclass(frozen=True)
class LibraryViewer:
    networks: list[tuple[str, str]]  # (platform, audience), ordered as network_list
    shared: dict[int, list[str]]  # post id → platforms, newest share first (shares_by_post)
    followed: set[int]  # ids of the topics they follow
    opted_in: bool  # their newest advocacy consent is a grant
    certified: bool  # a certificate of an advocate course valid on the day asked


@cache
def _sql() -> str:
    """Rows (part, num, txt_a, txt_b, sort_text, sort_at, row_id), each part in its own
    reading's order."""
    follows = SharingPreferences.topics.through
    prefs = column(SharingPreferences, "id", "p")
    courses = f"{column(CoursePage, 'page_ptr', 'k')} = {column(Certificate, 'course', 'c')}"
    expires = column(Certificate, "expires_on", "c")
    return (
        f"SELECT {NETWORK} AS part, NULL AS num, {column(SocialNetwork, 'platform', 'n')} "  # noqa: S608 - names from the models
        f"AS txt_a, {column(SocialNetwork, 'audience', 'n')} AS txt_b, "
        f"{column(SocialNetwork, 'handle', 'n')} AS sort_text, NULL AS sort_at, "
        f"{column(SocialNetwork, 'id', 'n')} AS row_id FROM {table(SocialNetwork)} n "
        f"WHERE {column(SocialNetwork, 'user', 'n')} = %s "
        f"UNION ALL SELECT {SHARE}, {column(Share, 'post', 's')}, NULL, "
        f"{column(Share, 'platform', 's')}, NULL, {column(Share, 'created_at', 's')}, "
        f"{column(Share, 'id', 's')} FROM {table(Share)} s WHERE {column(Share, 'user', 's')} = %s "
        f"UNION ALL SELECT {TOPIC}, {column(follows, 'tag', 't')}, NULL, NULL, NULL, NULL, "
        f"{column(follows, 'id', 't')} FROM {table(follows)} t JOIN {table(SharingPreferences)} p "
        f"ON {prefs} = {column(follows, 'sharingpreferences', 't')} "
        f"WHERE {column(SharingPreferences, 'user', 'p')} = %s "
        f"UNION ALL SELECT {OPTED_IN}, (SELECT CASE WHEN {column(ConsentRecord, 'granted', 'r')} "
        f"THEN 1 ELSE 0 END FROM {table(ConsentRecord)} r "
        f"WHERE {column(ConsentRecord, 'user', 'r')} = %s "
        f"AND {column(ConsentRecord, 'kind', 'r')} = %s "
        f"ORDER BY {column(ConsentRecord, 'created_at', 'r')} DESC, "
        f"{column(ConsentRecord, 'id', 'r')} DESC LIMIT 1), NULL, NULL, NULL, NULL, 0 "
        f"UNION ALL SELECT {CERTIFIED}, CASE WHEN EXISTS (SELECT 1 FROM {table(Certificate)} c "
        f"JOIN {table(CoursePage)} k ON {courses} "
        f"WHERE {column(Certificate, 'user', 'c')} = %s "
        f"AND {column(CoursePage, 'certifies_advocates', 'k')} "
        f"AND ({expires} IS NULL OR {expires} >= %s)) THEN 1 ELSE 0 END, "
        f"NULL, NULL, NULL, NULL, 0 "
        f"ORDER BY part, txt_a, sort_text, sort_at DESC, row_id DESC"
    )


def library_viewer(*, user: User, day: date) -> LibraryViewer:
    """`user`'s side of the library on `day` (their local today), in one query."""
    params = [user.pk, user.pk, user.pk, user.pk, ConsentKind.ADVOCACY, user.pk]
    params.append(connection.ops.adapt_datefield_value(day))
    networks, shared, followed = [], {}, set()
    opted_in = certified = False
    with prepared_cursor() as cursor:
        cursor.execute(_sql(), params)
        rows = cursor.fetchall()
    for part, number, a, b, _sort, _at, _id in rows:
        if part == NETWORK:
            networks.append((a, b))
        elif part == SHARE:
            shared.setdefault(number, []).append(b)
        elif part == TOPIC:
            followed.add(number)
        elif part == OPTED_IN:
            opted_in = number == 1
        elif part == CERTIFIED:
            certified = number == 1
    return LibraryViewer(networks, shared, followed, opted_in, certified)
