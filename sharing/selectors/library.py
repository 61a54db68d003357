"""The library ranked for one person: a card per post with the reasons it is shown."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.utils import timezone
from taggit.models import Tag

from people.models import User
from people.platforms import PLATFORMS
from sharing.models import SharePostPage
from sharing.selectors.posts import PostFacts, post_facts

NEW_FOR = timedelta(days=7)


@dataclass
class Card:
    post: SharePostPage
    score: int = 0
    reasons: list[str] = field(default_factory=list)
    platforms: list[str] = field(default_factory=list)
    topics: list[Tag] = field(default_factory=list)
    shared_on: list[str] = field(default_factory=list)
    # The "why you see this" line as shown: the reasons, or a short pointer to the card before.
    why: str = ""
    why_repeats: bool = False
    # Share buttons on the card (set by the page: they depend on the person's gate).
    buttons: list[dict] = field(default_factory=list)
    # What every reader's card of this post shows alike, rendered once, and the whole card
    # as this reader sees it (both set by the page).
    parts: object = None
    html: str = ""

    @property
    def fits(self) -> bool:
        return bool(self.reasons)

    @property
    def reason_text(self) -> str:
        return " · ".join(self.reasons)

    @property
    def platform_labels(self) -> list[str]:
        return [PLATFORMS[key].label for key in self.platforms]

    @property
    def shared_labels(self) -> list[str]:
        return [PLATFORMS[key].label for key in self.shared_on]

    def add(self, points: int, reason: str) -> None:
        self.score += points
        self.reasons.append(reason)


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _card(
    *,
    user: User,
    post: SharePostPage,
    used: dict[str, str],
    followed: set[int],
    shared: dict[int, list[str]],
    at: datetime,
    facts: PostFacts,
) -> Card:
    card = Card(post=post, platforms=facts.platforms, topics=facts.topics)
    fitting = [key for key in card.platforms if key in used]
    if fitting:
        labels = [f"{PLATFORMS[key].label} ({used[key]})" for key in fitting]
        card.add(3, "You're on " + _join(labels))
    departments = facts.departments
    if user.department_id and any(d.pk == user.department_id for d in departments):
        card.add(2, next(d.name for d in departments if d.pk == user.department_id))
    matched = [tag.name for tag in card.topics if tag.pk in followed]
    if matched:
        card.add(2 * len(matched), "You follow " + _join(matched))
    if post.priority:
        card.add(2, "Priority")
    if post.first_published_at and at - post.first_published_at < NEW_FOR:
        card.add(1, "New this week")
    card.shared_on = shared.get(post.pk, [])
    if card.shared_on:
        card.score -= 6
    return card


def library_rank(
    *,
    user: User,
    posts: list[SharePostPage],
    networks: list[tuple[str, str]],
    followed: set[int],
    shared: dict[int, list[str]],
    at: datetime | None = None,
    facts: dict[int, PostFacts] | None = None,
) -> list[Card]:
    """Cards for `posts`, best fit first, each with the reasons it is shown.

    Fit: a caption for a network the person uses (3), their department (2), a topic they
    follow (2 each), priority (2), new this week (1); already shared by them sinks it (-6).
    Ties go to the newest post. `facts`: the posts' PostFacts by id, where already known.
    """
    at = at or timezone.now()
    used: dict[str, str] = {}
    for platform, audience in networks:
        used.setdefault(platform, audience)
    cards = [
        _card(
            user=user,
            post=post,
            used=used,
            followed=followed,
            shared=shared,
            at=at,
            facts=(facts or {}).get(post.pk) or post_facts(post),
        )
        for post in posts
    ]
    # Stable sort keeps the newest-first order among equal scores.
    cards.sort(key=lambda card: -card.score)
    return cards


# "Previous" rather than "above": in a grid of cards the previous one may sit beside this one.
SAME_AS_PREVIOUS = "Same reason as the previous post"
# Reasons this module words itself; a department's name keeps its capital mid-sentence.
_OWN_WORDING = ("You're on ", "You follow ", "Priority", "New this week")


def _mid_sentence(reason: str) -> str:
    return reason[0].lower() + reason[1:] if reason.startswith(_OWN_WORDING) else reason


def reasons_shorten(cards: list[Card]) -> list[Card]:
    """Set each card's `why` in the order shown: its reasons once, or, when they repeat the
    card just before it, "Same reason as the previous post" (or "As the previous post, and …"
    for the reasons it adds).

    Only the card just before counts: a pointer further up the list would make people
    scroll back to read it.
    """
    previous: list[str] = []
    for card in cards:
        if card.reasons and card.reasons == previous:
            card.why, card.why_repeats = SAME_AS_PREVIOUS, True
        elif previous and card.reasons[: len(previous)] == previous:
            added = [_mid_sentence(reason) for reason in card.reasons[len(previous) :]]
            card.why, card.why_repeats = "As the previous post, and " + _join(added), True
        else:
            card.why, card.why_repeats = card.reason_text, False
        previous = card.reasons
    return cards
