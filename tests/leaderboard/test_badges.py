"""Badges follow from the ledger: criteria, once per person, revocation, closing a month,
reconcile, and a property test over random award sequences."""

from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from leaderboard.models import (
    BadgeAward,
    LedgerEntry,
    PeriodPlacement,
    PointsSettings,
    Reason,
    ScoreTotal,
)
from leaderboard.services import badge_award_revoke, leaderboard_close_period, points_award
from leaderboard.services.reconcile import leaderboard_reconcile
from notifications.models import Notification
from tests.leaderboard.factories import BadgeFactory, opted_in
from tests.people.factories import UserFactory
from tests.threads import run_together

pytestmark = pytest.mark.django_db


def badges_of(user) -> set[str]:
    return set(BadgeAward.objects.filter(user=user).values_list("badge__slug", flat=True))


def test_each_criterion_is_met_from_the_ledger():
    BadgeFactory(slug="first-share", criterion="shares", threshold=1)
    BadgeFactory(slug="three-shares", criterion="shares", threshold=3)
    BadgeFactory(slug="clicks", criterion="clicks", threshold=2)
    BadgeFactory(slug="certified", criterion="certified")
    BadgeFactory(slug="courses", criterion="courses", threshold=2)
    BadgeFactory(slug="scout", criterion="suggestion", threshold=1)
    user = UserFactory()
    points_award(user=user, reason="share", key="s1")
    assert badges_of(user) == {"first-share"}
    points_award(user=user, reason="share", key="s2")
    points_award(user=user, reason="click", key="c1")
    assert badges_of(user) == {"first-share"}
    points_award(user=user, reason="share", key="s3")
    points_award(user=user, reason="click", key="c2")
    points_award(user=user, reason="certified", key="cert")
    points_award(user=user, reason="course_completed", key="course1")
    points_award(user=user, reason="course_completed", key="course2")
    points_award(user=user, reason="suggestion_accepted", key="sugg")
    assert badges_of(user) == {
        "first-share",
        "three-shares",
        "clicks",
        "certified",
        "courses",
        "scout",
    }


def test_a_streak_needs_consecutive_weeks():
    BadgeFactory(slug="streak", criterion="streak", threshold=3)
    user = UserFactory()
    monday = datetime(2026, 9, 7, 12, 0, tzinfo=UTC)
    for index, weeks in enumerate([0, 1, 3]):  # a gap in week 2
        points_award(user=user, reason="share", key=f"s{index}", at=monday + timedelta(weeks=weeks))
    assert badges_of(user) == set()
    points_award(user=user, reason="share", key="s-fill", at=monday + timedelta(weeks=2, days=4))
    assert badges_of(user) == {"streak"}


def test_a_badge_is_awarded_once_and_a_revoked_one_is_not_given_again():
    BadgeFactory(slug="first-share", criterion="shares", threshold=1)
    user = UserFactory()
    points_award(user=user, reason="share", key="a")
    points_award(user=user, reason="share", key="b")
    assert BadgeAward.objects.filter(user=user).count() == 1
    award = BadgeAward.objects.get(user=user)
    badge_award_revoke(award=award, reason="Shared a post that was not approved.")
    points_award(user=user, reason="share", key="c")
    award.refresh_from_db()
    assert award.revoked and award.revoked_at is not None
    assert BadgeAward.objects.filter(user=user).count() == 1


def test_inactive_badges_award_nothing():
    BadgeFactory(slug="off", criterion="shares", threshold=1, active=False)
    user = UserFactory()
    points_award(user=user, reason="share", key="a")
    assert badges_of(user) == set()


def test_closing_a_month_ranks_opted_in_people_awards_top_badges_and_is_idempotent():
    BadgeFactory(slug="top-3", criterion="top_month", threshold=3)
    october = datetime(2026, 10, 15, 12, 0, tzinfo=UTC)
    people = [opted_in() for _ in range(5)]
    hidden = UserFactory()
    for person, points in zip(people, [50, 40, 40, 30, 20], strict=True):
        points_award(
            user=person, reason="correction", points=points, key=f"o{person.pk}", at=october
        )
    points_award(user=hidden, reason="correction", points=99, key="hidden", at=october)
    placed, awarded = leaderboard_close_period(month=date(2026, 10, 1))
    assert placed == 3  # ranks 1, 2, 2; the next person is #4, outside the top three
    assert awarded == 3
    assert {p.user_id: p.rank for p in PeriodPlacement.objects.all()} == {
        people[0].pk: 1,
        people[1].pk: 2,
        people[2].pk: 2,
    }
    assert badges_of(hidden) == set()
    assert leaderboard_close_period(month=date(2026, 10, 1)) == (0, 0)
    out = StringIO()
    call_command("leaderboard_close_period", "--month", "2026-10", stdout=out)
    assert "0 placements recorded, 0 badges awarded" in out.getvalue()


def test_a_month_that_has_not_ended_cannot_be_closed():
    with pytest.raises(ValueError, match="ended"):
        leaderboard_close_period(month=timezone.localdate())


def test_reconcile_reports_differences_and_fix_repairs_them():
    badge = BadgeFactory(slug="first-share", criterion="shares", threshold=1)
    user = opted_in()
    points_award(user=user, reason="share", key="a")
    ScoreTotal.objects.filter(user=user, period="all").update(points=999, visible=False)
    BadgeAward.objects.filter(user=user).delete()
    out = StringIO()
    call_command("leaderboard_reconcile", stdout=out)
    report = out.getvalue()
    assert "stored 999, ledger 10" in report
    assert f"{badge.name} earned by user {user.pk}" in report
    assert "run with --fix" in report
    assert ScoreTotal.objects.get(user=user, period="all").points == 999  # report only

    call_command("leaderboard_reconcile", "--fix", stdout=StringIO())
    assert ScoreTotal.objects.get(user=user, period="all").points == 10
    assert badges_of(user) == {"first-share"}
    out = StringIO()
    call_command("leaderboard_reconcile", stdout=out)
    assert "match the ledger" in out.getvalue()


def test_reconcile_fixes_visibility_to_the_current_consent():
    user = opted_in()
    points_award(user=user, reason="share", key="a")
    ScoreTotal.objects.filter(user=user).update(visible=False)
    differences = leaderboard_reconcile(fix=True)
    assert {d.kind for d in differences} == {"visibility"}
    assert set(ScoreTotal.objects.filter(user=user).values_list("visible", flat=True)) == {True}


def test_two_awards_crossing_a_threshold_at_once_make_one_badge(postgres):
    BadgeFactory(slug="two-shares", criterion="shares", threshold=2)
    user = UserFactory()
    points_award(user=user, reason="click", key="warm-up")  # totals rows exist already

    def share(key):
        def award():
            with transaction.atomic():
                points_award(user=user, reason=Reason.SHARE, key=key)

        return award

    for round_ in range(3):
        run_together(*(share(f"s-{round_}-{i}") for i in range(2)))
    assert LedgerEntry.objects.filter(user=user, reason="share").count() == 6
    assert BadgeAward.objects.filter(user=user).count() == 1


def test_two_people_crossing_at_once_get_a_badge_each(postgres):
    BadgeFactory(slug="first-share", criterion="shares", threshold=1)
    people = [UserFactory(), UserFactory()]

    def share(user):
        def award():
            with transaction.atomic():
                points_award(user=user, reason=Reason.SHARE, key=f"share-{user.pk}")

        return award

    run_together(*(share(person) for person in people))
    assert BadgeAward.objects.count() == 2


# The programme's points per reason, set in the test so the expectation does not read them.
POINTS = {
    "share": 10,
    "click": 1,
    "certified": 0,  # learning earns badges, not points (PointsSettings has no field)
    "course_completed": 0,
    "suggestion_accepted": 15,
}
REASONS = [*POINTS, "correction"]


def zone() -> ZoneInfo:
    return ZoneInfo(django_settings.TIME_ZONE)


def near_a_week_start(weeks: int, minutes: int) -> datetime:
    # Wall-clock arithmetic in the programme's zone: every Monday 00:00 there, DST or not.
    return datetime(2026, 9, 7, tzinfo=zone()) + timedelta(weeks=weeks, minutes=minutes)


def near_a_month_start(month: int, minutes: int) -> datetime:
    return datetime(2026, month, 1, tzinfo=zone()) + timedelta(minutes=minutes)


def anywhen(hours: int) -> datetime:
    return datetime(2026, 9, 7, tzinfo=zone()) + timedelta(hours=hours)


# When each award happens: often just before or after a local week or month starts (UTC
# is still on the other side of it there), across the end of summer time in October.
moments = st.one_of(
    st.builds(near_a_week_start, st.integers(0, 5), st.integers(-90, 90)),
    st.builds(near_a_month_start, st.integers(9, 12), st.integers(-90, 90)),
    st.builds(anywhen, st.integers(0, 110 * 24)),
).map(lambda at: at.astimezone(UTC))
award_steps = st.lists(
    st.tuples(
        st.integers(0, 2),  # who
        st.sampled_from([*REASONS, "share", "share"]),  # shares twice as often: streaks
        st.integers(-20, 40),  # points (used for corrections)
        moments,
        st.booleans(),  # retry the previous step's key
    ),
    max_size=25,
)


def local_day(at: datetime) -> date:
    return at.astimezone(zone()).date()


def monday(day: date) -> date:
    year, week, _ = day.isocalendar()  # ISO weeks run Monday to Sunday
    return date.fromisocalendar(year, week, 1)


def longest_run_of_weeks(mondays: set[date]) -> int:
    """The most consecutive weeks in `mondays`, counted forward from each run's first."""
    best = 0
    for first in mondays:
        if first - timedelta(weeks=1) in mondays:
            continue
        length = 1
        while first + timedelta(weeks=length) in mondays:
            length += 1
        best = max(best, length)
    return best


def ledger_from(steps) -> dict[str, tuple[int, str, int, datetime]]:
    """key → (who, reason, points, at): what the steps should have recorded; the first
    award with a key is the only one."""
    ledger: dict[str, tuple[int, str, int, datetime]] = {}
    for index, (who, reason, points, at, retry) in enumerate(steps):
        key = f"step-{index - 1 if retry and index else index}"
        if key not in ledger:
            amount = (points or 1) if reason == "correction" else POINTS[reason]
            ledger[key] = (who, reason, amount, at)
    return ledger


def totals_from(ledger) -> dict[tuple[int, str, date | None], int]:
    """(who, period, start) → points; the all-time board has one total, so no start."""
    totals: dict[tuple[int, str, date | None], int] = defaultdict(int)
    for who, _, points, at in ledger.values():
        day = local_day(at)
        totals[(who, "week", monday(day))] += points
        totals[(who, "month", date(day.year, day.month, 1))] += points
        totals[(who, "all", None)] += points
    return dict(totals)


def badges_from(ledger, who: int) -> set[str]:
    """The badges defined below that `who` has earned, from their criteria."""
    mine = [(reason, at) for person, reason, _, at in ledger.values() if person == who]
    count = {reason: sum(1 for r, _ in mine if r == reason) for reason in REASONS}
    share_weeks = {monday(local_day(at)) for reason, at in mine if reason == "share"}
    earned = {
        "shares-2": count["share"] >= 2,
        "clicks-3": count["click"] >= 3,
        "certified": count["certified"] >= 1,
        "streak-2": longest_run_of_weeks(share_weeks) >= 2,
    }
    return {slug for slug, met in earned.items() if met}


class LedgerImpliesTotalsAndBadges(TestCase):
    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(steps=award_steps)
    def test_totals_and_badges_equal_what_the_ledger_implies(self, steps):
        setting = PointsSettings.load()
        for reason, points in POINTS.items():
            setattr(setting, reason, points)
        setting.save()
        BadgeFactory(slug="shares-2", criterion="shares", threshold=2)
        BadgeFactory(slug="clicks-3", criterion="clicks", threshold=3)
        BadgeFactory(slug="streak-2", criterion="streak", threshold=2)
        BadgeFactory(slug="certified", criterion="certified")
        people = [UserFactory() for _ in range(3)]
        for index, (who, reason, points, at, retry) in enumerate(steps):
            points_award(
                user=people[who],
                reason=reason,
                key=f"step-{index - 1 if retry and index else index}",
                points=(points or 1) if reason == "correction" else None,
                at=at,
            )
        ledger = ledger_from(steps)
        who_is = {person.pk: who for who, person in enumerate(people)}
        # The ledger: one row per key, the first award's.
        rows = LedgerEntry.objects.values_list("key", "user_id", "reason", "points", "created_at")
        assert {
            key: (who_is[user_id], reason, points, at) for key, user_id, reason, points, at in rows
        } == ledger
        # Totals: exactly the ledger's sums per person, period and local period start.
        stored = {
            (who_is[t.user_id], t.period, None if t.period == "all" else t.period_start): t.points
            for t in ScoreTotal.objects.all()
        }
        expected = totals_from(ledger)
        # (Learning rows carry 0 points and make no total: compare the non-zero sums.)
        assert {k: v for k, v in stored.items() if v} == {k: v for k, v in expected.items() if v}
        # Badges: exactly those the criteria give, and reconcile finds nothing to do.
        for who, person in enumerate(people):
            assert badges_of(person) == badges_from(ledger, who)
        assert leaderboard_reconcile(fix=False) == []


def test_reconcile_dates_a_missing_award_when_the_ledger_earned_it():
    user = UserFactory()
    september = datetime(2026, 9, 1, 12, 0, tzinfo=UTC)
    for index in range(3):
        points_award(
            user=user, reason="share", key=f"s{index}", at=september + timedelta(days=index)
        )
    BadgeFactory(slug="two-shares", criterion="shares", threshold=2)  # defined afterwards
    leaderboard_reconcile(fix=True)
    award = BadgeAward.objects.get(user=user)
    assert award.awarded_at == september + timedelta(days=1)
    assert award.evidence == "2 shares recorded."  # the threshold it marks, on that day


def test_a_new_badge_notifies_its_owner_once_and_only_after_commit():
    badge = BadgeFactory(criterion="shares", threshold=1, name="First share")
    user = UserFactory()
    with pytest.raises(RuntimeError), transaction.atomic():
        points_award(user=user, reason="share", key="share:rolled-back")
        raise RuntimeError("the share failed")
    assert not Notification.objects.filter(user=user).exists()

    points_award(user=user, reason="share", key="share:1")
    points_award(user=user, reason="share", key="share:2")
    notes = list(Notification.objects.filter(user=user, kind="badge_earned"))
    assert [n.title for n in notes] == ["You earned the “First share” badge"]
    assert notes[0].url.startswith("/badges/a/")
    assert badge.pk
