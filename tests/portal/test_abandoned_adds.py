"""An "add page" form that autosave turned into a draft and the editor then left must not
block the slug of the next add (portal/admin_drafts.py)."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.models import EditingSession
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from sharing.models import SharePostPage
from tests.people.factories import EditorFactory
from tests.sharing.factories import hub_get

pytestmark = pytest.mark.django_db


def _form(title="Relay 5", slug="relay-5"):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "summary": "Out now.",
            "target_url": "https://northwind.example/relay-5",
            "internal_note": "",
            "priority": "",
            "topics": "",
            "captions": inline_formset([{"platform": "x", "text": "Short"}]),
        }
    )


def _add_url():
    return reverse("wagtailadmin_pages:add", args=("sharing", "sharepostpage", hub_get().pk))


def _client(user=None):
    client = Client()
    client.force_login(user or EditorFactory())
    return client


def _autosave(client, data=None):
    """What Wagtail's autosave sends from the add form: the form, asking for JSON."""
    response = client.post(_add_url(), data or _form(), HTTP_ACCEPT="application/json")
    assert response.status_code == 200, response.content
    assert response.json()["success"] is True
    return SharePostPage.objects.get(pk=response.json()["pk"])


def _texts(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_autosave_on_the_add_form_leaves_a_draft_holding_the_slug():
    client = _client()
    draft = _autosave(client)
    assert draft.slug == "relay-5" and not draft.live and draft.first_published_at is None


def test_adding_again_after_an_abandoned_add_succeeds_and_says_what_happened():
    client = _client()
    left = _autosave(client)  # ...and the editor closed the tab
    response = client.post(_add_url(), _form())
    assert response.status_code == 302, response.content.decode()[:2000]
    new = SharePostPage.objects.exclude(pk=left.pk).get(title="Relay 5")
    assert new.slug == "relay-5"
    left.refresh_from_db()
    assert left.slug == f"relay-5-unfinished-{left.pk}"  # kept, with its content
    assert left.get_latest_revision_as_object().slug == left.slug
    assert left.url_path.endswith(f"/relay-5-unfinished-{left.pk}/")
    [said] = [t for t in _texts(response) if "unfinished draft" in t]
    assert "saved automatically and never published" in said
    assert f"relay-5-unfinished-{left.pk}" in said
    follow = client.get(response["Location"])
    assert reverse("wagtailadmin_pages:edit", args=[left.pk]) in follow.content.decode()


def test_an_autosave_of_the_second_add_also_gets_the_slug():
    client = _client()
    left = _autosave(client)
    again = _autosave(client)
    assert again.pk != left.pk and again.slug == "relay-5"


def test_someone_elses_draft_is_not_moved_and_the_message_names_it():
    _autosave(_client(EditorFactory(first_name="Ada", last_name="Lovelace")))
    response = _client().post(_add_url(), _form())
    assert response.status_code == 200  # the form again, with the slug error
    assert SharePostPage.objects.filter(slug="relay-5").count() == 1
    html = response.content.decode()
    assert "already in use" in html
    assert "an unfinished draft that Ada Lovelace started" in html


def test_a_published_page_keeps_its_slug_and_the_message_says_so():
    client = _client()
    client.post(_add_url(), {**_form(), "action-publish": "action-publish"})
    published = SharePostPage.objects.get(slug="relay-5")
    assert published.live
    response = client.post(_add_url(), _form())
    assert response.status_code == 200
    assert "is taken by “Relay 5”, a published page" in response.content.decode()
    published.refresh_from_db()
    assert published.slug == "relay-5"


def test_a_draft_open_in_an_editor_is_not_moved():
    editor = EditorFactory()
    client = _client(editor)
    draft = _autosave(client)
    EditingSession.objects.create(
        user=editor,
        content_type=ContentType.objects.get_for_model(Page),
        object_id=str(draft.pk),
        last_seen_at=timezone.now() - datetime.timedelta(minutes=1),
    )
    response = client.post(_add_url(), _form())
    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.slug == "relay-5"
    assert "an unfinished draft that you started" in response.content.decode()
