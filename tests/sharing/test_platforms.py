"""The platform registry: share pages correctly encoded, limits, how links count."""

from urllib.parse import parse_qs, urlsplit

import pytest

from people.platforms import PLATFORMS
from sharing.captions import caption_compose, caption_length, caption_overflow, caption_problem

TRACKED = "https://chorus.example/l/AbCdEfGhIjKlMnOp"
TRICKY = "Fish & chips #Friday 🎉\nLine two & more"


def query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


@pytest.mark.parametrize("key", ["linkedin", "x", "facebook", "bluesky", "threads", "xing"])
def test_every_web_platform_has_an_https_share_page_that_carries_the_link(key):
    url = PLATFORMS[key].share_url(text=TRICKY, url=TRACKED)
    assert url.startswith("https://")
    assert "#" not in url and "\n" not in url and " " not in url
    values = [v for vs in query(url).values() for v in vs]
    assert any(TRACKED in value for value in values)


def test_x_gets_the_caption_and_link_with_ampersand_hash_emoji_and_newline_intact():
    url = PLATFORMS["x"].share_url(text=TRICKY, url=TRACKED)
    assert url.startswith("https://x.com/intent/post?")
    assert "%26" in url and "%23Friday" in url and "%0A" in url and "%F0%9F%8E%89" in url
    assert query(url) == {"text": [TRICKY], "url": [TRACKED]}


@pytest.mark.parametrize("key", ["bluesky", "threads"])
def test_text_only_composers_get_caption_then_link(key):
    url = PLATFORMS[key].share_url(text=TRICKY, url=TRACKED)
    assert query(url) == {"text": [f"{TRICKY}\n{TRACKED}"]}


def test_linkedin_takes_only_the_link():
    url = PLATFORMS["linkedin"].share_url(text=TRICKY, url=TRACKED + "?a=1&b=2")
    assert url.startswith("https://www.linkedin.com/sharing/share-offsite/?url=")
    assert query(url) == {"url": [TRACKED + "?a=1&b=2"]}


def test_instagram_is_copy_only():
    assert PLATFORMS["instagram"].copy_only
    assert PLATFORMS["instagram"].share_url(text="x", url=TRACKED) is None


def test_x_counts_any_link_as_23_characters_others_count_its_length():
    long_link = "https://chorus.example/l/" + "a" * 100
    assert caption_length(platform="x", text="hello", url=long_link) == 5 + 1 + 23
    assert caption_length(platform="bluesky", text="hello", url=long_link) == 6 + len(long_link)


def test_limits_are_the_networks_own():
    assert PLATFORMS["x"].caption_limit == 280
    assert PLATFORMS["bluesky"].caption_limit == 300
    assert PLATFORMS["linkedin"].caption_limit == 3000


def test_emoji_and_newlines_count_as_one_character_each():
    composed = caption_compose(text="a\r\nb 🎉", disclosure="#employee")
    assert composed == "a\nb 🎉\n\n#employee"
    assert len(composed) == 16


def test_a_caption_exactly_at_the_limit_fits_and_one_more_is_named_with_its_overflow():
    room = 280 - 1 - 23 - len("\n\n#employee")
    assert caption_overflow(platform="x", text="a" * room, disclosure="#employee", url=TRACKED) == 0
    problem = caption_problem(
        platform="x", text="a" * (room + 3), disclosure="#employee", label="X caption 2"
    )
    assert problem.startswith("X caption 2 is 3 characters too long")
    assert "283 of 280" in problem
