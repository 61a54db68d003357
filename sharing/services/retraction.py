"""Retracting a post: its links stop leading anywhere and everyone who shared it is told."""

from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.actions.unpublish_page import UnpublishPageAction

from notifications.services import notification_send
from people.models import User
from people.platforms import PLATFORMS
from sharing.models import Share, SharePostPage
from sharing.notices import RETRACTION
from sharing.selectors import post_may_retract, post_sharers


@transaction.atomic
def post_retract(
    *,
    post: SharePostPage,
    by: User | None,
    reason: str = "",
    at: datetime | None = None,
    skip_permission_checks: bool = False,
) -> int:
    """Unpublish `post`, mark every share of it retracted and ask each sharer to remove their
    post, with links to their shares and the editor's `reason` (why it was withdrawn), word
    for word. Returns how many people were told. Idempotent: a sharer is told once.

    `by` must hold the unpublish permission on `post` (editing it is not enough); raises
    PermissionDenied otherwise, before anything changes. Only callers acting for the system
    rather than an editor (the demo seed, tests) pass skip_permission_checks=True, and then
    `by` may be None.
    """
    if not skip_permission_checks and (by is None or not post_may_retract(post, user=by)):
        raise PermissionDenied("Retracting a post needs permission to unpublish it.")
    at = at or timezone.now()
    post = SharePostPage.objects.select_for_update().get(pk=post.pk)
    if post.retracted_at is None:
        post.retracted_at = at
        post.save(update_fields=["retracted_at"], clean=False)
    if post.live:
        # The permission was checked above (or the caller is the system).
        UnpublishPageAction(post, user=by).execute(skip_permission_checks=True)
    Share.objects.filter(post=post, retracted_at__isnull=True).update(retracted_at=at)
    sharers = post_sharers(post=post)
    for user, platforms in sharers:
        _ask_to_remove(user=user, post=post, platforms=platforms, reason=reason.strip())
    return len(sharers)


def _ask_to_remove(*, user: User, post: SharePostPage, platforms: list[str], reason: str) -> None:
    """The retraction notice, once per person and post (its key makes it idempotent)."""
    networks = ", ".join(PLATFORMS[platform].label for platform in platforms)
    why = ""
    if reason:
        why = f" The reason: {reason}" + ("" if reason.endswith((".", "!", "?")) else ".")
    notification_send(
        user=user,
        kind=RETRACTION,
        title=f"Please remove your post: {post.title}",
        body=(
            f"“{post.title}” has been withdrawn.{why} Please delete what you posted on "
            f"{networks}. Its link now shows a neutral “no longer available” page."
        ),
        url=f"{reverse('sharing:mine')}?retracted={post.pk}",
        key=f"retraction:{post.pk}:{user.pk}",
    )
