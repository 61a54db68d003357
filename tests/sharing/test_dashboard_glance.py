"""The dashboard's "Your sharing" glance: totals and the weekly cap that applies, read together."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from sharing.models import Share, SharingPreferences
from sharing.selectors import share_totals, shares_earning_in_week, weekly_cap_for
from sharing.services import share_create
from tests.sharing.factories import advocate_make, post_create

pytestmark = pytest.mark.django_db


def _shared(user, n: int = 1) -> None:
    for _ in range(n):
        share_create(user=user, post=post_create(), platform="linkedin", text="Hi")


@pytest.mark.parametrize(("personal", "cap"), [(None, 5), (2, 2), (9, 5)])
def test_the_cap_shown_is_the_one_that_applies(personal, cap):
    user = advocate_make()
    if personal is not None:
        SharingPreferences.objects.create(user=user, weekly_cap=personal)
    _shared(user)
    totals = share_totals(user=user, at=timezone.now())
    assert totals.cap == weekly_cap_for(user=user)[0] == cap
    client = Client()
    client.force_login(user)
    assert f"1 of {cap} shares that earn points" in client.get("/").content.decode()


def test_the_totals_count_all_shares_and_credited_clicks():
    user = advocate_make()
    _shared(user, 2)
    Share.objects.filter(user=user).update(credited_clicks=3)
    totals = share_totals(user=user, at=timezone.now())
    assert (totals.shares, totals.clicks, totals.this_week) == (2, 6, 2)


def test_someone_who_never_shared_has_no_totals():
    totals = share_totals(user=advocate_make(), at=timezone.now())
    assert (totals.shares, totals.clicks, totals.this_week, totals.cap) == (0, 0, 0, 5)


def test_this_week_counts_only_this_weeks_shares_that_earned_points():
    user = advocate_make()
    _shared(user, 3)
    now = timezone.now()
    first, second, _ = Share.objects.filter(user=user).order_by("pk")
    Share.objects.filter(pk=first.pk).update(created_at=now - timedelta(days=7))
    Share.objects.filter(pk=second.pk).update(earned_points=False)
    totals = share_totals(user=user, at=now)
    assert totals.this_week == shares_earning_in_week(user=user, at=now) == 1
    assert share_totals(user=user, at=now - timedelta(days=7)).this_week == 1
