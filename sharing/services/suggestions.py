"""Links employees suggest for the library, and editors' decisions on them."""

from datetime import datetime

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from leaderboard.models import Reason
from leaderboard.services import points_award
from notifications.services import notification_send
from people.models import User
from sharing.models import ShareHubPage, SharePostPage, Suggestion, SuggestionState
from sharing.notices import SUGGESTION_DECIDED
from sharing.services.errors import SharingError


@transaction.atomic
def suggestion_create(*, user: User, url: str, note: str, at: datetime | None = None) -> Suggestion:
    """Record a link `user` suggests for the library; editors review it in the admin."""
    url, note = url.strip(), note.strip()
    if not url.startswith("https://"):
        raise SharingError("Suggest a full https:// link.")
    if not note:
        raise SharingError("Say in a sentence why colleagues would want to share it.")
    return Suggestion.objects.create(user=user, url=url, note=note, created_at=at or timezone.now())


@transaction.atomic
def suggestion_accept(
    *, suggestion: Suggestion, by: User, at: datetime | None = None
) -> SharePostPage:
    """Accept a suggestion: a draft post prefilled from it, points for the suggester, and a
    notice. Raises SharingError if it was already decided."""
    at = at or timezone.now()
    suggestion = _pending_locked(suggestion)
    hub = ShareHubPage.objects.first()
    if hub is None:
        raise SharingError("Create the content library page first.")
    post = _draft_from(suggestion, hub=hub, by=by)
    _decide(suggestion, state=SuggestionState.ACCEPTED, by=by, at=at, post=post)
    points_award(
        user=suggestion.user,
        reason=Reason.SUGGESTION_ACCEPTED,
        key=f"suggestion:{suggestion.pk}",
        source=suggestion,
        at=at,
    )
    _tell_suggester(
        suggestion,
        title="Your suggestion was accepted",
        body=f"Thank you: {suggestion.url} will become a post in the library.",
    )
    return post


@transaction.atomic
def suggestion_decline(
    *, suggestion: Suggestion, by: User, reason: str, at: datetime | None = None
) -> Suggestion:
    """Decline a suggestion with a reason the suggester will read. Raises SharingError
    without a reason, or if it was already decided."""
    reason = reason.strip()
    if not reason:
        raise SharingError("Give the suggester a reason; they will read it.")
    suggestion = _pending_locked(suggestion)
    suggestion.decline_reason = reason
    _decide(suggestion, state=SuggestionState.DECLINED, by=by, at=at or timezone.now())
    _tell_suggester(suggestion, title="Your suggestion was declined", body=reason)
    return suggestion


def _pending_locked(suggestion: Suggestion) -> Suggestion:
    locked = Suggestion.objects.select_for_update().get(pk=suggestion.pk)
    if locked.state != SuggestionState.PENDING:
        raise SharingError(f"This suggestion was already {locked.get_state_display().lower()}.")
    return locked


def _draft_from(suggestion: Suggestion, *, hub: ShareHubPage, by: User) -> SharePostPage:
    """An unpublished post under `hub`, prefilled from the suggestion for an editor."""
    post = SharePostPage(
        title=f"Suggested: {suggestion.url.split('://', 1)[-1][:200]}",
        slug=f"suggestion-{suggestion.pk}",
        summary=suggestion.note[:400],
        target_url=suggestion.url,
        internal_note=f"Suggested by {suggestion.user.name}: {suggestion.note}",
        live=False,
    )
    hub.add_child(instance=post)
    post.save_revision(user=by)
    return post


def _decide(
    suggestion: Suggestion,
    *,
    state: SuggestionState,
    by: User,
    at: datetime,
    post: SharePostPage | None = None,
) -> None:
    suggestion.state = state
    suggestion.decided_by = by
    suggestion.decided_at = at
    if post is not None:
        suggestion.post = post
    suggestion.save()


def _tell_suggester(suggestion: Suggestion, *, title: str, body: str) -> None:
    """The decision notice, once per suggestion (its key makes it idempotent)."""
    notification_send(
        user=suggestion.user,
        kind=SUGGESTION_DECIDED,
        title=title,
        body=body,
        url=reverse("sharing:mine") + "#suggestions",
        key=f"suggestion:{suggestion.pk}:decided",
        at=suggestion.decided_at,  # the decision's time (the demo's history dates it)
    )
