"""What the library pages show one person (page models call these from get_context)."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.urls import reverse
from django.utils import timezone

from people.models import User
from people.platforms import PLATFORMS
from people.selectors import network_list
from sharing.forms import LibraryFilterForm, SuggestionForm
from sharing.gate import Gate, gate_closed, sharing_gate
from sharing.library_cards import card_html, card_parts
from sharing.selectors import (
    LibraryViewer,
    PostFacts,
    library_rank,
    library_read,
    library_viewer,
    post_facts,
    post_is_available,
    post_topics,
    reasons_shorten,
    shares_on_post,
)

# Cards on one page of the library: a company's 200 posts at once cost the reader seconds.
CARDS_PER_PAGE = 24


def _viewer(request) -> User:
    """The person looking; a preview made without a session shows the page as a newcomer."""
    user = request.user
    return user if user.is_authenticated else User(username="preview")


def _viewer_state(user: User) -> LibraryViewer:
    """What the viewer chose and did; the preview's newcomer (never saved) has nothing."""
    if not user.pk:
        return LibraryViewer([], {}, set(), opted_in=False, certified=False)
    return library_viewer(user=user, day=timezone.localdate())


def _gate(user: User, state: LibraryViewer | None = None) -> Gate:
    """The viewer's gate (two of its steps from `state` when read already); the preview's
    newcomer has every step missing."""
    if not user.pk:
        return gate_closed()
    if state is None:
        return sharing_gate(user=user)
    return sharing_gate(user=user, certified=state.certified, opted_in=state.opted_in)


def library_context(*, request, hub) -> dict:
    user = _viewer(request)
    library = library_read(hub=hub)
    filters = LibraryFilterForm(request.GET or None, topics=library.topics)
    view, platform, topic = "for-you", "", ""
    if filters.is_valid():
        view = filters.cleaned_data["view"] or "for-you"
        platform = filters.cleaned_data["platform"]
        topic = filters.cleaned_data["topic"]
    posts, facts = library.posts, library.facts
    if platform:
        posts = [post for post in posts if platform in _facts(facts, post).platforms]
    if topic:
        posts = [post for post in posts if any(t.slug == topic for t in _facts(facts, post).topics)]
    state = _viewer_state(user)
    networks = state.networks
    cards = library_rank(
        user=user,
        posts=posts,
        networks=networks,
        followed=state.followed,
        shared=state.shared,
        facts=facts,
    )
    if view == "for-you":
        cards = [card for card in cards if card.fits]
    else:
        cards.sort(
            key=lambda card: card.post.first_published_at or card.post.latest_revision_created_at,
            reverse=True,
        )
    page = Paginator(cards, CARDS_PER_PAGE).get_page(request.GET.get("page"))
    cards = reasons_shorten(list(page.object_list))
    gate = _gate(user, state)
    _cards_render(
        cards,
        version=library.version,
        request=request,
        view=view,
        buttons={platform for platform, _audience in networks} if gate.open else set(),
    )
    return {
        "gate": gate,
        "has_networks": bool(networks),
        "filters": filters,
        "filter_fields": _filter_fields(filters, version=library.version),
        "view": view,
        "platform": platform,
        "topic": topic,
        "cards": cards,
        "pages": _pages(page, view=view, platform=platform, topic=topic),
        "suggestion_form": SuggestionForm(),
        "mine_url": reverse("sharing:mine"),
    }


def _cards_render(cards, *, version: tuple, request, view: str, buttons: set[str]) -> None:
    """Each card's HTML: its shared parts around this reader's own, with a share button per
    network in `buttons` (those they use, none while the gate is closed) the post has."""
    parts = card_parts(version=version, posts=[card.post for card in cards], request=request)
    for card in cards:
        card.parts = parts[card.post.pk]
        card.buttons = [
            {
                "platform": PLATFORMS[key],
                "url": card.parts.share_urls[key],
                "share": key in card.shared_on,
            }
            for key in card.platforms
            if key in buttons
        ]
        card.html = card_html(card, view=view)


# {"kept": (snapshot version, {(bound, platform, topic): the two selects})}: the latest only.
_filter_html: dict = {}


def _facts(facts: dict, post) -> PostFacts:
    return facts.get(post.pk) or post_facts(post)


def _filter_fields(filters: LibraryFilterForm, *, version: tuple) -> dict:
    """The filter's two selects as HTML. Their options are the networks and the snapshot's
    topics, so a valid choice renders the same for everyone: rendered once per snapshot
    and choice. A choice that is not an option is rendered each time (never kept)."""
    if filters.is_bound and not filters.is_valid():
        return {"platform": filters["platform"], "topic": filters["topic"]}
    data = filters.cleaned_data if filters.is_bound else {}
    # Bound or not: an unbound select marks no option selected, a bound one its choice.
    choice = (filters.is_bound, data.get("platform", ""), data.get("topic", ""))
    kept = _filter_html.get("kept")
    if kept is None or kept[0] != version or not version:
        kept = (version, {})
        _filter_html["kept"] = kept
    if choice not in kept[1]:
        kept[1][choice] = {name: filters[name].as_widget() for name in ("platform", "topic")}
    return kept[1][choice]


def _pages(page, **filters) -> dict | None:
    """The links to the pages before and after this one, keeping the filters (None when
    every card fits on one page)."""
    if not page.has_other_pages():
        return None
    kept = {name: value for name, value in filters.items() if value}

    def link(number: int) -> str:
        return "?" + urlencode({**kept, "page": number})

    return {
        "number": page.number,
        "count": page.paginator.num_pages,
        "previous": link(page.previous_page_number()) if page.has_previous() else "",
        "next": link(page.next_page_number()) if page.has_next() else "",
    }


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
