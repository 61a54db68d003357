"""Erasing a leaver: their personal data is nowhere in the database afterwards, while
every total (points, reports, badges) and `leaderboard_reconcile` stay as they were."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from leaderboard.models import BadgeAward, LedgerEntry
from leaderboard.services import ledger_correction_create
from leaderboard.services.reconcile import leaderboard_reconcile
from notifications.models import Notification
from people.erasure import ErasureRefused, person_erase, pseudonym
from people.models import SocialNetwork, User
from people.services import person_deactivate
from portal.audit import PERSON_ERASE
from portal.models import AuditLogEntry
from reports.advocacy import advocacy_report
from reports.training import training_report
from sharing.models import Share, Suggestion
from sharing.services import click_record, share_create, suggestion_accept, suggestion_create
from tests.people.factories import EditorFactory, SocialNetworkFactory, UserFactory
from tests.sharing.factories import advocate_make, hub_get, post_create

pytestmark = pytest.mark.django_db

CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36"
# Strings no demo content or factory produces, so any hit is the leaver's.
PERSONAL = {
    "first_name": "Zephyrine",
    "last_name": "Quillfeather",
    "username": "zquillfeather",
    "email": "zephyrine.quillfeather@example.com",
    "display_name": "Zeph Q",
    "job_title": "Chief Kite Officer",
}
HANDLE = "in/zephyrine-quillfeather"
NOTE = "Xylophonic harbour news my cousin Bartholomew wrote"


@pytest.fixture
def admin():
    return UserFactory(is_superuser=True, is_staff=True)


@pytest.fixture
def leaver(admin):
    user = advocate_make(**PERSONAL)
    SocialNetworkFactory(user=user, platform="x", handle=HANDLE)
    for n in range(2):
        post = post_create(captions={"linkedin": [f"Caption {n}"]})
        share = share_create(
            user=user, post=post, platform="linkedin", text=f"{PERSONAL['first_name']} says hi"
        ).share
        click_record(code=share.code, method="GET", user_agent=CHROME, ip=f"198.51.100.{n}")
    hub_get()
    accepted = suggestion_create(user=user, url="https://northwind.example/a", note=NOTE)
    suggestion_accept(suggestion=accepted, by=admin)
    suggestion_create(user=user, url="https://northwind.example/b", note=NOTE + " again")
    ledger_correction_create(
        user=user, points=3, note="Missed share", created_by=admin, token="t-erasure"
    )
    Client().force_login(user)  # a session row for them
    return user


def personal_hits(strings) -> list[str]:
    """Every "table.column: string" where the column's text form holds one of `strings`
    (case-insensitive): every column of every table, on SQLite and PostgreSQL alike."""
    qn = connection.ops.quote_name
    needles = [f"%{text.lower()}%" for text in strings]
    hits = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            for column in connection.introspection.get_table_description(cursor, table):
                value = f"LOWER(CAST({qn(column.name)} AS TEXT))"
                found = " + ".join(
                    f"(CASE WHEN {value} LIKE %s THEN 1 ELSE 0 END)" for _ in needles
                )
                matches = " OR ".join(f"{value} LIKE %s" for _ in needles)
                cursor.execute(
                    f"SELECT {found}, {value} FROM {qn(table)} WHERE {matches}",  # noqa: S608
                    [*needles, *needles],
                )
                for _count, text in cursor.fetchall():
                    hits += [f"{table}.{column.name}: {s}" for s in strings if s.lower() in text]
    return hits


def aggregates():
    today = timezone.localdate()
    start = today - datetime.timedelta(days=30)
    advocacy = advocacy_report(start=start, end=today)
    training = training_report(start=start, end=today)
    return {
        "points": sorted(
            LedgerEntry.objects.values_list("user_id", "points").order_by("user_id", "points")
        ),
        "advocacy": [(f.label, f.value) for f in advocacy.figures]
        + [(t.key, [sorted(r.items()) for r in t.rows]) for t in advocacy.tables],
        "training": [(f.label, f.value) for f in training.figures]
        + [(t.key, len(t.rows)) for t in training.tables],
        "badges": BadgeAward.objects.count(),
        "shares": Share.objects.count(),
        "credited": sum(Share.objects.values_list("credited_clicks", flat=True)),
    }


def test_erasure_leaves_no_personal_data_and_every_total_equal(leaver, admin):
    strings = [*PERSONAL.values(), HANDLE, NOTE]
    assert len(personal_hits(strings)) >= len(strings)  # the search finds what is there
    person_deactivate(user=leaver, source="test", by=admin)
    before = aggregates()
    assert leaderboard_reconcile() == []

    person_erase(user=leaver, by=admin, source="admin")

    hits = personal_hits(strings)
    assert hits == [], "\n".join(hits)
    assert aggregates() == before
    assert leaderboard_reconcile() == []
    leaver.refresh_from_db()
    assert leaver.name == pseudonym(leaver)
    assert leaver.erased_at is not None and not leaver.is_active
    assert not leaver.has_usable_password()
    assert [n.handle.startswith("erased-") for n in SocialNetwork.objects.filter(user=leaver)] == [
        True,
        True,
    ]
    assert not Notification.objects.filter(user=leaver).exists()
    assert list(Suggestion.objects.filter(user=leaver).values_list("note", flat=True)) == ["", ""]
    entry = AuditLogEntry.objects.get(action=PERSON_ERASE)
    assert (entry.user, entry.object_id) == (admin, str(leaver.pk))


def test_an_admin_erases_an_active_person_at_once_and_they_are_deactivated_first(admin):
    person = UserFactory(**PERSONAL)
    client = Client()
    client.force_login(person)

    person_erase(user=person, by=admin, source="admin")

    person.refresh_from_db()
    assert not person.is_active and person.left_on == timezone.localdate()
    assert client.get("/me/").status_code == 302  # signed out: the session is gone
    assert personal_hits([PERSONAL["email"], PERSONAL["last_name"]]) == []


def test_erasure_is_refused_for_an_active_person_without_an_admin_or_twice(admin):
    person = UserFactory(**PERSONAL)
    with pytest.raises(ErasureRefused):
        person_erase(user=person, by=None, source="retention period")
    assert User.objects.get(pk=person.pk).email == PERSONAL["email"]
    with pytest.raises(ErasureRefused):
        person_erase(user=admin, by=admin, source="admin")
    person_erase(user=person, by=admin, source="admin")
    with pytest.raises(ErasureRefused):
        person_erase(user=person, by=admin, source="admin")
    assert AuditLogEntry.objects.filter(action=PERSON_ERASE).count() == 1


def test_the_admin_action_erases_and_an_editor_without_the_permission_is_refused(client, admin):
    person = UserFactory(**PERSONAL)
    url = f"/admin/people/erase/{person.pk}/"
    client.force_login(EditorFactory())
    assert client.post(url).status_code == 403
    assert User.objects.get(pk=person.pk).erased_at is None
    client.force_login(admin)
    assert PERSONAL["email"] in client.get(url).content.decode()
    assert client.post(url).status_code == 302
    assert User.objects.get(pk=person.pk).erased_at is not None
    assert client.post(url).status_code == 409  # already erased: said so, nothing changes
