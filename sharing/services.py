"""Writes for sharing: shares, clicks, retraction, suggestions, preferences.

Every function runs under transaction.atomic; points are awarded inside the same
transaction, and notices are queued by notifications.services on commit.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.actions.unpublish_page import UnpublishPageAction

from leaderboard.models import Period, PointsSettings, Reason
from leaderboard.services import period_starts, points_award
from notifications.models import Notification
from notifications.services import notification_send
from people.models import ConsentKind, User
from people.platforms import PLATFORMS
from people.selectors import network_list, users_with_consent
from sharing.captions import caption_compose, caption_normalise, caption_overflow, code_new
from sharing.captions import tracked_url as tracked_url_for
from sharing.gate import sharing_allowed
from sharing.models import (
    NoPointsReason,
    Share,
    ShareHubPage,
    SharePostPage,
    SharingPreferences,
    SharingSettings,
    Suggestion,
    SuggestionState,
)
from sharing.notices import PRIORITY_POST, RETRACTION, SUGGESTION_DECIDED


class SharingError(ValueError):
    """An action that cannot be done, with a message for the person who asked."""


@dataclass(frozen=True)
class ShareOutcome:
    share: Share
    created: bool
    points: int
    message: str


def week_start(at: datetime) -> datetime:
    """Monday 00:00 of the week containing `at`, in the programme's time zone."""
    monday = period_starts(at)[Period.WEEK]
    return timezone.make_aware(datetime.combine(monday, time.min))


def post_is_available(post: SharePostPage | None, *, at: datetime | None = None) -> bool:
    """Live, not expired, not retracted: a post whose links still lead somewhere."""
    at = at or timezone.now()
    return bool(
        post is not None
        and post.live
        and not post.expired
        and post.retracted_at is None
        and (post.expire_at is None or post.expire_at > at)
    )


def weekly_cap_for(*, user: User, settings: SharingSettings | None = None) -> tuple[int, str]:
    """The cap that applies to `user` this week and which one it is (programme or personal)."""
    settings = settings or SharingSettings.current()
    personal = (
        SharingPreferences.objects.filter(user=user).values_list("weekly_cap", flat=True).first()
    )
    if personal is not None and personal < settings.weekly_cap:
        return personal, NoPointsReason.PERSONAL_CAP
    return settings.weekly_cap, NoPointsReason.WEEKLY_CAP


def variant_next(*, post: SharePostPage, platform: str) -> int:
    """The caption variant the next advocate gets, so a post doesn't read the same everywhere."""
    count = len(post.variants(platform))
    if count <= 1:
        return 0
    return Share.objects.filter(post=post, platform=platform).count() % count


@transaction.atomic
def share_create(
    *,
    user: User,
    post: SharePostPage,
    platform: str,
    text: str,
    include_disclosure: bool = True,
    variant: int = 0,
    at: datetime | None = None,
) -> ShareOutcome:
    """Record `user` sharing `post` on `platform` with their caption `text`.

    Only for someone past the gate, on a network they declared, for a post that is
    available and has a caption for that network. One share per person, post and platform:
    sharing again returns the same share (same tracked link) and earns nothing. Within the
    weekly cap a new share earns the "share" points; past it, it is recorded and earns
    nothing, and the message says why. Raises SharingError with a message otherwise.
    """
    at = at or timezone.now()
    if platform not in PLATFORMS:
        raise SharingError("We don't know that network.")
    label = PLATFORMS[platform].label
    existing = Share.objects.filter(user=user, post=post, platform=platform).first()
    if existing is not None:
        return ShareOutcome(
            existing,
            False,
            0,
            f"You already shared this on {label}: here is the same link again. "
            "Sharing it again earns no more points.",
        )
    if not sharing_allowed(user=user):
        raise SharingError(
            "Sharing unlocks once you are certified, have acknowledged the "
            "current policy and have opted in to advocacy."
        )
    if not post_is_available(post, at=at):
        raise SharingError("This post is no longer available to share.")
    variants = post.variants(platform)
    if not variants:
        raise SharingError(f"This post has no caption for {label}.")
    if not network_list(user=user).filter(platform=platform).exists():
        raise SharingError(f"Add {label} to your networks on My settings to share there.")
    settings = SharingSettings.current()
    disclosure = settings.disclosure_text
    if not include_disclosure and not settings.advocates_may_remove_disclosure:
        include_disclosure = True
    text = caption_normalise(text)
    if not text:
        raise SharingError("Write a caption, or keep the suggested one.")
    overflow = caption_overflow(
        platform=platform,
        text=text,
        disclosure=disclosure if include_disclosure else "",
        url=tracked_url_for("x" * 16),
    )
    if overflow > 0:
        raise SharingError(
            f"Your caption is {overflow} character{'s' if overflow != 1 else ''} too long for "
            f"{label} once the disclosure and the link are added."
        )
    cap, cap_reason = weekly_cap_for(user=user, settings=settings)
    monday = week_start(at)
    earning = Share.objects.filter(
        user=user,
        earned_points=True,
        created_at__gte=monday,
        created_at__lt=monday + timedelta(days=7),
    ).count()
    earns = earning < cap
    share = Share(
        user=user,
        post=post,
        post_title=post.title,
        platform=platform,
        code=code_new(),
        caption=caption_compose(text=text, disclosure=disclosure if include_disclosure else ""),
        variant=variant if 0 <= variant < len(variants) else 0,
        earned_points=earns,
        no_points_reason="" if earns else cap_reason,
        created_at=at,
    )
    try:
        with transaction.atomic():
            share.save(force_insert=True)
    except IntegrityError:
        # The same share was confirmed twice at once (a double click): the first one stands.
        share = Share.objects.get(user=user, post=post, platform=platform)
        return ShareOutcome(share, False, 0, f"You already shared this on {label}.")
    points = 0
    if earns:
        entry, _ = points_award(
            user=user, reason=Reason.SHARE, key=f"share:{share.pk}", source=share, at=at
        )
        points = entry.points
        message = f"Shared on {label}. +{points} points."
    else:
        which = (
            "your personal weekly cap"
            if cap_reason == NoPointsReason.PERSONAL_CAP
            else ("the programme's weekly cap")
        )
        message = (
            f"Shared on {label}. This one earns no points: you have reached {which} of {cap} "
            f"shares that earn points this week. Sharing less often keeps each share "
            f"meaningful; the count starts again on Monday."
        )
    return ShareOutcome(share, True, points, message)


@transaction.atomic
def post_retract(*, post: SharePostPage, by: User | None, at: datetime | None = None) -> int:
    """Unpublish `post`, mark every share of it retracted and ask each sharer to remove their
    post, with links to their shares. Returns how many people were told. Idempotent."""
    at = at or timezone.now()
    post = SharePostPage.objects.select_for_update().get(pk=post.pk)
    if post.retracted_at is None:
        post.retracted_at = at
        post.save(update_fields=["retracted_at"], clean=False)
    if post.live:
        # Who may retract is checked by the admin view; here it always goes through.
        UnpublishPageAction(post, user=by).execute(skip_permission_checks=True)
    Share.objects.filter(post=post, retracted_at__isnull=True).update(retracted_at=at)
    mine = reverse("sharing:mine")
    told = 0
    sharers = User.objects.filter(shares__post=post).distinct().order_by("pk")
    for user in sharers:
        platforms = ", ".join(
            PLATFORMS[p].label
            for p in Share.objects.filter(post=post, user=user).values_list("platform", flat=True)
        )
        notification_send(
            user=user,
            kind=RETRACTION,
            title=f"Please remove your post: {post.title}",
            body=(
                f"“{post.title}” has been withdrawn. Please delete what you posted on "
                f"{platforms}. Its link now shows a neutral “no longer available” page."
            ),
            url=f"{mine}?retracted={post.pk}",
            key=f"retraction:{post.pk}:{user.pk}",
        )
        told += 1
    return told


@transaction.atomic
def suggestion_create(*, user: User, url: str, note: str, at: datetime | None = None) -> Suggestion:
    """Record a link `user` suggests for the library; editors review it in the admin."""
    url, note = url.strip(), note.strip()
    if not url.startswith("https://"):
        raise SharingError("Suggest a full https:// link.")
    if not note:
        raise SharingError("Say in a sentence why colleagues would want to share it.")
    return Suggestion.objects.create(user=user, url=url, note=note, created_at=at or timezone.now())


def _decided(suggestion: Suggestion) -> Suggestion:
    locked = Suggestion.objects.select_for_update().get(pk=suggestion.pk)
    if locked.state != SuggestionState.PENDING:
        raise SharingError(f"This suggestion was already {locked.get_state_display().lower()}.")
    return locked


@transaction.atomic
def suggestion_accept(
    *, suggestion: Suggestion, by: User, at: datetime | None = None
) -> SharePostPage:
    """Accept a suggestion: a draft post prefilled from it, points for the suggester, and a
    notice. Raises SharingError if it was already decided."""

    at = at or timezone.now()
    suggestion = _decided(suggestion)
    hub = ShareHubPage.objects.first()
    if hub is None:
        raise SharingError("Create the content library page first.")
    slug_base = f"suggestion-{suggestion.pk}"
    post = SharePostPage(
        title=f"Suggested: {suggestion.url.split('://', 1)[-1][:200]}",
        slug=slug_base,
        summary=suggestion.note[:400],
        target_url=suggestion.url,
        internal_note=f"Suggested by {suggestion.user.name}: {suggestion.note}",
        live=False,
    )
    hub.add_child(instance=post)
    post.save_revision(user=by)
    suggestion.state = SuggestionState.ACCEPTED
    suggestion.decided_by = by
    suggestion.decided_at = at
    suggestion.post = post
    suggestion.save()
    points_award(
        user=suggestion.user,
        reason=Reason.SUGGESTION_ACCEPTED,
        key=f"suggestion:{suggestion.pk}",
        source=suggestion,
        at=at,
    )
    notification_send(
        user=suggestion.user,
        kind=SUGGESTION_DECIDED,
        title="Your suggestion was accepted",
        body=f"Thank you: {suggestion.url} will become a post in the library.",
        url=reverse("sharing:mine") + "#suggestions",
        key=f"suggestion:{suggestion.pk}:decided",
    )
    return post


@transaction.atomic
def suggestion_decline(
    *, suggestion: Suggestion, by: User, reason: str, at: datetime | None = None
) -> Suggestion:
    """Decline a suggestion with a reason the suggester will read."""
    reason = reason.strip()
    if not reason:
        raise SharingError("Give the suggester a reason; they will read it.")
    suggestion = _decided(suggestion)
    suggestion.state = SuggestionState.DECLINED
    suggestion.decline_reason = reason
    suggestion.decided_by = by
    suggestion.decided_at = at or timezone.now()
    suggestion.save()
    notification_send(
        user=suggestion.user,
        kind=SUGGESTION_DECIDED,
        title="Your suggestion was declined",
        body=reason,
        url=reverse("sharing:mine") + "#suggestions",
        key=f"suggestion:{suggestion.pk}:decided",
    )
    return suggestion


@transaction.atomic
def preferences_set(
    *,
    user: User,
    topic_ids: list[int] | None = None,
    weekly_cap: int | None | type[Ellipsis] = ...,
) -> SharingPreferences:
    """Set the topics `user` follows and/or their personal weekly cap (None clears it)."""
    preferences, _ = SharingPreferences.objects.get_or_create(user=user)
    if weekly_cap is not ...:
        if weekly_cap is not None and not 1 <= weekly_cap <= 50:
            raise SharingError("A personal cap is between 1 and 50 shares a week.")
        preferences.weekly_cap = weekly_cap
        preferences.save()
    if topic_ids is not None:
        preferences.topics.set(topic_ids)
    return preferences


def points_click_cap() -> int:
    return PointsSettings.load().click_cap_per_share


def priority_post_published(sender, instance, **kwargs) -> None:
    """Wagtail's page_published (also for scheduled go-live): tell fitting advocates about a
    priority post, once per person per post (the notification keys make it idempotent)."""
    post = instance
    if not post.priority or post.retracted_at is not None:
        return
    priority_post_announce(
        post_title=post.title,
        url=post.url or "",
        platforms=post.caption_platforms(),
        department_ids=[d.pk for d in post.departments.all()],
        key_prefix=f"priority:{post.pk}",
        body=post.summary,
    )


def priority_post_recipients(
    *, platforms: Iterable[str], department_ids: Iterable[int]
) -> list[User]:
    """Opted-in advocates with alerts on whose declared networks and department fit a post.

    An empty `platforms` or `department_ids` means the post is not restricted that way.
    """
    platforms, department_ids = list(platforms), list(department_ids)
    advocates = users_with_consent(kind=ConsentKind.ADVOCACY).values("pk")
    alerts = users_with_consent(kind=ConsentKind.EMAIL_ALERTS).values("pk")
    people = User.objects.filter(is_active=True, pk__in=advocates).filter(pk__in=alerts)
    if platforms:
        people = people.filter(networks__platform__in=platforms)
    if department_ids:
        people = people.filter(department_id__in=department_ids)
    return list(people.distinct().order_by("pk"))


@transaction.atomic
def priority_post_announce(
    *,
    post_title: str,
    url: str,
    platforms: Iterable[str],
    department_ids: Iterable[int],
    key_prefix: str,
    body: str = "",
) -> list[Notification]:
    """Tell every fitting advocate (see priority_post_recipients) about a priority post.

    Idempotent per person through keys f"{key_prefix}:{user.pk}": announcing the same post
    again reaches only people who were not told before. Returns the notifications created
    or found.
    """
    notifications = []
    for user in priority_post_recipients(platforms=platforms, department_ids=department_ids):
        notification = notification_send(
            user=user,
            kind=PRIORITY_POST,
            title=f"New priority post: {post_title}",
            body=body or "A new post fits your networks. Share it if you want to.",
            url=url,
            key=f"{key_prefix}:{user.pk}",
        )
        if notification is not None:
            notifications.append(notification)
    return notifications
