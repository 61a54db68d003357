"""The two write hot paths cost a fixed number of statements whatever the history (issue
12): a credited click on /l/<code> (its points, totals, board aggregates and badges
included) and a share's confirm. Savepoints count: here each path's transaction is a
savepoint in the test's own (SAVEPOINT and RELEASE, where a request has BEGIN and COMMIT).
SQLite takes no row locks (its transactions are IMMEDIATE); PostgreSQL locks the person.
With the database task backend, as in production: an award's badges are checked by a task
its transaction queues (one INSERT), which the worker runs after commit."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from leaderboard.models import LedgerEntry, PointsSettings, ScoreTotal, ShareCredit
from leaderboard.services import points_award
from leaderboard.services.reconcile import leaderboard_reconcile
from people.services import consent_set
from sharing.models import SharingSettings
from sharing.services import click_record, share_create
from tests.leaderboard.factories import BadgeFactory, opted_in
from tests.people.factories import DepartmentFactory
from tests.sharing.factories import advocate_make, post_create
from tests.tasks import DATABASE_TASKS, queued_run

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def production_tasks(settings):
    settings.TASKS = DATABASE_TASKS


BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"

# Statements per path, by database. A credited click: (on PostgreSQL, the one statement
# that would have stored a repeat reader's click: it finds none,) its transaction (2), the
# share (on PostgreSQL locked with its sharer, for the award: that lock was a statement of
# points_award's), the click (one INSERT … SELECT that reads the share's credited clicks to
# decide whether it is credited: it was a count and an insert, one statement more), (on
# SQLite) the share's counter (on PostgreSQL the click's statement moves it); then
# points_award: their board membership, the ledger row, their three totals (one UPDATE),
# the score counts, the department totals (one upsert each), the badge check queued for
# the worker.
CREDITED = {"sqlite": 11, "postgresql": 11}
# A click that earns nothing (a repeat reader). SQLite: its transaction, the share
# (locked), the click (the same INSERT … SELECT, which finds the reader's earlier credit).
# PostgreSQL: one statement that reads the share and stores the click, no transaction.
REFUSED = {"sqlite": 4, "postgresql": 1}
# A click its request refuses (HEAD, a bot, a link-preview fetcher): the share, read
# without a lock, and the click, committed by itself (on PostgreSQL in one statement);
# no transaction of its own.
REFUSED_BY_REQUEST = {"sqlite": 2, "postgresql": 1}
# A share's confirm that waits for its first reader: its transaction, the share already
# made?, the gate (policy, certificate, consent), captions, network, personal cap, (the
# person's lock,) the week's earning shares, the share.
CONFIRM_WAITING = {"sqlite": 11, "postgresql": 12}
# The same with points on confirm: points_award's statements for a share come on top
# (as for a click, its badge check queued), without the person's lock: the confirm holds it.
CONFIRM_CREDITED = {"sqlite": 17, "postgresql": 18}


def _expected(table: dict[str, int]) -> int:
    return table[connection.vendor]


def _statements(action) -> int:
    with CaptureQueriesContext(connection) as queries:
        action()
    return len(queries)


def _board(size: int) -> None:
    """`size` other people on the board, in departments, with a few scores each."""
    department = DepartmentFactory()
    for index in range(size):
        person = opted_in(department=department)
        for n in range(1 + index % 3):
            points_award(user=person, reason="correction", points=n + 1, key=f"b{size}:{index}:{n}")


def _sharer():
    """An advocate on the board, in a department: every aggregate moves with their points."""
    user = advocate_make(department=DepartmentFactory())
    consent_set(user=user, kind="leaderboard", granted=True, source="test")
    return user


def _click(share, n: int, *, ua: str = BROWSER, at=None):
    return click_record(
        code=share.code, method="GET", user_agent=ua, ip=f"198.51.{n // 250}.{n % 250 + 1}", at=at
    )


@pytest.fixture
def badges():
    # One click badge held after the first click, one far away: the path always checks.
    BadgeFactory(slug="first-click", criterion="clicks", threshold=1)
    BadgeFactory(slug="many-clicks", criterion="clicks", threshold=500)
    BadgeFactory(slug="first-share", criterion="shares", threshold=1)
    BadgeFactory(slug="many-shares", criterion="shares", threshold=500)


def _credited_click_statements(size: int) -> int:
    points = PointsSettings.load()
    points.click_cap_per_share = 1000
    points.save()
    _board(size)
    user = _sharer()
    share = share_create(user=user, post=post_create(), platform="linkedin", text="Hi").share
    now = timezone.now()
    for n in range(size):  # older credited clicks on the share, by other readers
        _click(share, 10_000 + n, at=now - timedelta(hours=30 + n))
    assert _click(share, 0).credited  # its first reader: the share's points, the totals
    assert _click(share, 1).credited
    statements = _statements(lambda: _assert_credited(_click(share, 2)))
    queued_run()  # the badges, as the worker checks them
    assert leaderboard_reconcile() == []
    return statements


def _assert_credited(outcome) -> None:
    assert outcome.credited


@pytest.mark.parametrize("size", [1, 40])
def test_a_credited_click_costs_the_same_statements_at_any_size(badges, size):
    assert _credited_click_statements(size) == _expected(CREDITED)


def test_a_credited_click_costs_the_same_with_a_long_history(badges):
    small = _credited_click_statements(1)
    assert LedgerEntry.objects.filter(reason="click").count() == 1 + 3  # history, then 3
    large = _credited_click_statements(60)
    assert small == large


@pytest.mark.parametrize("size", [1, 40])
def test_a_refused_click_costs_the_same_statements_at_any_size(size):
    user = _sharer()
    share = share_create(user=user, post=post_create(), platform="linkedin", text="Hi").share
    now = timezone.now()
    for n in range(size):
        _click(share, 10_000 + n, at=now - timedelta(hours=30 + n))
    assert _click(share, 0).credited
    with CaptureQueriesContext(connection) as queries:
        again = _click(share, 0)  # the same reader again
    assert (again.credited, again.click.refusal) == (False, "repeat")
    assert len(queries) == _expected(REFUSED)
    if connection.vendor == "postgresql":  # stored without the share's lock
        assert not any("SAVEPOINT" in q["sql"] or "FOR UPDATE" in q["sql"] for q in queries)


PREVIEW = "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)"


@pytest.mark.parametrize(
    ("ua", "method"), [(PREVIEW, "GET"), ("curl/8.5", "GET"), (BROWSER, "HEAD")]
)
def test_a_click_refused_for_what_it_is_costs_at_most_two_statements_and_no_transaction(ua, method):
    user = _sharer()
    share = share_create(user=user, post=post_create(), platform="linkedin", text="Hi").share
    assert _click(share, 0).credited
    outcome = None

    def refused():
        nonlocal outcome
        outcome = click_record(code=share.code, method=method, user_agent=ua, ip="203.0.113.9")

    with CaptureQueriesContext(connection) as queries:
        refused()
    assert len(queries) == _expected(REFUSED_BY_REQUEST)
    assert not any("SAVEPOINT" in q["sql"] or "BEGIN" in q["sql"] for q in queries)
    assert not outcome.credited and outcome.click.pk is not None
    assert outcome.target.startswith("https://northwind.example/news/item?")


def _confirm_statements(size: int) -> int:
    """The statements of one new share by someone who already made `size` this week (all
    within the weekly cap, so each takes the earning path)."""
    sharing = SharingSettings.load()
    sharing.weekly_cap = 1000
    sharing.save()
    _board(size)
    user = _sharer()
    for _ in range(size):
        share_create(user=user, post=post_create(), platform="linkedin", text="Hi")
    post = post_create()
    outcome = None

    def confirm():
        nonlocal outcome
        outcome = share_create(user=user, post=post, platform="linkedin", text="Hi")

    statements = _statements(confirm)
    assert outcome.created
    queued_run()
    assert leaderboard_reconcile() == []
    return statements


@pytest.mark.parametrize("size", [1, 30])
def test_a_share_confirm_waiting_for_its_reader_costs_the_same_at_any_size(badges, size):
    assert _confirm_statements(size) == _expected(CONFIRM_WAITING)


@pytest.mark.parametrize("size", [1, 30])
def test_a_share_confirm_credited_at_once_costs_the_same_at_any_size(badges, size):
    points = PointsSettings.load()
    points.share_credit = ShareCredit.CONFIRM
    points.save()
    assert _confirm_statements(size) == _expected(CONFIRM_CREDITED)
    assert ScoreTotal.objects.filter(period="week", points__gt=0).exists()
