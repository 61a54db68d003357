"""Captions as they will be posted: the advocate's text, the disclosure, the tracked link."""

import secrets

from django.conf import settings

from people.platforms import PLATFORMS

CODE_BYTES = 12  # secrets.token_urlsafe(12) gives 16 URL-safe characters (96 random bits)
CODE_LENGTH = 16


def code_new() -> str:
    return secrets.token_urlsafe(CODE_BYTES)


def tracked_url(code: str) -> str:
    return f"{settings.PORTAL_BASE_URL}/l/{code}"


def tracked_url_sample() -> str:
    """A tracked link of the length every real one has, for counting before one exists."""
    return tracked_url("x" * CODE_LENGTH)


def caption_normalise(text: str) -> str:
    """Browsers send textarea line breaks as CRLF; count and post them as one character."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def caption_compose(*, text: str, disclosure: str) -> str:
    text = caption_normalise(text)
    disclosure = disclosure.strip()
    if not disclosure:
        return text
    return f"{text}\n\n{disclosure}" if text else disclosure


def caption_length(*, platform: str, text: str, url: str) -> int:
    """Characters the post will use on `platform`: the composed text, a separator, the link."""
    return len(text) + 1 + PLATFORMS[platform].link_cost(url)


def caption_overflow(*, platform: str, text: str, disclosure: str, url: str) -> int:
    """How many characters over the platform's limit (0 or less means it fits)."""
    composed = caption_compose(text=text, disclosure=disclosure)
    return caption_length(platform=platform, text=composed, url=url) - (
        PLATFORMS[platform].caption_limit
    )


def caption_problem(*, platform: str, text: str, disclosure: str, label: str) -> str | None:
    """A message naming the caption and its overflow, or None when it fits."""
    if not caption_normalise(text):
        return f"{label} is empty."
    overflow = caption_overflow(
        platform=platform, text=text, disclosure=disclosure, url=tracked_url_sample()
    )
    if overflow <= 0:
        return None
    limit = PLATFORMS[platform].caption_limit
    return (
        f"{label} is {overflow} character{'s' if overflow != 1 else ''} too long: with the "
        f"disclosure and the link it needs {limit + overflow} of {limit}."
    )


def caption_preview(*, platform: str, text: str, disclosure: str) -> tuple[str, bool]:
    """The caption as the network will show it beside the link, trimmed to what the network
    allows (room left after the separator and the link), and whether it had to be trimmed."""
    composed = caption_compose(text=text, disclosure=disclosure)
    room = preview_room(platform=platform)
    if len(composed) <= room:
        return composed, False
    return composed[: max(room - 1, 0)].rstrip() + "…", True


def preview_room(*, platform: str) -> int:
    """Characters of caption a post on `platform` can carry beside one tracked link."""
    network = PLATFORMS[platform]
    return network.caption_limit - 1 - network.link_cost(tracked_url_sample())
