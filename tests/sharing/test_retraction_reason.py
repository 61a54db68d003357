"""Retraction in the admin: a visible action on the post's editor and in the page listing
(not in a "…" menu), a required reason, and that reason in every sharer's notice."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from notifications.models import Notification
from portal.audit import POST_RETRACT
from portal.models import AuditLogEntry
from sharing.models import SharePostPage
from sharing.services import post_retract, share_create
from tests.people.factories import EditorFactory
from tests.sharing.factories import advocate_make, hub_get, post_create

pytestmark = pytest.mark.django_db

REASON = "The launch date in it moved to May."


@pytest.fixture
def editor():
    client = Client()
    client.force_login(EditorFactory())
    return client


@pytest.fixture
def shared():
    post = post_create(title="Launch day", captions={"linkedin": ["a"]})
    alice = advocate_make(platforms=["linkedin"])
    share_create(user=alice, post=post, platform="linkedin", text="a")
    return post, alice


def _outside_dropdowns(html: str) -> str:
    """The page without the contents of its "…" dropdown menus."""
    return re.sub(r'<div[^>]*data-w-dropdown-target="content".*?</div>', "", html, flags=re.S)


def test_the_editor_shows_a_retract_button_in_plain_sight(editor, shared):
    post, _ = shared
    html = editor.get(reverse("wagtailadmin_pages:edit", args=[post.pk])).content.decode()
    url = reverse("sharing_retract", args=[post.pk])
    assert "Retract this post…" in html
    assert f'href="{url}"' in _outside_dropdowns(html)
    # The header's "…" menu has it too, and the check above looked past that one.
    assert html.count(url) > _outside_dropdowns(html).count(url)


def test_the_listing_shows_retract_in_the_row(editor, shared):
    post, _ = shared
    html = editor.get(reverse("wagtailadmin_explore", args=[hub_get().pk])).content.decode()
    url = reverse("sharing_retract", args=[post.pk])
    assert f'href="{url}"' in _outside_dropdowns(html)


def test_retracting_asks_for_a_reason(editor, shared):
    post, _ = shared
    url = reverse("sharing_retract", args=[post.pk])
    confirm = editor.get(url).content.decode()
    assert "Why is it being retracted?" in confirm and 'name="reason"' in confirm
    response = editor.post(url, {"reason": "   "})
    assert response.status_code == 400
    assert "Say why, so the people who shared it know." in response.content.decode()
    post.refresh_from_db()
    assert post.live and post.retracted_at is None
    assert not Notification.objects.filter(kind="retraction").exists()


def test_the_reason_reaches_every_sharer_and_the_audit_trail(editor, shared):
    post, alice = shared
    bob = advocate_make(platforms=["linkedin"])
    share_create(user=bob, post=post, platform="linkedin", text="a")
    response = editor.post(reverse("sharing_retract", args=[post.pk]), {"reason": REASON})
    assert response.status_code == 302
    notices = Notification.objects.filter(kind="retraction").order_by("user_id")
    assert [n.user_id for n in notices] == sorted([alice.pk, bob.pk])
    for notice in notices:
        assert f"has been withdrawn. The reason: {REASON} Please delete" in notice.body
    entry = AuditLogEntry.objects.get(action=POST_RETRACT)
    assert entry.data["reason"] == REASON
    # The sharer sees it in the portal too.
    client = Client()
    client.force_login(alice)
    assert REASON in client.get(reverse("notifications:list")).content.decode()


def test_after_retraction_the_editor_says_when(editor, shared):
    post, _ = shared
    post_retract(post=post, by=None, reason=REASON, skip_permission_checks=True)
    post = SharePostPage.objects.get(pk=post.pk)
    html = editor.get(reverse("wagtailadmin_pages:edit", args=[post.pk])).content.decode()
    assert "Retracted on" in html and "Retract this post…" not in html


def test_a_reason_without_a_full_stop_reads_as_a_sentence(shared):
    post, alice = shared
    post_retract(post=post, by=None, reason="Offer ended", skip_permission_checks=True)
    notice = Notification.objects.get(kind="retraction", user=alice)
    assert "The reason: Offer ended. Please delete" in notice.body


def test_a_never_published_draft_offers_no_retraction(editor):
    draft = post_create(title="Not yet", live=False)
    url = reverse("sharing_retract", args=[draft.pk])
    listing = editor.get(reverse("wagtailadmin_explore", args=[hub_get().pk])).content.decode()
    assert f'href="{url}"' not in listing
    edit = editor.get(reverse("wagtailadmin_pages:edit", args=[draft.pk])).content.decode()
    assert "Retract this post…" not in edit
