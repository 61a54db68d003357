"""Editors: caption validation in the page editor, retraction, and the suggestions queue."""

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from leaderboard.models import LedgerEntry
from notifications.models import Notification
from people.models import ConsentKind
from people.services import consent_set
from sharing.models import Click, Share, SharePostPage, Suggestion
from sharing.services import SharingError, share_create, suggestion_create
from tests.people.factories import EditorFactory, UserFactory
from tests.sharing.factories import advocate_make, hub_get, post_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client():
    client = Client()
    client.force_login(EditorFactory())
    return client


def post_form(captions):
    return nested_form_data(
        {
            "title": "Relay 5",
            "slug": "relay-5",
            "summary": "Out now.",
            "target_url": "https://northwind.example/relay-5",
            "internal_note": "",
            "priority": "",
            "topics": "",
            "captions": inline_formset(
                [{"platform": platform, "text": text} for platform, text in captions]
            ),
        }
    )


def add_url():
    return reverse("wagtailadmin_pages:add", args=("sharing", "sharepostpage", hub_get().pk))


def test_the_editor_rejects_a_caption_too_long_with_disclosure_and_link_naming_it(editor_client):
    fits = "a" * (280 - 1 - 23 - len("\n\n#employee"))
    response = editor_client.post(
        add_url(), post_form([("x", fits), ("x", fits + "bbbb"), ("linkedin", "Fine")])
    )
    assert response.status_code == 200  # the form again, with errors
    html = response.content.decode()
    assert "X caption 2 is 4 characters too long" in html
    assert "284 of 280" in html
    assert "X caption 1 is" not in html
    assert not SharePostPage.objects.filter(slug="relay-5").exists()


def test_the_editor_saves_captions_that_fit(editor_client):
    response = editor_client.post(add_url(), post_form([("x", "Short"), ("x", "Another")]))
    assert response.status_code == 302
    post = SharePostPage.objects.get(slug="relay-5")
    assert post.variants("x") == ["Short", "Another"]


def test_target_must_be_https(editor_client):
    data = post_form([("x", "Short")])
    data["target_url"] = "http://northwind.example/relay-5"
    response = editor_client.post(add_url(), data)
    assert "Enter a full https:// address." in response.content.decode()


def test_a_post_may_not_take_a_slug_the_library_uses(editor_client):
    data = post_form([("x", "Short")])
    data["slug"] = "mine"
    response = editor_client.post(add_url(), data)
    assert response.status_code == 200
    assert not SharePostPage.objects.filter(slug="mine").exists()


def test_retracting_unpublishes_marks_shares_and_asks_each_sharer_to_remove_it(editor_client):
    post = post_create(title="Wrong pricing", captions={"linkedin": ["a"], "x": ["b"]})
    alice = advocate_make(platforms=["linkedin", "x"])
    bob = advocate_make(platforms=["linkedin"])
    shares = [
        share_create(user=alice, post=post, platform="linkedin", text="a").share,
        share_create(user=alice, post=post, platform="x", text="b").share,
        share_create(user=bob, post=post, platform="linkedin", text="a").share,
    ]
    edit = editor_client.get(reverse("wagtailadmin_pages:edit", args=[post.pk]))
    retract_url = reverse("sharing_retract", args=[post.pk])
    assert retract_url in edit.content.decode()
    confirm = editor_client.get(retract_url)
    assert "3 shares" in confirm.content.decode() and "2 advocates" in confirm.content.decode()
    response = editor_client.post(retract_url, {"reason": "The price in it was wrong."})
    assert response.status_code == 302
    post.refresh_from_db()
    assert not post.live and post.retracted_at is not None
    assert all(Share.objects.get(pk=s.pk).retracted_at for s in shares)
    notices = Notification.objects.filter(kind="retraction").order_by("user_id")
    assert [n.user_id for n in notices] == [alice.pk, bob.pk]
    assert "on X, LinkedIn." in notices[0].body  # newest share first
    assert notices[0].url.startswith("/share/mine/")
    # Retracting again tells nobody twice.
    editor_client.post(retract_url, {"reason": "Again."})
    assert Notification.objects.filter(kind="retraction").count() == 2
    # Its links show the neutral page and the click is kept.
    response = Client().get(f"/l/{shares[0].code}", HTTP_USER_AGENT="Mozilla/5.0 Firefox/133")
    assert response.status_code == 410
    assert Click.objects.filter(refusal="unavailable").count() == 1


def test_an_employee_cannot_retract():
    post = post_create()
    client = Client()
    client.force_login(UserFactory())
    response = client.post(reverse("sharing_retract", args=[post.pk]))
    assert response.status_code == 403
    post.refresh_from_db()
    assert post.live and post.retracted_at is None


def test_an_employee_suggests_a_link_with_and_without_htmx():
    user = UserFactory()
    client = Client()
    client.force_login(user)
    response = client.post(
        "/share/suggest/", {"url": "https://news.example/a", "note": "Great coverage"}
    )
    assert response.status_code == 302 and response["Location"].endswith("#suggestions")
    fragment = client.post(
        "/share/suggest/",
        {"url": "https://news.example/b", "note": "Also good"},
        HTTP_HX_REQUEST="true",
    )
    assert "Thank you" in fragment.content.decode() and "<html" not in fragment.content.decode()
    bad = client.post("/share/suggest/", {"url": "not a link", "note": ""}, HTTP_HX_REQUEST="true")
    assert bad.status_code == 422
    assert Suggestion.objects.filter(user=user).count() == 2
    mine = client.get("/share/mine/").content.decode()
    assert "https://news.example/a" in mine and "Waiting for review" in mine


def test_accepting_creates_a_prefilled_draft_awards_points_and_tells_the_suggester(
    editor_client,
):
    hub_get()
    user = UserFactory()
    suggestion = suggestion_create(user=user, url="https://news.example/a", note="Lovely story")
    index = editor_client.get(reverse("sharing_suggestion:index"))
    review_url = reverse("sharing_suggestion:review", args=[suggestion.pk])
    assert review_url in index.content.decode()
    response = editor_client.post(review_url, {"action": "accept"})
    suggestion.refresh_from_db()
    post = suggestion.post
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[post.pk])
    assert suggestion.state == "accepted"
    assert not post.live and post.target_url == "https://news.example/a"
    assert post.summary == "Lovely story"
    assert LedgerEntry.objects.filter(user=user, reason="suggestion_accepted").count() == 1
    assert Notification.objects.get(user=user, kind="suggestion_decided").title.endswith("accepted")
    # Deciding twice changes nothing.
    again = editor_client.post(review_url, {"action": "decline", "reason": "no"})
    suggestion.refresh_from_db()
    assert again.status_code == 200 and suggestion.state == "accepted"


def test_declining_needs_a_reason_which_the_suggester_then_reads(editor_client):
    user = UserFactory()
    suggestion = suggestion_create(user=user, url="https://news.example/a", note="Hmm")
    review_url = reverse("sharing_suggestion:review", args=[suggestion.pk])
    empty = editor_client.post(review_url, {"action": "decline", "reason": " "})
    assert empty.status_code == 400
    suggestion.refresh_from_db()
    assert suggestion.state == "pending"
    editor_client.post(review_url, {"action": "decline", "reason": "Still under embargo."})
    suggestion.refresh_from_db()
    assert suggestion.state == "declined"
    client = Client()
    client.force_login(user)
    html = client.get("/share/mine/").content.decode()
    assert "Declined" in html and "Still under embargo." in html
    assert Notification.objects.get(user=user, kind="suggestion_decided").body == (
        "Still under embargo."
    )


def test_suggestions_must_be_https():
    with pytest.raises(SharingError):
        suggestion_create(user=UserFactory(), url="http://x.example", note="n")


def test_a_priority_post_published_tells_fitting_advocates_with_alerts_on():
    fitting = advocate_make(platforms=["linkedin"])
    consent_set(user=fitting, kind=ConsentKind.EMAIL_ALERTS, granted=True, source="test")
    elsewhere = advocate_make(platforms=["facebook"])
    consent_set(user=elsewhere, kind=ConsentKind.EMAIL_ALERTS, granted=True, source="test")
    post_create(title="Big news", priority=True, captions={"linkedin": ["a"]})
    told = Notification.objects.filter(kind="priority_post")
    assert [n.user_id for n in told] == [fitting.pk]


def test_editors_can_preview_a_post_and_the_library():
    post = post_create(title="Preview me", live=False)
    request = RequestFactory().get("/admin/")
    request.user = EditorFactory()
    response = post.make_preview_request(original_request=request)
    assert response.status_code == 200
    assert b"Preview me" in response.content
    hub_response = hub_get().make_preview_request(original_request=request)
    assert hub_response.status_code == 200
