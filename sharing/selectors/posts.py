"""Reads about posts: which are available, their topics, the caption variant next in turn."""

import time
from dataclasses import dataclass, field
from datetime import datetime

from django.core.cache import cache
from django.db import transaction
from django.db.models import Prefetch, Q, QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.images.shortcuts import get_renditions_or_not_found
from wagtail.models import Page
from wagtail.signals import post_page_move

from people.models import Department, User
from sharing.models import PostCaption, Share, SharePostPage, SharePostTag

# The picture on a library card and in the network preview: a link card's 1.91:1 shape.
CARD_IMAGE = "fill-640x336"
# The Open Graph image networks ask for (1200 x 630).
OG_IMAGE = "fill-1200x630"


def post_is_available(post: SharePostPage | None, *, at: datetime | None = None) -> bool:
    """Live, not expired, not retracted: a post whose links still lead somewhere. A deleted
    post (None) is not available."""
    at = at or timezone.now()
    return bool(
        post is not None
        and post.live
        and not post.expired
        and post.retracted_at is None
        and (post.expire_at is None or post.expire_at > at)
    )


def posts_available(*, hub=None, at: datetime | None = None) -> QuerySet[SharePostPage]:
    """Live posts that have not expired or been retracted, newest first, with what cards
    need prefetched (the card picture's rendition too, so cards cost no query each)."""
    at = at or timezone.now()
    posts = SharePostPage.objects.live().filter(retracted_at__isnull=True)
    if hub is not None:
        posts = posts.child_of(hub)
    return (
        posts.filter(Q(expire_at__isnull=True) | Q(expire_at__gt=at))
        .select_related("campaign", "image")
        .prefetch_related(
            "captions",
            # The tag in the same query as the tagging: one query, not two.
            Prefetch("tagged_items", queryset=SharePostTag.objects.select_related("tag")),
            "departments",
            Prefetch(
                "image__renditions",
                queryset=get_image_model()
                .get_rendition_model()
                .objects.filter(filter_spec=CARD_IMAGE),
            ),
        )
        .order_by("-first_published_at", "-pk")
    )


# The library's posts as every reader sees them, pickled with what their cards need
# (captions, topics, departments, picture and its rendition). Editors change posts rarely and
# people read the library often, so the snapshot is kept until something it was built from
# changes: `library_posts_changed` moves the generation on, and a snapshot of an earlier
# generation is built again. The timeout only bounds writes that send no signal (a
# queryset's update()).
LIBRARY_KEY = "sharing:library:posts"
LIBRARY_GENERATION_KEY = "sharing:library:generation"
LIBRARY_TIMEOUT = 600


@dataclass(frozen=True)
class PostFacts:
    """What ranking and filtering read of a post, worked out once per snapshot: reading
    them from the prefetched rows on every view cost more than the rest of the ranking."""

    platforms: list[str]
    topics: list[Tag]
    departments: list[Department]


def post_facts(post: SharePostPage) -> PostFacts:
    return PostFacts(
        platforms=post.caption_platforms(),
        topics=post_topics(post),
        departments=list(post.departments.all()),
    )


@dataclass(frozen=True)
class Library:
    posts: list[SharePostPage]
    # Every topic a post carries (topics_in_use), for the library's filter.
    topics: list[Tag]
    # The snapshot's (generation, hub id): what the cards rendered from it are kept under.
    version: tuple = ()
    # PostFacts by post id.
    facts: dict = field(default_factory=dict)


# The last snapshot this process unpickled, with when it was built: unpickling every post
# with its captions, topics and picture cost more than the rest of the page at company
# scale. It is used only while the shared generation still names it, and never past the
# shared snapshot's own timeout. Shared between requests, so never changed after reading.
_local: dict = {}


def library_read(*, hub, at: datetime | None = None) -> Library:
    """The available posts under `hub` (see posts_available), newest first, with their cards'
    captions, topics, departments and picture rendition loaded, and the topics in use; from
    the cache when nothing they were built from changed since (no query; one cache round
    trip while this process holds the current snapshot, two when it must fetch it)."""
    at = at or timezone.now()
    generation = cache.get(LIBRARY_GENERATION_KEY)
    if generation is None:
        generation = _generation_start()
    version = (generation, hub.pk)
    library = _snapshot_local(version)
    if library is None:
        library = _snapshot_shared(version, hub=hub)
    # Expiry is a time, not a change: checked on every read.
    posts = [post for post in library.posts if post.expire_at is None or post.expire_at > at]
    return Library(posts=posts, topics=library.topics, version=version, facts=library.facts)


def _snapshot_local(version: tuple) -> Library | None:
    found = _local.get("snapshot")
    if found is not None and found[0] == version and time.monotonic() < found[1]:
        return found[2]
    return None


def _snapshot_shared(version: tuple, *, hub) -> Library:
    snapshot = cache.get(LIBRARY_KEY)
    # (A snapshot of another shape is from a release before this one: built again.)
    if snapshot is not None and len(snapshot) == 4 and snapshot[:2] == version:
        built, library = snapshot[2], snapshot[3]
    else:
        # The generation is read before the posts: a change committed meanwhile moves it on,
        # so this snapshot, stored under the generation it was read with, is not used again.
        posts = list(posts_available(hub=hub))
        library = Library(
            posts=posts,
            topics=list(topics_in_use()),
            facts={post.pk: post_facts(post) for post in posts},
        )
        for post in library.posts:
            if post.image is not None:
                # Made now (the first view after an upload) so that the snapshot holds it.
                get_renditions_or_not_found(post.image, [CARD_IMAGE])
        built = time.time()
        cache.set(LIBRARY_KEY, (*version, built, library), LIBRARY_TIMEOUT)
    remaining = LIBRARY_TIMEOUT - (time.time() - built)
    _local["snapshot"] = (version, time.monotonic() + remaining, library)
    return library


def _generation_start() -> int:
    """A generation no earlier snapshot can have (the clock's nanoseconds), once none is set."""
    cache.add(LIBRARY_GENERATION_KEY, time.time_ns(), None)
    return cache.get(LIBRARY_GENERATION_KEY) or 0


def _generation_next() -> None:
    try:
        cache.incr(LIBRARY_GENERATION_KEY)
    except ValueError:  # never set, or evicted
        cache.set(LIBRARY_GENERATION_KEY, time.time_ns(), None)


def library_posts_changed(**kwargs) -> None:
    """Receiver for any change to what library snapshots hold: forget them now, and again
    once the change commits (a reader between the two would have cached what it read
    before the commit)."""
    _generation_next()
    transaction.on_commit(_generation_next)


def library_posts_watch() -> None:
    """Connect library_posts_changed to every model a library snapshot is built from (called
    once, from the app's ready()). A new rendition is left out: the snapshot makes the ones
    it needs and holds them, so only one deleted (its file gone) changes a snapshot."""
    image = get_image_model()
    for sender in [Page, SharePostPage, PostCaption, SharePostTag, Tag, Department, image]:
        uid = f"sharing-library-{sender._meta.label_lower}"
        post_save.connect(library_posts_changed, sender=sender, dispatch_uid=f"{uid}-save")
        post_delete.connect(library_posts_changed, sender=sender, dispatch_uid=f"{uid}-delete")
    post_delete.connect(
        library_posts_changed,
        sender=image.get_rendition_model(),
        dispatch_uid="sharing-library-rendition-delete",
    )
    m2m_changed.connect(
        library_posts_changed,
        sender=SharePostPage.departments.through,
        dispatch_uid="sharing-library-departments",
    )
    post_page_move.connect(library_posts_changed, dispatch_uid="sharing-library-moved")


def post_topics(post: SharePostPage) -> list[Tag]:
    """The post's topics by name, from its prefetched tags."""
    return sorted((item.tag for item in post.tagged_items.all()), key=lambda tag: tag.name)


def topics_in_use() -> QuerySet[Tag]:
    """Every topic at least one post carries, by name."""
    return Tag.objects.filter(sharing_shareposttag_items__isnull=False).distinct().order_by("name")


def variant_next(*, post: SharePostPage, platform: str) -> int:
    """The caption variant the next advocate gets, so a post doesn't read the same everywhere."""
    count = len(post.variants(platform))
    if count <= 1:
        return 0
    return Share.objects.filter(post=post, platform=platform).count() % count


def post_may_retract(post: SharePostPage, *, user: User) -> bool:
    """Whether `user` may retract `post`: Wagtail's unpublish permission on it. Editing is
    not enough, since retracting unpublishes the post and messages everyone who shared it.
    A post that is no longer live (expired) needs the same "publish" permission that
    unpublishing it would have needed."""
    permissions = post.permissions_for_user(user)
    return permissions.can_unpublish() if post.live else permissions.can_publish()
