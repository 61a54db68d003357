"""Revoking a badge award is final: no code path turns it back, and reconcile revokes
through the same service as the admin."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.db.models import Value
from django.urls import reverse

from leaderboard.models import Badge, BadgeAward
from leaderboard.services import badge_award_revoke, points_award
from leaderboard.services.reconcile import leaderboard_reconcile
from tests.leaderboard.factories import BadgeFactory
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def revoked():
    BadgeFactory(slug="first-share", criterion="shares", threshold=1)
    user = UserFactory()
    points_award(user=user, reason="share", key="share:1")
    return badge_award_revoke(award=BadgeAward.objects.get(user=user), reason="Mistake.")


def still_revoked(award) -> bool:
    fresh = BadgeAward.objects.get(pk=award.pk)
    return fresh.revoked and fresh.revoked_at is not None and fresh.revocation_reason == "Mistake."


@pytest.mark.parametrize("update_fields", [None, ["revoked"], ["revoked", "revoked_at"]])
def test_saving_a_revoked_award_unrevoked_is_refused(revoked, update_fields):
    revoked.revoked = False
    with pytest.raises(ValueError, match="stays revoked"):
        revoked.save(update_fields=update_fields)
    assert still_revoked(revoked)


def test_a_stale_copy_cannot_unrevoke_either(revoked):
    stale = BadgeAward(pk=revoked.pk, badge=revoked.badge, user=revoked.user, revoked=False)
    with pytest.raises(ValueError, match="stays revoked"):
        stale.save()
    assert still_revoked(revoked)


def test_saving_other_fields_of_a_revoked_award_keeps_it_revoked(revoked):
    stale = BadgeAward.objects.get(pk=revoked.pk)
    stale.revoked = False  # never written: only the evidence is saved
    stale.evidence = "1 shares recorded (checked)."
    stale.save(update_fields=["evidence"])
    assert still_revoked(revoked)


@pytest.mark.parametrize("value", [False, 0, Value(False)])
def test_bulk_updates_cannot_unrevoke(revoked, value):
    with pytest.raises(TypeError, match="stays revoked"):
        BadgeAward.objects.filter(pk=revoked.pk).update(revoked=value)
    revoked.revoked = False
    with pytest.raises(TypeError, match="stays revoked"), transaction.atomic():
        BadgeAward.objects.bulk_update([revoked], ["revoked"])
    assert still_revoked(revoked)


def test_revoking_again_keeps_the_first_reason(revoked):
    badge_award_revoke(award=BadgeAward.objects.get(pk=revoked.pk), reason="Another reason.")
    assert still_revoked(revoked)


def test_reconcile_fix_revokes_an_award_the_ledger_no_longer_supports(client):
    BadgeFactory(slug="two-shares", criterion="shares", threshold=1)
    user = UserFactory()
    points_award(user=user, reason="share", key="share:1")
    award = BadgeAward.objects.get(user=user)
    Badge.objects.filter(slug="two-shares").update(threshold=2)  # one share no longer does
    out = StringIO()
    call_command("leaderboard_reconcile", stdout=out)
    assert f"held by user {user.pk} but the ledger does not show it" in out.getvalue()
    assert not BadgeAward.objects.get(pk=award.pk).revoked  # a report changes nothing

    assert {d.kind for d in leaderboard_reconcile(fix=True)} == {"unsupported badge"}
    award.refresh_from_db()
    assert award.revoked and award.revoked_at is not None
    assert award.revocation_reason == "The points ledger does not support this award."
    document = client.get(reverse("badges:assertion", args=[award.uid]))
    assert document.status_code == 410
    assert document.json()["revocationReason"] == award.revocation_reason
    assert leaderboard_reconcile() == []  # revoked stays revoked, and is not re-reported


def test_revoking_a_stale_copy_keeps_the_first_revocation(revoked):
    stale = BadgeAward.objects.get(pk=revoked.pk)
    stale.revoked, stale.revoked_at, stale.revocation_reason = False, None, ""  # as first read
    badge_award_revoke(award=stale, reason="A later reason.")
    assert still_revoked(revoked)
    assert stale.revoked and stale.revocation_reason == "Mistake."
