"""Editors in the Wagtail admin: corrections as new rows, no edits or deletions, revocation,
badge definitions."""

import re

import pytest
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
        response = client.get(reverse(name, args=[entry.pk]))
        assert response.status_code in (302, 403)
        response = client.post(reverse(name, args=[entry.pk]), {"points": 1000, "note": "x"})
        assert response.status_code in (302, 403)
    entry.refresh_from_db()
    assert entry.points == 10
    assert LedgerEntry.objects.count() == 1


def test_an_editor_revokes_an_award_and_the_public_page_says_so(client, editor):
    BadgeFactory(slug="first-share", criterion="shares", threshold=1)
    person = UserFactory()
    points_award(user=person, reason="share", key="share:1")
    award = BadgeAward.objects.get(user=person)
    response = client.post(
        reverse("badge_awards:edit", args=[award.pk]),
        {"revoked": "on", "revocation_reason": "Awarded by mistake."},
    )
    assert response.status_code == 302
    award.refresh_from_db()
    assert award.revoked and award.revoked_at and award.revocation_reason == "Awarded by mistake."
    assert client.get(reverse("badges:assertion", args=[award.uid])).status_code == 410
    assert client.get(reverse("badge_awards:delete", args=[award.pk])).status_code in (302, 403)


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
