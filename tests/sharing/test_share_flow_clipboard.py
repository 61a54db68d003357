"""The share step's confirm: networks whose page takes only the link get the caption to
copy (share.js copies it; without it the page says it was not copied), and the preview of
the post on the chosen network, trimmed to what the network takes."""

import re

import pytest
from django.test import Client

from sharing.captions import caption_preview, preview_room, tracked_url_sample
from sharing.models import Share
from tests.sharing.factories import advocate_make, post_create

pytestmark = pytest.mark.django_db

NOT_COPIED = "Your caption wasn't copied"
COPIED = "Your caption is copied — paste it into LinkedIn."


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def confirm(client, post, platform, text, **headers):
    return client.post(
        f"/share/posts/{post.pk}/{platform}/",
        {"text": text, "include_disclosure": "on", "variant": "0"},
        **headers,
    )


@pytest.mark.parametrize("htmx", [True, False])
def test_confirming_on_linkedin_hands_the_caption_to_copy_and_says_whether_it_was(htmx):
    post = post_create(captions={"linkedin": ["Proud of this"]})
    client = client_for(advocate_make())
    form = client.get(f"/share/posts/{post.pk}/linkedin/").content.decode()
    # share.js copies first and opens LinkedIn after, so it opens no empty tab up front.
    assert "data-copies-caption" in form and "data-opens-window" not in form
    assert "copies your caption" in form
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    html = confirm(client, post, "linkedin", "Proud of this", **headers).content.decode()
    share = Share.objects.get()
    status = re.search(r"<p [^>]*data-clipboard-status[^>]*>([^<]*)</p>", html)
    # Until a browser script confirms the copy, the page says it was not copied ...
    assert NOT_COPIED in status.group(1)
    # ... and the words for a confirmed copy are there for share.js to show.
    assert f'data-copied-text="{COPIED}"' in status.group(0)
    caption = re.search(r"<textarea [^>]*data-clipboard-caption[^>]*>([^<]*)</textarea>", html)
    assert caption.group(1) == "Proud of this\n\n#employee" == share.caption
    assert 'data-copy="#share-caption-' in html  # the copy button for when it was refused
    assert "https://www.linkedin.com/sharing/share-offsite/?url=" in html


def test_networks_that_take_the_caption_get_no_clipboard_step():
    post = post_create(captions={"x": ["Launch day"]})
    client = client_for(advocate_make(platforms=["x"]))
    form = client.get(f"/share/posts/{post.pk}/x/").content.decode()
    assert "data-opens-window" in form and "data-copies-caption" not in form
    html = confirm(client, post, "x", "Launch day", HTTP_HX_REQUEST="true").content.decode()
    assert "data-clipboard-status" not in html and NOT_COPIED not in html


def test_coming_back_to_a_share_shows_the_link_without_a_copy_claim():
    post = post_create()
    client = client_for(advocate_make())
    confirm(client, post, "linkedin", "Proud", HTTP_HX_REQUEST="true")
    html = client.get(f"/share/posts/{post.pk}/linkedin/").content.decode()
    assert "You shared this already" in html
    assert "data-clipboard-status" not in html


def test_the_preview_trims_the_caption_to_what_the_network_takes_beside_the_link():
    room = preview_room(platform="x")
    assert room == 280 - 1 - 23
    text, trimmed = caption_preview(platform="x", text="word " * 80, disclosure="#employee")
    assert trimmed and len(text) <= room and text.endswith("…")
    short, trimmed = caption_preview(platform="x", text="Short", disclosure="#employee")
    assert (short, trimmed) == ("Short\n\n#employee", False)
    linkedin = 3000 - 1 - len(tracked_url_sample())
    assert preview_room(platform="linkedin") == linkedin


def test_the_form_preview_shows_the_trimmed_caption_and_says_it_was_trimmed():
    post = post_create(title="Relay 5", captions={"x": ["word " * 80]})
    html = client_for(advocate_make(platforms=["x"])).get(f"/share/posts/{post.pk}/x/")
    html = html.content.decode()
    caption = re.search(r"<p [^>]*data-preview-caption>([^<]*)</p>", html).group(1)
    # Cut at the network's room, less the space it would have ended on.
    assert caption.endswith("…") and preview_room(platform="x") - 2 <= len(caption) <= 256
    trimmed = re.search(r"<p [^>]*data-preview-trimmed[^>]*>", html).group(0)
    assert "hidden" not in trimmed
    assert 'data-room="256"' in html
    assert "Relay 5" in html and "northwind.example" in html
