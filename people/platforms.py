"""The social networks Chorus knows: one registry, used by profiles and by sharing.

No account is ever connected: these are only the public share pages each network offers.
"""

from dataclasses import dataclass
from urllib.parse import quote, urlencode


@dataclass(frozen=True)
class Platform:
    key: str
    label: str
    caption_limit: int
    # How many characters a link costs in a caption; None means its real length.
    link_length: int | None = None
    # The share page; None for networks without one (the advocate copies and pastes).
    intent: str | None = None
    # Whether the share page takes text at all (LinkedIn's takes only the URL).
    takes_text: bool = True

    @property
    def copy_only(self) -> bool:
        return self.intent is None

    def link_cost(self, url: str) -> int:
        return self.link_length if self.link_length is not None else len(url)

    def share_url(self, *, text: str, url: str) -> str | None:
        """The network's own share page, prefilled; None when the network has none."""
        if self.intent is None:
            return None
        if self.key == "linkedin":
            return self.intent + "?" + urlencode({"url": url}, quote_via=quote)
        if self.key == "facebook":
            return self.intent + "?" + urlencode({"u": url}, quote_via=quote)
        if self.key == "x":
            return self.intent + "?" + urlencode({"text": text, "url": url}, quote_via=quote)
        if self.key == "xing":
            return self.intent + "?" + urlencode({"url": url}, quote_via=quote)
        # Bluesky and Threads take one text field: the caption followed by the link.
        return self.intent + "?" + urlencode({"text": f"{text}\n{url}"}, quote_via=quote)


PLATFORMS: dict[str, Platform] = {
    p.key: p
    for p in [
        Platform(
            "linkedin",
            "LinkedIn",
            3000,
            intent="https://www.linkedin.com/sharing/share-offsite/",
            takes_text=False,
        ),
        Platform("x", "X", 280, link_length=23, intent="https://x.com/intent/post"),
        Platform(
            "facebook",
            "Facebook",
            63206,
            intent="https://www.facebook.com/sharer/sharer.php",
            takes_text=False,
        ),
        Platform("bluesky", "Bluesky", 300, intent="https://bsky.app/intent/compose"),
        Platform("threads", "Threads", 500, intent="https://www.threads.net/intent/post"),
        Platform(
            "xing",
            "XING",
            3000,
            intent="https://www.xing.com/spi/shares/new",
            takes_text=False,
        ),
        Platform("instagram", "Instagram", 2200),
    ]
}

PLATFORM_CHOICES = [(p.key, p.label) for p in PLATFORMS.values()]
