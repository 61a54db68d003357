from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import transaction

from leaderboard.models import LedgerEntry, PointsSettings, Reason, ScoreTotal
from leaderboard.services import period_starts, points_award
from leaderboard.services.reconcile import leaderboard_reconcile
from tests.people.factories import UserFactory
from tests.threads import run_many

pytestmark = pytest.mark.django_db


def totals(user) -> dict[str, int]:
    return dict(ScoreTotal.objects.filter(user=user).values_list("period", "points"))


def test_award_adds_to_every_period_total():
    user = UserFactory()
    entry, created = points_award(user=user, reason="share", key="share:1")
    assert created
    assert entry.points == 10
    points_award(user=user, reason="click", key="click:1")
    assert totals(user) == {"week": 11, "month": 11, "all": 11}


def test_same_key_twice_has_one_effect_and_returns_the_first_row():
    user = UserFactory()
    first, _ = points_award(user=user, reason="suggestion_accepted", key="suggestion:7")
    again, created = points_award(user=user, reason="suggestion_accepted", key="suggestion:7")
    assert not created
    assert again.pk == first.pk
    assert LedgerEntry.objects.count() == 1
    assert totals(user)["all"] == 15


def test_changed_setting_applies_from_then_on_and_never_rewrites_the_ledger():
    user = UserFactory()
    points_award(user=user, reason="share", key="share:a")
    setting = PointsSettings.load()
    setting.share = 3
    setting.save()
    points_award(user=user, reason="share", key="share:b")
    assert list(LedgerEntry.objects.order_by("id").values_list("points", flat=True)) == [10, 3]


def test_a_rolled_back_caller_leaves_no_points():
    user = UserFactory()
    with pytest.raises(RuntimeError), transaction.atomic():
        points_award(user=user, reason="share", key="share:x")
        raise RuntimeError("the share failed")
    assert not LedgerEntry.objects.exists()
    assert totals(user) == {}


def test_ledger_rows_cannot_be_changed_or_deleted():
    entry, _ = points_award(user=UserFactory(), reason="share", key="k")
    entry.points = 1000
    with pytest.raises(TypeError):
        entry.save()
    with pytest.raises(TypeError):
        entry.delete()
    with pytest.raises(TypeError):
        LedgerEntry.objects.all().update(points=0)
    with pytest.raises(TypeError):
        LedgerEntry.objects.all().delete()


def test_periods_follow_the_programme_time_zone(settings):
    settings.TIME_ZONE = "Europe/Berlin"
    # Sunday 23:30 UTC is already Monday in Berlin: a new week there.
    at = datetime(2026, 11, 29, 23, 30, tzinfo=ZoneInfo("UTC"))
    starts = period_starts(at)
    assert str(starts["week"]) == "2026-11-30"
    assert str(starts["month"]) == "2026-11-01"


def test_twenty_threads_awarding_one_key_make_one_row(postgres):
    user = UserFactory()

    def award():
        with transaction.atomic():
            return points_award(user=user, reason=Reason.SHARE, key="race")[1]

    results = run_many(award, 20)
    assert results.count(True) == 1
    assert LedgerEntry.objects.filter(key="race").count() == 1
    assert totals(user) == {"week": 10, "month": 10, "all": 10}
    assert leaderboard_reconcile(fix=False) == []  # totals and the boards' aggregates
