"""The tracked-link hot path: store every request as a raw click, credit the honest ones.

A fixed number of queries whatever the history: the share (locked), the settings, one
aggregate over the share's credited clicks, the insert, the counter, and the points.
"""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.db import transaction
from django.db.models import Count, F, Q
from django.utils import timezone

from leaderboard.models import PointsSettings, Reason
from leaderboard.services import points_award
from sharing.models import Click, Refusal, Share, SharingSettings, UAClass
from sharing.services import post_is_available
from sharing.tracking import ua_classify, utm_merge, visitor_keys_24h

REPEAT_WINDOW = timedelta(hours=24)


@dataclass(frozen=True)
class ClickOutcome:
    share: Share | None  # None: no such link
    click: Click | None
    target: str | None  # None: the post is gone; show the neutral page

    @property
    def credited(self) -> bool:
        return bool(self.click and self.click.credited)


def _refusal(
    *,
    share: Share,
    method: str,
    ua_class: str,
    keys: list[str],
    session_user_id: str | None,
    at: datetime,
) -> str:
    if method == "HEAD":
        return Refusal.HEAD
    if ua_class == UAClass.PREVIEW:
        return Refusal.PREVIEW
    if ua_class == UAClass.BOT:
        return Refusal.BOT
    if session_user_id is not None and session_user_id == str(share.user_id):
        return Refusal.OWN_SESSION
    day_start = timezone.make_aware(datetime.combine(timezone.localdate(at), time.min))
    window_start = at - REPEAT_WINDOW
    seen = Click.objects.filter(
        share=share, credited=True, at__gte=min(day_start, window_start)
    ).aggregate(
        repeat=Count("pk", filter=Q(visitor_key__in=keys, at__gt=window_start)),
        today=Count("pk", filter=Q(at__gte=day_start)),
    )
    if seen["repeat"]:
        return Refusal.REPEAT
    if seen["today"] >= SharingSettings.current().daily_click_cap:
        return Refusal.DAILY_CAP
    return Refusal.CREDITED


def click_record(
    *,
    code: str,
    method: str,
    user_agent: str,
    ip: str,
    session_user_id: str | None = None,
    at: datetime | None = None,
) -> ClickOutcome:
    """Store one request to /l/<code> and credit it if the rules allow.

    Credited: not HEAD, not a bot or link-preview fetcher, not the sharer's own logged-in
    session, not a visitor credited on this share in the last 24 hours, and within the
    share's daily credit cap. A credited click earns "click" points while the share's
    credited clicks are within PointsSettings.click_cap_per_share. The row is committed
    when this returns. Unknown code: nothing stored, share None.
    """
    at = at or timezone.now()
    user_agent = user_agent[:1000]
    with transaction.atomic():
        share = (
            Share.objects.select_for_update(of=("self",))
            .select_related("user", "post", "post__campaign")
            .filter(code=code)
            .first()
        )
        if share is None:
            return ClickOutcome(None, None, None)
        ua_class = ua_classify(user_agent)
        keys = visitor_keys_24h(ip=ip, user_agent=user_agent, day=timezone.localdate(at))
        available = share.retracted_at is None and post_is_available(share.post, at=at)
        if not available:
            refusal = Refusal.UNAVAILABLE
        else:
            refusal = _refusal(
                share=share,
                method=method,
                ua_class=ua_class,
                keys=keys,
                session_user_id=session_user_id,
                at=at,
            )
        click = Click.objects.create(
            share=share,
            at=at,
            visitor_key=keys[0],
            ua_class=ua_class,
            method=method[:8],
            credited=refusal == Refusal.CREDITED,
            refusal=refusal,
        )
        if click.credited:
            Share.objects.filter(pk=share.pk).update(credited_clicks=F("credited_clicks") + 1)
            share.credited_clicks += 1
            points = PointsSettings.load()
            if share.credited_clicks <= points.click_cap_per_share:
                points_award(
                    user=share.user,
                    reason=Reason.CLICK,
                    points=points.click,
                    key=f"click:{click.pk}",
                    source=click,
                    at=at,
                )
    if not available:
        return ClickOutcome(share, click, None)
    target = utm_merge(
        share.post.target_url, source=share.platform, campaign=share.post.utm_campaign
    )
    return ClickOutcome(share, click, target)
