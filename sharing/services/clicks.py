"""The tracked-link hot path: store every request as a raw click, credit the honest ones.

A fixed number of queries whatever the history: the share (locked), one aggregate over
the share's credited clicks, the insert, the counter, and the points (the settings come
from the cache). The share's first reader also brings the share's own points (one more
award, that click only).
"""

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from leaderboard.models import PointsSettings, Reason
from leaderboard.services import points_award
from portal.periods import local_day
from sharing.campaigns_live import post_changed_on_commit
from sharing.models import Click, ClickOverflow, Refusal, Share, SharingSettings, UAClass
from sharing.selectors import clicks_seen, post_is_available
from sharing.services.tallies import campaign_tally_add
from sharing.tracking import ua_classify, utm_merge, visitor_keys_24h


@dataclass(frozen=True)
class ClickOutcome:
    share: Share | None  # None: no such link
    click: Click | None
    target: str | None  # None: the post is gone; show the neutral page

    @property
    def credited(self) -> bool:
        return bool(self.click and self.click.credited)


@dataclass(frozen=True)
class _Request:
    method: str
    ua_class: UAClass
    keys: list[str]  # the visitor's keys for today and yesterday
    session_user_id: str | None
    at: datetime


def click_record(
    *,
    code: str,
    method: str,
    user_agent: str,
    ip: str,
    session_user_id: str | None = None,
    at: datetime | None = None,
    over_rate: bool = False,
) -> ClickOutcome:
    """Store one request to /l/<code> and credit it if the rules allow.

    Credited: not HEAD, not a bot or link-preview fetcher, not the sharer's own logged-in
    session, not a visitor credited on this share in the last 24 hours, and within the
    share's daily credit cap. A credited click earns "click" points while the share's
    credited clicks are within PointsSettings.click_cap_per_share; the first one before
    the share's points_due_until also earns the share's points. The row is committed
    when this returns. Unknown code: nothing stored, share None.

    `over_rate` (the client is past its rate): no row and no credit, only the share's
    count of such requests for the day goes up (ClickOverflow); the target is the same.
    """
    at = at or timezone.now()
    if over_rate:
        return _overflow_record(code=code, at=at)
    user_agent = user_agent[:1000]
    request = _Request(
        method=method,
        ua_class=ua_classify(user_agent),
        keys=visitor_keys_24h(ip=ip, user_agent=user_agent, day=local_day(at)),
        session_user_id=session_user_id,
        at=at,
    )
    with transaction.atomic():
        share = _share_locked(code)
        if share is None:
            return ClickOutcome(None, None, None)
        available = share.retracted_at is None and post_is_available(share.post, at=at)
        click = _click_store(
            share=share,
            request=request,
            refusal=_refusal(share=share, request=request) if available else Refusal.UNAVAILABLE,
        )
        if click.credited:
            _credit(share=share, click=click)
            campaign_tally_add(
                campaign=share.post.campaign, user_id=share.user_id, at=click.at, clicks=1
            )
            post_changed_on_commit(post=share.post)  # its campaign's bar, after commit
    if not available:
        return ClickOutcome(share, click, None)
    target = utm_merge(
        share.post.target_url, source=share.platform, campaign=share.post.utm_campaign
    )
    return ClickOutcome(share, click, target)


def _target(share: Share, *, at: datetime) -> str | None:
    if share.retracted_at is not None or not post_is_available(share.post, at=at):
        return None
    return utm_merge(share.post.target_url, source=share.platform, campaign=share.post.utm_campaign)


def _overflow_record(*, code: str, at: datetime) -> ClickOutcome:
    """Count one request past the client's rate on its share's day; nothing else is stored."""
    with transaction.atomic():
        share = _share_locked(code)
        if share is None:
            return ClickOutcome(None, None, None)
        # The share's row is locked, so the day's counter is created once and added to in turn.
        overflow, _ = ClickOverflow.objects.get_or_create(share=share, day=local_day(at))
        ClickOverflow.objects.filter(pk=overflow.pk).update(requests=F("requests") + 1)
    return ClickOutcome(share, None, _target(share, at=at))


def _share_locked(code: str) -> Share | None:
    """The share behind `code`, its row locked so concurrent clicks are counted in turn."""
    return (
        Share.objects.select_for_update(of=("self",))
        .select_related("user", "post", "post__campaign")
        .filter(code=code)
        .first()
    )


def _refusal(*, share: Share, request: _Request) -> Refusal:
    """Why this request earns no credit, or Refusal.CREDITED; the cheap checks first."""
    if request.method == "HEAD":
        return Refusal.HEAD
    if request.ua_class == UAClass.PREVIEW:
        return Refusal.PREVIEW
    if request.ua_class == UAClass.BOT:
        return Refusal.BOT
    if request.session_user_id is not None and request.session_user_id == str(share.user_id):
        return Refusal.OWN_SESSION
    seen = clicks_seen(share=share, keys=request.keys, at=request.at)
    if seen.repeat:
        return Refusal.REPEAT
    if seen.today >= SharingSettings.current().daily_click_cap:
        return Refusal.DAILY_CAP
    return Refusal.CREDITED


def _click_store(*, share: Share, request: _Request, refusal: Refusal) -> Click:
    return Click.objects.create(
        share=share,
        at=request.at,
        visitor_key=request.keys[0],
        ua_class=request.ua_class,
        method=request.method[:8],
        credited=refusal == Refusal.CREDITED,
        refusal=refusal,
    )


def _credit(*, share: Share, click: Click) -> None:
    """Count a credited click on its share; points while the share is within the cap.

    The share's first reader (a credited click before its points_due_until) also earns the
    share's own points: the flag is on the locked row already read, and clearing it rides
    on the counter's update, so later clicks cost no more than before."""
    # A sharer who left keeps their links working for readers, but earns nothing from them.
    active = share.user.is_active
    first_reader = (
        active and share.points_due_until is not None and click.at <= share.points_due_until
    )
    counted = {"credited_clicks": F("credited_clicks") + 1}
    if first_reader:
        counted["points_due_until"] = None
    Share.objects.filter(pk=share.pk).update(**counted)
    share.credited_clicks += 1
    if first_reader:
        share.points_due_until = None
        # The same key as a share credited on confirm: whichever comes first, one award.
        points_award(
            user=share.user,
            reason=Reason.SHARE,
            key=f"share:{share.pk}",
            source=share,
            note="Its first reader",
            at=click.at,
        )
    points = PointsSettings.current()
    if active and share.credited_clicks <= points.click_cap_per_share:
        points_award(
            user=share.user,
            reason=Reason.CLICK,
            points=points.click,
            key=f"click:{click.pk}",
            source=click,
            at=click.at,
        )
