"""What the library pages show one person (page models call these from get_context)."""

from django.urls import reverse
from django.utils.safestring import SafeString
from wagtail.images.shortcuts import get_renditions_or_not_found

from people.models import User
from people.platforms import PLATFORMS
from people.selectors import network_list
from sharing.forms import LibraryFilterForm, SuggestionForm
from sharing.gate import Gate, gate_closed, sharing_gate
from sharing.selectors import (
    CARD_IMAGE,
    library_rank,
    library_read,
    post_is_available,
    post_topics,
    reasons_shorten,
    shares_by_post,
    shares_on_post,
    topics_followed,
)


def _viewer(request) -> User:
    """The person looking; a preview made without a session shows the page as a newcomer."""
    user = request.user
    return user if user.is_authenticated else User(username="preview")


def _gate(user: User) -> Gate:
    """The viewer's gate; the preview's newcomer (never saved) has every step missing."""
    return sharing_gate(user=user) if user.pk else gate_closed()


def library_context(*, request, hub) -> dict:
    user = _viewer(request)
    library = library_read(hub=hub)
    filters = LibraryFilterForm(request.GET or None, topics=library.topics)
    view, platform, topic = "for-you", "", ""
    if filters.is_valid():
        view = filters.cleaned_data["view"] or "for-you"
        platform = filters.cleaned_data["platform"]
        topic = filters.cleaned_data["topic"]
    posts = library.posts
    if platform:
        posts = [post for post in posts if platform in post.caption_platforms()]
    if topic:
        posts = [post for post in posts if any(t.slug == topic for t in post_topics(post))]
    networks = list(network_list(user=user).values_list("platform", "audience")) if user.pk else []
    shared = shares_by_post(user=user) if user.pk else {}
    cards = library_rank(
        user=user,
        posts=posts,
        networks=networks,
        followed={tag.pk for tag in topics_followed(user=user)} if user.pk else set(),
        shared=shared,
    )
    if view == "for-you":
        cards = [card for card in cards if card.fits]
    else:
        cards.sort(
            key=lambda card: card.post.first_published_at or card.post.latest_revision_created_at,
            reverse=True,
        )
    reasons_shorten(cards)
    gate = _gate(user)
    used = {platform for platform, _audience in networks}
    for card in cards:
        card.picture = _picture(card.post)
        # The card's own share buttons, for the networks both the post and the person have.
        card.buttons = (
            _buttons(
                post=card.post,
                platforms=card.platforms,
                used=used,
                shared=dict.fromkeys(card.shared_on, True),
            )
            if gate.open
            else []
        )
    return {
        "gate": gate,
        "has_networks": bool(networks),
        "filters": filters,
        "view": view,
        "platform": platform,
        "topic": topic,
        "cards": cards,
        "suggestion_form": SuggestionForm(),
        "mine_url": reverse("sharing:mine"),
    }


def _picture(post) -> SafeString | None:
    """The card's <img>, from the rendition loaded with the post: get_renditions, unlike the
    {% image %} tag, does not write a rendition it was handed back to the cache."""
    if post.image is None:
        return None
    rendition = get_renditions_or_not_found(post.image, [CARD_IMAGE])[CARD_IMAGE]
    return rendition.img_tag({"class": "post-card-image", "alt": ""})


def _buttons(*, post, platforms: list[str], used, shared: dict) -> list[dict]:
    """A share button per network the post has a caption for and the person uses; `shared`
    maps the networks they already shared it on to that share (or True)."""
    return [
        {
            "platform": PLATFORMS[key],
            "url": reverse("sharing:share", args=[post.pk, key]),
            "share": shared.get(key),
        }
        for key in platforms
        if key in used
    ]


def post_context(*, request, post) -> dict:
    user = _viewer(request)
    used = {n.platform: n for n in network_list(user=user)} if user.pk else {}
    caption_platforms = post.caption_platforms()
    shared = shares_on_post(user=user, post=post) if user.pk else {}
    buttons = _buttons(post=post, platforms=caption_platforms, used=used, shared=shared)
    return {
        "gate": _gate(user),
        "available": post_is_available(post),
        "buttons": buttons,
        "other_platforms": [PLATFORMS[key].label for key in caption_platforms if key not in used],
        "topics": post_topics(post),
        "departments": list(post.departments.all()),
    }
