"""Badges follow from the ledger: criteria, once per person, revocation, closing a month,
reconcile, and a property test over random award sequences."""

import threading
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from leaderboard.models import BadgeAward, LedgerEntry, PeriodPlacement, ScoreTotal
from leaderboard.services import (
    badge_award_revoke,
    leaderboard_close_period,
    period_starts,
    points_award,
)
from leaderboard.services.reconcile import leaderboard_reconcile
from tests.leaderboard.factories import BadgeFactory, opted_in
from tests.people.factories import UserFactory

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
    BadgeFactory(slug="first-share", criterion="shares", threshold=1)
    user = opted_in()
    points_award(user=user, reason="share", key="a")
    ScoreTotal.objects.filter(user=user, period="all").update(points=999, visible=False)
    BadgeAward.objects.filter(user=user).delete()
    out = StringIO()
    call_command("leaderboard_reconcile", stdout=out)
    report = out.getvalue()
    assert "stored 999, ledger 10" in report
    assert "first-share" in report.lower() or "Badge" in report
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
    barrier = threading.Barrier(2)
    errors = []

    def share(key):
        try:
            barrier.wait()
            with transaction.atomic():
                points_award(user=user, reason="share", key=key)
        except Exception as error:  # surfaced below
            errors.append(error)
        finally:
            connection.close()

    for _ in range(3):
        threads = [threading.Thread(target=share, args=(f"s-{_}-{i}",)) for i in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert not errors
    assert LedgerEntry.objects.filter(user=user, reason="share").count() == 6
    assert BadgeAward.objects.filter(user=user).count() == 1


def test_two_people_crossing_at_once_get_a_badge_each(postgres):
    BadgeFactory(slug="first-share", criterion="shares", threshold=1)
    people = [UserFactory(), UserFactory()]
    barrier = threading.Barrier(2)

    def share(user):
        try:
            barrier.wait()
            with transaction.atomic():
                points_award(user=user, reason="share", key=f"share-{user.pk}")
        finally:
            connection.close()

    threads = [threading.Thread(target=share, args=(p,)) for p in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert BadgeAward.objects.count() == 2


REASONS = ["share", "click", "certified", "course_completed", "suggestion_accepted", "correction"]
award_steps = st.lists(
    st.tuples(
        st.integers(0, 2),  # who
        st.sampled_from(REASONS),
        st.integers(-20, 40),  # points (used for corrections)
        st.integers(0, 70),  # days ago
        st.booleans(),  # retry the same key
    ),
    max_size=25,
)


class LedgerImpliesTotalsAndBadges(TestCase):
    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(steps=award_steps)
    def test_totals_and_badges_equal_what_the_ledger_implies(self, steps):
        BadgeFactory(slug="shares-2", criterion="shares", threshold=2)
        BadgeFactory(slug="clicks-3", criterion="clicks", threshold=3)
        BadgeFactory(slug="streak-2", criterion="streak", threshold=2)
        BadgeFactory(slug="certified", criterion="certified")
        people = [UserFactory() for _ in range(3)]
        now = timezone.now()
        for index, (who, reason, points, days_ago, retry) in enumerate(steps):
            key = f"step-{index - 1 if retry and index else index}"
            points_award(
                user=people[who],
                reason=reason,
                key=key,
                points=(points or 1) if reason == "correction" else None,
                at=now - timedelta(days=days_ago),
            )
        # Totals: exactly the ledger's sums per person and period.
        expected = defaultdict(int)
        for entry in LedgerEntry.objects.all():
            for period, start in period_starts(entry.created_at).items():
                expected[(entry.user_id, period, start)] += entry.points
        stored = {(t.user_id, t.period, t.period_start): t.points for t in ScoreTotal.objects.all()}
        assert {k: v for k, v in stored.items() if v or k in expected} == dict(expected)
        # Badges: exactly those the ledger supports, and reconcile finds nothing to do.
        assert leaderboard_reconcile(fix=False) == []
        for person in people:
            shares = LedgerEntry.objects.filter(user=person, reason="share").count()
            clicks = LedgerEntry.objects.filter(user=person, reason="click").count()
            held = badges_of(person)
            assert ("shares-2" in held) == (shares >= 2)
            assert ("clicks-3" in held) == (clicks >= 3)
            certified = LedgerEntry.objects.filter(user=person, reason="certified").exists()
            assert ("certified" in held) == certified


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
    assert award.evidence == "3 shares recorded."


def test_a_new_badge_notifies_its_owner_once_and_only_after_commit():
    from django.db import transaction

    from leaderboard.services import points_award
    from notifications.models import Notification

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
