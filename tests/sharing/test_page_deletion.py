"""Deleting a page in the Wagtail admin never deletes what people did with it: shares,
their clicks and credited counts, points, suggestions stay; the person still sees them."""

import lxml.html
import pytest
from django.test import Client
from django.urls import reverse

from leaderboard.models import LedgerEntry, Reason
from sharing.models import Campaign, Click, Refusal, Share, SharePostPage, SuggestionState
from sharing.services import click_record, share_create, suggestion_accept, suggestion_create
from tests.people.factories import EditorFactory
from tests.sharing.factories import advocate_make, hub_get, post_create

pytestmark = pytest.mark.django_db

FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"


@pytest.fixture
def editor():
    return EditorFactory()


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def admin_delete(client: Client, page) -> None:
    """Delete `page` as an editor does: the confirmation page, then its form."""
    url = reverse("wagtailadmin_pages:delete", args=[page.pk])
    assert client.get(url).status_code == 200
    response = client.post(url)
    assert response.status_code == 302
    assert not SharePostPage.objects.filter(pk=page.pk).exists()


def test_deleting_a_shared_post_keeps_shares_clicks_and_points(editor):
    campaign = Campaign.objects.create(name="Spring", slug="spring-launch")
    post = post_create(title="Relay 5 is here", campaign=campaign)
    user = advocate_make()
    share = share_create(user=user, post=post, platform="linkedin", text="Proud").share
    for ip in ("203.0.113.1", "203.0.113.2"):
        click_record(code=share.code, method="GET", user_agent=FIREFOX, ip=ip)
    points_before = LedgerEntry.objects.filter(user=user).count()

    admin_delete(client_for(editor), post)

    share.refresh_from_db()
    assert share.post_id is None
    assert (share.post_title, share.credited_clicks) == ("Relay 5 is here", 2)
    assert Click.objects.filter(share=share, credited=True).count() == 2
    assert LedgerEntry.objects.filter(user=user).count() == points_before
    assert LedgerEntry.objects.filter(user=user, reason=Reason.CLICK).count() == 2
    assert Campaign.objects.filter(pk=campaign.pk).exists()
    html = client_for(user).get("/share/mine/").content.decode()
    assert "Relay 5 is here" in html and f"/l/{share.code}" in html
    assert _row_cells(html, f"share-{share.pk}")["Credited clicks"] == "2"


def _row_cells(html: str, row_id: str) -> dict[str, str]:
    """The visible text of each cell of a table row, by its column's heading."""
    table = lxml.html.fromstring(html).xpath(f'//tr[@id="{row_id}"]/ancestor::table[1]')[0]
    headings = [th.text_content().strip() for th in table.xpath("./thead/tr/th")]
    cells = table.xpath(f'.//tr[@id="{row_id}"]/td')
    return {h: " ".join(td.text_content().split()) for h, td in zip(headings, cells, strict=True)}


def test_a_link_to_a_deleted_post_shows_the_neutral_page_and_keeps_the_click(editor):
    post = post_create(target_url="https://northwind.example/news/gone")
    share = share_create(user=advocate_make(), post=post, platform="linkedin", text="Hi").share
    admin_delete(client_for(editor), post)
    response = Client().get(f"/l/{share.code}", HTTP_USER_AGENT=FIREFOX)
    assert response.status_code == 410
    assert b"no longer available" in response.content
    assert b"northwind.example" not in response.content
    assert Click.objects.get(share=share).refusal == Refusal.UNAVAILABLE


def test_deleting_the_draft_an_accepted_suggestion_became_keeps_the_suggestion(editor):
    hub_get()
    user = advocate_make()
    suggestion = suggestion_create(user=user, url="https://news.example/story", note="Lovely")
    draft = suggestion_accept(suggestion=suggestion, by=editor)

    admin_delete(client_for(editor), draft)

    suggestion.refresh_from_db()
    assert (suggestion.state, suggestion.post_id) == (SuggestionState.ACCEPTED, None)
    assert LedgerEntry.objects.filter(user=user, reason=Reason.SUGGESTION_ACCEPTED).count() == 1
    html = client_for(user).get("/share/mine/").content.decode()
    assert "https://news.example/story" in html and "Accepted" in html


def test_deleting_a_campaign_keeps_its_posts_and_their_shares(editor):
    campaign = Campaign.objects.create(name="Spring", slug="spring-launch")
    post = post_create(campaign=campaign)
    share = share_create(user=advocate_make(), post=post, platform="linkedin", text="Hi").share
    client = client_for(editor)
    url = reverse("wagtailsnippets_sharing_campaign:delete", args=[campaign.pk])
    assert client.post(url).status_code == 302
    assert not Campaign.objects.exists()
    post.refresh_from_db()
    assert post.campaign_id is None
    assert Share.objects.get(pk=share.pk).post_id == post.pk
