"""Editors in the Wagtail admin: corrections as new rows, no edits or deletions, revocation,
badge definitions."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from leaderboard.models import Badge, BadgeAward, LedgerEntry, ScoreTotal
from leaderboard.services import points_award
from tests.leaderboard.factories import BadgeFactory
from tests.people.factories import EditorFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    editor = EditorFactory()
    client.force_login(editor)
    return editor


def refused(response) -> bool:
    """Wagtail answers an admin action the permission policy refuses with a redirect to
    the dashboard (and a message saying so)."""
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def token_from(html: str) -> str:
    return re.search(r'name="token" value="([0-9a-f]+)"', html).group(1)


def test_an_editor_records_a_correction_once_even_if_the_form_is_sent_twice(client, editor):
    person = UserFactory()
    points_award(user=person, reason="share", key="share:1")
    form = client.get(reverse("points_ledger:add"))
    assert form.status_code == 200
    data = {
        "user": person.pk,
        "points": -4,
        "note": "Share of a retracted post.",
        "token": token_from(form.content.decode()),
    }
    first = client.post(reverse("points_ledger:add"), data)
    assert first.status_code == 302
    client.post(reverse("points_ledger:add"), data)
    correction = LedgerEntry.objects.get(reason="correction")
    assert correction.points == -4 and correction.created_by == editor
    assert correction.note == "Share of a retracted post."
    assert ScoreTotal.objects.get(user=person, period="all").points == 6
    listing = client.get(reverse("points_ledger:index")).content.decode()
    assert "Share of a retracted post." in listing


@pytest.mark.parametrize(
    ("points", "note", "message"),
    [(0, "why", "at least one point"), (5, "", "Say why"), (50000, "why", "at most")],
)
def test_a_bad_correction_is_refused_with_a_message(client, editor, points, note, message):
    person = UserFactory()
    response = client.post(
        reverse("points_ledger:add"),
        {"user": person.pk, "points": points, "note": note, "token": "t1"},
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not LedgerEntry.objects.exists()


def test_ledger_rows_cannot_be_edited_or_deleted_in_the_admin(client, editor):
    entry, _ = points_award(user=UserFactory(), reason="share", key="share:1")
    for name in ("points_ledger:edit", "points_ledger:delete"):
        assert refused(client.get(reverse(name, args=[entry.pk])))
        assert refused(client.post(reverse(name, args=[entry.pk]), {"points": 1000, "note": "x"}))
    entry.refresh_from_db()
    assert entry.points == 10
    assert LedgerEntry.objects.count() == 1


@pytest.fixture
def award():
    BadgeFactory(name="First share", slug="first-share", criterion="shares", threshold=1)
    person = UserFactory(first_name="Rae", last_name="Vokes")
    points_award(user=person, reason="share", key="share:1")
    return BadgeAward.objects.get(user=person)


def revoke_url(award) -> str:
    return reverse("badge_awards:revoke", args=[award.pk])


def test_an_editor_revokes_an_award_from_the_listing_and_the_public_page_says_so(
    client, editor, award
):
    listing = client.get(reverse("badge_awards:index")).content.decode()
    assert f'href="{revoke_url(award)}"' in listing
    form = client.get(revoke_url(award))
    assert form.status_code == 200
    page = form.content.decode()
    assert 'name="reason"' in page and "Yes, revoke it" in page and "is final" in page

    response = client.post(revoke_url(award), {"reason": "  Awarded by mistake. "})
    assert response.status_code == 302
    assert response["Location"] == reverse("badge_awards:index")
    award.refresh_from_db()
    assert award.revoked and award.revoked_at is not None
    assert award.revocation_reason == "Awarded by mistake."
    assertion = client.get(reverse("badges:assertion", args=[award.uid]))
    assert assertion.status_code == 410
    assert assertion.json()["revocationReason"] == "Awarded by mistake."
    listing = client.get(reverse("badge_awards:index")).content.decode()
    assert f'href="{revoke_url(award)}"' not in listing
    history = client.get(reverse("badge_awards:history", args=[award.pk])).content.decode()
    assert "Badge award revoked" in history


def test_revoking_asks_for_a_reason_and_changes_nothing_without_one(client, editor, award):
    response = client.post(revoke_url(award), {"reason": "   "})
    assert response.status_code == 200
    assert "Say why: the reason is shown with the revoked badge." in response.content.decode()
    award.refresh_from_db()
    assert not award.revoked


def test_a_revoked_award_stays_revoked_with_its_first_reason(client, editor, award):
    client.post(revoke_url(award), {"reason": "First reason."})
    page = client.get(revoke_url(award)).content.decode()
    assert "A revoked award stays revoked" in page and 'name="reason"' not in page
    assert client.post(revoke_url(award), {"reason": "Second reason."}).status_code == 302
    award.refresh_from_db()
    assert award.revoked and award.revocation_reason == "First reason."


def test_an_award_has_no_edit_form_and_cannot_be_added_or_deleted(client, editor, award):
    assert client.get(f"/admin/badge_awards/edit/{award.pk}/").status_code == 404
    response = client.post(f"/admin/badge_awards/edit/{award.pk}/", {"revoked": ""})
    assert response.status_code == 404
    for url in (reverse("badge_awards:add"), reverse("badge_awards:delete", args=[award.pk])):
        assert refused(client.get(url))
        assert refused(client.post(url))
    assert BadgeAward.objects.filter(pk=award.pk, revoked=False).exists()
    inspect = client.get(reverse("badge_awards:inspect", args=[award.pk]))
    assert inspect.status_code == 200 and "First share" in inspect.content.decode()


def test_revoking_needs_the_change_permission(client, award):
    viewer = UserFactory()
    viewer.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_badgeaward"),
    )
    client.force_login(viewer)
    listing = client.get(reverse("badge_awards:index"))
    assert listing.status_code == 200 and revoke_url(award) not in listing.content.decode()
    assert refused(client.get(revoke_url(award)))
    assert refused(client.post(revoke_url(award), {"reason": "Not mine to revoke."}))
    award.refresh_from_db()
    assert not award.revoked


def test_an_editor_defines_a_badge_as_a_snippet(client, editor):
    response = client.post(
        reverse("wagtailsnippets_leaderboard_badge:add"),
        {
            "name": "Five shares",
            "slug": "five-shares",
            "description": "Shared five posts.",
            "criterion": "shares",
            "threshold": 5,
            "active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Badge.objects.get(slug="five-shares").threshold == 5


def test_employees_cannot_open_the_ledger_admin(client):
    client.force_login(UserFactory())
    assert client.get(reverse("points_ledger:index")).status_code == 403


def test_not_even_a_superuser_rewrites_records_but_one_may_revoke(client, award):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    entry = LedgerEntry.objects.get(user=award.user)
    assert refused(client.get(reverse("points_ledger:edit", args=[entry.pk])))
    assert refused(client.get(reverse("badge_awards:delete", args=[award.pk])))
    client.post(revoke_url(award), {"reason": "Checked by the administrator."})
    award.refresh_from_db()
    assert award.revoked and award.revocation_reason == "Checked by the administrator."
