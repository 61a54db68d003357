"""A library card: the parts every reader sees alike, rendered once, around the reader's own.

A card is the post's picture, title, summary and tags (the same for everyone) around the
reader's own "why you see this", "you shared this" and share buttons. Rendering a card
through the template on every view cost more than the rest of the page: the shared parts
are rendered once per library snapshot and kept in this process under the snapshot's
version (generation and hub), so an editor's change, which moves the generation on, renders
them again; the reader's own parts are a few lines of markup joined here per view. Nothing
a reader sees of their own is kept.
"""

from dataclasses import dataclass

from django.template.loader import get_template
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from wagtail.images.shortcuts import get_renditions_or_not_found

from people.platforms import PLATFORMS, Platform
from sharing.selectors import CARD_IMAGE, post_topics


@dataclass(frozen=True)
class CardParts:
    # From the card's opening <li> to its title; then from the summary to the tags.
    head: SafeString
    body: SafeString
    # The share step's address per network the post has a caption for, and its button
    # by (network, already shared by the reader).
    share_urls: dict[str, str]
    buttons: dict[tuple[str, bool], SafeString]


# {"version": the snapshot's version, "parts": {post id: CardParts}}: the latest only.
_rendered: dict = {}


def card_parts(*, version: tuple, posts: list, request) -> dict[int, CardParts]:
    """Each post's CardParts by id, rendered for those not rendered under `version` yet."""
    kept = _rendered.get("kept")
    if kept is None or kept[0] != version or not version:
        kept = (version, {})
        _rendered["kept"] = kept
    parts = kept[1]
    for post in posts:
        if post.pk not in parts:
            parts[post.pk] = _render(post, request)
    return parts


def _render(post, request) -> CardParts:
    platforms = post.caption_platforms()
    context = {
        "post": post,
        "url": post.get_url(request),
        "picture": _picture(post),
        "platform_labels": [PLATFORMS[key].label for key in platforms],
        "topics": post_topics(post),
    }
    urls = {key: reverse("sharing:share", args=[post.pk, key]) for key in platforms}
    return CardParts(
        head=get_template("sharing/library_card.html#head").render(context),
        body=get_template("sharing/library_card.html#body").render(context),
        share_urls=urls,
        buttons={
            (key, shared): card_button(post, PLATFORMS[key], url, shared=shared)
            for key, url in urls.items()
            for shared in (False, True)
        },
    )


def _picture(post) -> SafeString | None:
    """The card's <img>, from the rendition loaded with the post: get_renditions, unlike the
    {% image %} tag, does not write a rendition it was handed back to the cache."""
    if post.image is None:
        return None
    rendition = get_renditions_or_not_found(post.image, [CARD_IMAGE])[CARD_IMAGE]
    return rendition.img_tag({"class": "post-card-image", "alt": ""})


def card_html(card, *, view: str) -> SafeString:
    """The whole card for this reader: its shared parts (card.parts) with their reason to
    see it, what they shared it on and their share buttons (card.buttons)."""
    html = [card.parts.head]
    if card.why:
        lead = "Why you see this: " if view == "for-you" and not card.why_repeats else ""
        repeats = " why-repeats" if card.why_repeats else ""
        html.append(format_html('<p class="why{}">{}{}</p>', repeats, lead, card.why))
    html.append(card.parts.body)
    if card.shared_on:
        labels = ", ".join(card.shared_labels)
        html.append(format_html('<p class="shared-note">You shared this on {}.</p>', labels))
    if card.buttons:
        buttons = format_html_join(
            "",
            "<li>{}</li>",
            ((card.parts.buttons[b["platform"].key, b["share"]],) for b in card.buttons),
        )
        html.append(
            format_html(
                '<ul class="share-buttons card-share-buttons" aria-label="Share “{}”">{}</ul>'
                '<div class="card-panel" id="card-panel-{}"></div>',
                card.post.title,
                buttons,
                card.post.pk,
            )
        )
    html.append(mark_safe("</li>"))  # noqa: S308 (fixed markup)
    return mark_safe("".join(html))  # noqa: S308 (each part escaped above)


def card_button(post, platform: Platform, url: str, shared=False, oob=False) -> SafeString:
    """The button that opens the card's share panel (htmx) or the share step (without
    JavaScript); the share result sends it again out of band, so the card says "Shared" at
    once."""
    panel = f"card-panel-{post.pk}"
    label = (
        format_html("Shared on {}: get the link", platform.label)
        if shared
        else format_html("Share on {}", platform.label)
    )
    return format_html(
        '<a class="button{}" id="card-button-{}-{}" href="{}" hx-get="{}" hx-target="#{}" '
        'hx-swap="innerHTML" aria-controls="{}"{}>{}</a>',
        " button-quiet" if shared else "",
        post.pk,
        platform.key,
        url,
        url,
        panel,
        panel,
        mark_safe(' hx-swap-oob="true"') if oob else "",
        label,
    )
