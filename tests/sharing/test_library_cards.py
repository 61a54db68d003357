"""Sharing from the library card: network buttons open the caption panel in place, the
post's picture on the card, "why you see this" once per card, a fixed query count."""

import re
from html import unescape
from io import BytesIO

import pytest
from django.core.files.images import ImageFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from PIL import Image as PillowImage
from wagtail.images import get_image_model

from sharing.models import Share, SharePostPage
from sharing.selectors import Card, reasons_shorten
from sharing.services import post_retract
from tests.people.factories import UserFactory
from tests.sharing.factories import advocate_make, post_create

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def image_make(title="Launch picture"):
    buffer = BytesIO()
    PillowImage.new("RGB", (1200, 630), "#1d4ed8").save(buffer, format="PNG")
    image = get_image_model()(title=title)
    image.file = ImageFile(BytesIO(buffer.getvalue()), name="picture.png")
    image.save()
    return image


def with_image(post, image=None):
    SharePostPage.objects.filter(pk=post.pk).update(image=image or image_make())
    return SharePostPage.objects.get(pk=post.pk)


def card_html(html: str, post) -> str:
    """The text of one card in the library (entities decoded)."""
    start = html.index(f'id="card-{post.pk}"')
    ends = [html.find(mark, start) for mark in ('<li class="card post-card', "</section>")]
    return unescape(html[start : min(end for end in ends if end != -1)])


def pages_html(client, url: str) -> str:
    """Every page of the library from `url` on, following its "Next page" links."""
    html = client.get(url).content.decode()
    pages = [html]
    while found := re.search(r'<a href="([^"]+)"[^>]*>Next page</a>', html):
        html = client.get("/share/" + unescape(found.group(1))).content.decode()
        pages.append(html)
    return "".join(pages)


def test_an_advocate_gets_share_buttons_on_each_card_that_open_the_panel_in_place():
    post = post_create(title="Relay 5", captions={"linkedin": ["L"], "x": ["X"], "facebook": ["F"]})
    user = advocate_make(platforms=["linkedin", "x"])
    card = card_html(client_for(user).get("/share/?view=all").content.decode(), post)
    url = f"/share/posts/{post.pk}/linkedin/"
    # htmx fills the card's own panel; without JavaScript the same address is the share step.
    assert f'href="{url}"' in card and f'hx-get="{url}"' in card
    assert f'hx-target="#card-panel-{post.pk}"' in card
    assert f'id="card-panel-{post.pk}"' in card
    assert "Share on X" in card
    assert "Share on Facebook" not in card  # not a network this advocate uses


@pytest.mark.parametrize("skip", ["certified", "policy", "opted_in"])
def test_the_gate_keeps_the_card_buttons_away_exactly_as_on_the_post_page(skip):
    post = post_create()
    user = advocate_make(**{skip: False})
    html = client_for(user).get("/share/?view=all").content.decode()
    assert "Share on LinkedIn" not in card_html(html, post)
    assert "card-panel-" not in html
    response = client_for(user).get(
        f"/share/posts/{post.pk}/linkedin/",
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET=f"card-panel-{post.pk}",
    )
    assert response.status_code == 403
    assert not Share.objects.exists()


def test_the_card_panel_is_the_caption_form_with_a_preview_and_a_way_to_the_detail():
    post = with_image(post_create(title="Relay 5", captions={"linkedin": ["Proud of Relay 5"]}))
    client = client_for(advocate_make())
    panel = client.get(
        f"/share/posts/{post.pk}/linkedin/",
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET=f"card-panel-{post.pk}",
    )
    html = panel.content.decode()
    assert panel.status_code == 200 and "<html" not in html
    assert "Your caption for LinkedIn" in html
    assert "How it will look on LinkedIn" in html
    assert "Proud of Relay 5\n\n#employee" in html  # the caption as posted, disclosure too
    assert re.search(r'<img[^>]+class="network-preview-image"', html)
    assert "northwind.example" in html
    assert f'href="{post.url}"' in html and "More about this post" in html
    # Confirming inside the card records the share and answers with the result in place.
    result = client.post(
        f"/share/posts/{post.pk}/linkedin/",
        {"text": "Proud of Relay 5", "include_disclosure": "on", "variant": "0", "place": "card"},
        HTTP_HX_REQUEST="true",
    )
    share = Share.objects.get(post=post)
    assert result.status_code == 200 and "<html" not in result.content.decode()
    assert f"/l/{share.code}" in result.content.decode()
    again = client_for(share.user).get("/share/?view=all").content.decode()
    assert "Shared on LinkedIn: get the link" in card_html(again, post)


def test_the_post_page_keeps_its_own_share_step():
    post = post_create()
    html = client_for(advocate_make()).get(post.url).content.decode()
    assert "Share on LinkedIn" in html and 'hx-target="#share-panel"' in html


def test_a_post_picture_is_on_its_card_and_posts_without_one_have_none():
    pictured = with_image(post_create(title="With a picture"))
    plain = post_create(title="Without")
    html = client_for(advocate_make()).get("/share/?view=all").content.decode()
    assert re.search(r'<img[^>]+class="post-card-image"', card_html(html, pictured))
    assert "<img" not in card_html(html, plain)


def test_why_you_see_this_is_said_once_and_shortened_when_the_card_before_says_the_same():
    first = post_create(title="First")
    second = post_create(title="Second")
    html = client_for(advocate_make()).get("/share/").content.decode()
    cards = [card_html(html, post) for post in (second, first)]  # newest first
    assert html.count("Why you see this:") == 1
    assert "Why you see this: You're on LinkedIn (professional)" in cards[0]
    assert "Same reason as the previous post" in cards[1] and "You're on LinkedIn" not in cards[1]


def test_reasons_that_add_to_the_card_before_say_only_what_they_add():
    cards = [
        Card(post=None, reasons=["You're on LinkedIn (professional)"]),
        Card(post=None, reasons=["You're on LinkedIn (professional)", "Sales", "New this week"]),
        Card(post=None, reasons=["You're on X (personal)"]),
        Card(post=None, reasons=["You're on X (personal)"]),
        Card(post=None, reasons=[]),
        Card(post=None, reasons=["You're on X (personal)"]),
    ]
    assert [card.why for card in reasons_shorten(cards)] == [
        "You're on LinkedIn (professional)",
        "As the previous post, and Sales and new this week",
        "You're on X (personal)",
        "Same reason as the previous post",
        "",
        # Not just after the same reasons: said in full again.
        "You're on X (personal)",
    ]


def _library_queries(client) -> int:
    client.get("/share/?view=all")  # renditions are made once, on the first view
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/share/?view=all").status_code == 200
    return len(queries)


def test_the_library_query_count_is_the_same_for_5_and_50_posts_with_pictures_and_buttons():
    user = advocate_make(platforms=["linkedin", "x"])
    client = client_for(user)
    image = image_make()

    def add(count):
        for index in range(count):
            post = post_create(captions={"linkedin": ["a"], "x": ["b"]}, topics=(f"T{index % 3}",))
            with_image(post, image if index % 2 else image_make(f"Picture {index}"))

    add(5)
    at_5 = _library_queries(client)
    add(45)
    at_50 = _library_queries(client)
    html = pages_html(client, "/share/?view=all")
    assert html.count('class="post-card-image"') == 50
    assert html.count("Share on LinkedIn") == 50
    assert at_50 == at_5, f"{at_5} queries for 5 posts, {at_50} for 50"


def test_the_public_page_gives_networks_the_posts_open_graph_tags_and_picture():
    post = with_image(post_create(title="Relay 5 is here"))
    SharePostPage.objects.filter(pk=post.pk).update(internal_note="Do not mention pricing")
    response = Client().get(f"/share/posts/{post.pk}/")  # nobody logged in
    html = response.content.decode()
    assert response.status_code == 200
    assert '<meta property="og:title" content="Relay 5 is here">' in html
    assert '<meta property="og:description" content="Something worth sharing.">' in html
    image = re.search(r'<meta property="og:image" content="([^"]+)">', html).group(1)
    assert image.startswith("http://testserver/media/") and image.endswith(".png")
    assert '<meta property="og:image:width" content="1200">' in html
    assert f'href="{post.target_url}"' in html
    assert "pricing" not in html  # advocates' notes stay inside


def test_the_public_page_is_gone_once_the_post_is_retracted_and_never_shows_drafts():
    post = post_create()
    draft = post_create(live=False)
    assert Client().get(f"/share/posts/{draft.pk}/").status_code == 404
    post_retract(post=post, by=UserFactory(is_superuser=True), skip_permission_checks=True)
    assert Client().get(f"/share/posts/{post.pk}/").status_code == 404


def test_confirming_in_a_card_turns_that_cards_button_into_shared():
    post = post_create(captions={"linkedin": ["Proud"]})
    result = client_for(advocate_make()).post(
        f"/share/posts/{post.pk}/linkedin/",
        {"text": "Proud", "include_disclosure": "on", "variant": "0", "place": "card"},
        HTTP_HX_REQUEST="true",
    )
    pattern = rf'<a [^>]*id="card-button-{post.pk}-linkedin"[^>]*>([^<]*)</a>'
    button = re.search(pattern, result.content.decode())
    assert 'hx-swap-oob="true"' in button.group(0)
    assert button.group(1).strip() == "Shared on LinkedIn: get the link"
