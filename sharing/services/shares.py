"""Sharing a post: one share per person, post and network, points within the weekly cap
(on its first reader, or on confirm: PointsSettings.share_credit)."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import connection, transaction
from django.utils import timezone

from leaderboard.models import PointsSettings, Reason
from leaderboard.services import points_award
from people.models import User
from people.platforms import PLATFORMS
from people.selectors import network_list
from portal.cached_settings import CachedSetting
from portal.rows import insert_unless_taken
from sharing.campaigns_live import post_changed_on_commit
from sharing.captions import (
    caption_compose,
    caption_normalise,
    caption_overflow,
    code_new,
    tracked_url_sample,
)
from sharing.gate import sharing_allowed
from sharing.models import NoPointsReason, Share, SharePostPage, SharingSettings
from sharing.selectors import (
    post_is_available,
    share_of,
    shares_earning_in_week,
    weekly_cap_for,
)
from sharing.services.errors import SharingError
from sharing.services.tallies import campaign_tally_add

SHARED_BEFORE = (
    "You already shared this on {label}: here is the same link again. "
    "Sharing it again earns no more points."
)


@dataclass(frozen=True)
class ShareOutcome:
    share: Share
    created: bool
    points: int
    message: str


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
    weekly cap a new share earns the "share" points: by default once its tracked link gets
    its first credited click within PointsSettings.first_reader_days (the share waits for
    its first reader, click_record credits it), or at once when the programme credits on
    confirm. Past the cap it is recorded and earns nothing, and the message says why (a
    share waiting for its reader counts towards the week's cap). Raises SharingError with
    a message otherwise.
    """
    at = at or timezone.now()
    if platform not in PLATFORMS:
        raise SharingError("We don't know that network.")
    label = PLATFORMS[platform].label
    existing = share_of(user=user, post=post, platform=platform)
    if existing is not None:
        return ShareOutcome(existing, False, 0, SHARED_BEFORE.format(label=label))
    variants = _check_may_share(user=user, post=post, platform=platform, label=label, at=at)
    # Both before the person's lock, in one cache round trip: nothing waits inside it.
    settings, points = CachedSetting.current_many(SharingSettings, PointsSettings)
    disclosure = _disclosure(settings, include_disclosure)
    caption = _caption(platform=platform, label=label, text=text, disclosure=disclosure)
    cap, cap_reason = weekly_cap_for(user=user, settings=settings)
    _lock_person(user)
    earns = shares_earning_in_week(user=user, at=at) < cap
    waits = earns and points.credits_on_first_reader
    share = Share(
        user=user,
        post=post,
        post_title=post.title,
        platform=platform,
        code=code_new(),
        caption=caption,
        variant=variant if 0 <= variant < len(variants) else 0,
        earned_points=earns,
        no_points_reason=NoPointsReason.NONE if earns else cap_reason,
        points_due_until=at + timedelta(days=points.first_reader_days) if waits else None,
        created_at=at,
    )
    if not _inserted(share):
        # The same share was confirmed twice at once (a double click): the first one stands.
        first = Share.objects.get(user=user, post=post, platform=platform)
        return ShareOutcome(first, False, 0, f"You already shared this on {label}.")
    if post.campaign_id:
        campaign_tally_add(campaign=post.campaign, user_id=user.pk, at=at, shares=1)
    post_changed_on_commit(post=post)  # its campaign's bar and milestones, after commit
    return _new_share_points(share, label=label, cap=cap, cap_reason=cap_reason, points=points)


def _new_share_points(
    share: Share, *, label: str, cap: int, cap_reason: str, points: PointsSettings
) -> ShareOutcome:
    """What a share just recorded earns: nothing past the weekly cap, nothing yet while it
    waits for its first reader (it has a points_due_until), else the share points now."""
    if not share.earned_points:
        return ShareOutcome(share, True, 0, _past_cap_message(label, cap, cap_reason))
    if share.points_due_until is not None:
        return ShareOutcome(share, True, 0, _waiting_message(label, points))
    entry, _ = points_award(
        user=share.user,
        reason=Reason.SHARE,
        points=points.points_for(Reason.SHARE),
        key=f"share:{share.pk}",
        source=share,
        at=share.created_at,
        person_locked=True,  # by share_record, for the weekly cap
    )
    return ShareOutcome(share, True, entry.points, f"Shared on {label}. +{entry.points} points.")


def _lock_person(user: User) -> None:
    """Serialise one person's shares until this transaction ends, so each counts the
    week's earning shares after the others are committed: concurrent shares on different
    posts cannot all fit under the weekly cap. points_award takes the same lock later.

    Not on SQLite: its transactions here are IMMEDIATE, so this one holds the database's
    write lock already, and Django drops FOR UPDATE there (the SELECT would lock nothing)."""
    if connection.features.has_select_for_update:
        User.objects.select_for_update().filter(pk=user.pk).values_list("pk", flat=True).first()


def _check_may_share(
    *, user: User, post: SharePostPage, platform: str, label: str, at: datetime
) -> list[str]:
    """The post's caption variants for `platform`, once `user` may share it there."""
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
    return variants


def _disclosure(settings: SharingSettings, include: bool) -> str:
    """The disclosure the caption ends with: always, unless the programme lets advocates
    remove it and this one did."""
    if include or not settings.advocates_may_remove_disclosure:
        return settings.disclosure_text
    return ""


def _caption(*, platform: str, label: str, text: str, disclosure: str) -> str:
    """The caption as it will be posted, once it is not empty and fits the network with the
    disclosure and the tracked link."""
    text = caption_normalise(text)
    if not text:
        raise SharingError("Write a caption, or keep the suggested one.")
    overflow = caption_overflow(
        platform=platform, text=text, disclosure=disclosure, url=tracked_url_sample()
    )
    if overflow > 0:
        raise SharingError(
            f"Your caption is {overflow} character{'s' if overflow != 1 else ''} too long for "
            f"{label} once the disclosure and the link are added."
        )
    return caption_compose(text=text, disclosure=disclosure)


def _inserted(share: Share) -> bool:
    """Insert `share`; False when a concurrent confirm inserted the same one first. One
    INSERT … ON CONFLICT DO NOTHING, where a savepoint around the insert made it three."""
    return insert_unless_taken(share, unique=("user", "post", "platform"))


def _waiting_message(label: str, points: PointsSettings) -> str:
    return (
        f"Shared on {label}. Waiting for its first reader: your {points.share} points "
        f"arrive when someone opens your tracked link within {points.first_reader_days} "
        f"days (your own clicks, bots and link previews don't count)."
    )


def _past_cap_message(label: str, cap: int, cap_reason: str) -> str:
    which = (
        "your personal weekly cap"
        if cap_reason == NoPointsReason.PERSONAL_CAP
        else "the programme's weekly cap"
    )
    return (
        f"Shared on {label}. This one earns no points: you have reached {which} of {cap} "
        f"shares that earn points this week. Sharing less often keeps each share "
        f"meaningful; the count starts again on Monday."
    )
