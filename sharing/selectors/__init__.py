"""Reads for sharing: available posts, the library ranked for one person, their shares,
suggestions and preferences, priority-post recipients, digest sections, the click rules'
history. Import from here; the modules are how the reads are grouped."""

from sharing.selectors.digest import digest_posts, digest_results
from sharing.selectors.library import Card, library_rank, reasons_shorten
from sharing.selectors.posts import (
    CARD_IMAGE,
    OG_IMAGE,
    Library,
    PostFacts,
    library_posts_changed,
    library_posts_watch,
    library_read,
    post_facts,
    post_is_available,
    post_may_retract,
    post_topics,
    posts_available,
    topics_in_use,
    variant_next,
)
from sharing.selectors.preferences import (
    preferences_get,
    topics_followed,
    topics_marked,
    weekly_cap_for,
)
from sharing.selectors.priority import priority_post_recipients
from sharing.selectors.shares import (
    post_sharers,
    share_of,
    share_state,
    share_totals,
    shares_by_post,
    shares_earning_in_week,
    shares_mine,
    shares_on_post,
    suggestion_may_accept,
    suggestions_mine,
)
from sharing.selectors.viewer import LibraryViewer, library_viewer

__all__ = [
    "CARD_IMAGE",
    "OG_IMAGE",
    "Card",
    "Library",
    "LibraryViewer",
    "digest_posts",
    "digest_results",
    "library_posts_changed",
    "library_posts_watch",
    "library_rank",
    "library_read",
    "library_viewer",
    "PostFacts",
    "post_facts",
    "post_is_available",
    "post_may_retract",
    "post_sharers",
    "post_topics",
    "posts_available",
    "preferences_get",
    "priority_post_recipients",
    "reasons_shorten",
    "share_of",
    "share_state",
    "share_totals",
    "shares_by_post",
    "shares_earning_in_week",
    "shares_mine",
    "shares_on_post",
    "suggestion_may_accept",
    "suggestions_mine",
    "topics_followed",
    "topics_in_use",
    "topics_marked",
    "variant_next",
    "weekly_cap_for",
]
