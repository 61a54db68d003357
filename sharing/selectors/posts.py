"""Reads about posts: which are available, their topics, the caption variant next in turn."""

from datetime import datetime

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone
from taggit.models import Tag
from wagtail.images import get_image_model

from people.models import User
from sharing.models import Share, SharePostPage

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
            "tagged_items__tag",
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
