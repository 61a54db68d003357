"""The tracked-link hot path: store every request as a raw click, credit the honest ones.

A fixed number of queries whatever the history: the share and its sharer (locked), the
insert (which reads the share's credited clicks to decide and, on PostgreSQL, moves the
share's counter when it credits), and the points (the settings come from the cache, read
before the transaction). A click its request refuses (HEAD, a
bot, a preview fetcher) is two statements and no transaction: the share, the insert.
The share's first reader also brings the share's own points (one more award, that click
only).

On PostgreSQL a refused click is one statement: the share's read and the INSERT together.
A reader with no session first asks that one statement whether they are a repeat (one
of their keys credited on the share within the window): a repeat is stored there and
then, with no transaction and no lock; anyone else pays that statement on top of the
locked way (issue 12: a repeat reader took four statements and the share's lock).
"""

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from leaderboard.models import PointsSettings, Reason
from leaderboard.services import points_award
from portal.cached_settings import CachedSetting
from portal.periods import local_day
from sharing.campaigns_live import post_changed_on_commit
from sharing.click_rows import (
    click_insert,
    click_refusal_set,
    in_one_statement,
    share_by_code,
    share_with_refused_click,
)
from sharing.models import (
    Click,
    ClickOverflow,
    Refusal,
    Share,
    SharingSettings,
    UAClass,
)
from sharing.selectors import post_is_available
from sharing.services.in_turn import one_writer
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

    `over_rate` (past the client's rate): no row, no credit, only the share's count of
    such requests for the day goes up (ClickOverflow); the target is the same."""
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
    refusal = _refusal_by_request(request)
    if refusal is not None:
        with one_writer():
            return _refused_record(code=code, request=request, refusal=refusal)
    if session_user_id is None and in_one_statement():
        share, click = _refused_stored(code=code, request=request, refusal=None)
        if share is None or click is not None:  # no such link, or a reader seen before
            return _outcome(share, click, at=at)
    return _locked_record(code=code, request=request)


def _locked_record(*, code: str, request: _Request) -> ClickOutcome:
    """A click whose credit the share's credited clicks decide, under the share's lock."""
    # Read before the write begins, so no cache round trip waits inside it; both in one.
    sharing, points = CachedSetting.current_many(SharingSettings, PointsSettings)
    at = request.at
    with one_writer(), transaction.atomic():
        share = share_by_code(code, lock=True, sharer=True)  # an award may follow
        if share is None:
            return ClickOutcome(None, None, None)
        first_reader = False  # only a click the INSERT decides can be credited
        if not _available(share, at=at):
            click = _click_store(share=share, request=request, refusal=Refusal.UNAVAILABLE)
        elif request.session_user_id is not None and request.session_user_id == str(share.user_id):
            click = _click_store(share=share, request=request, refusal=Refusal.OWN_SESSION)
        else:
            first_reader = _first_reader(share, at=at)
            click = _click_store(
                share=share, request=request, refusal=None, daily_cap=sharing.daily_click_cap,
                first_reader=first_reader,
            )  # fmt: skip
        if click.credited:
            _credit(share=share, click=click, points=points, first_reader=first_reader)
            campaign_tally_add(
                campaign=share.post.campaign, user_id=share.user_id, at=click.at, clicks=1
            )
            post_changed_on_commit(post=share.post)  # its campaign's bar, after commit
    return ClickOutcome(share, click, _target(share, at=at))


def _available(share: Share, *, at: datetime) -> bool:
    return share.retracted_at is None and post_is_available(share.post, at=at)


def _target(share: Share, *, at: datetime) -> str | None:
    if not _available(share, at=at):
        return None
    return utm_merge(share.post.target_url, source=share.platform, campaign=share.post.utm_campaign)


def _overflow_record(*, code: str, at: datetime) -> ClickOutcome:
    """Count one request past the client's rate on its share's day; nothing else is stored."""
    with one_writer(), transaction.atomic():
        share = share_by_code(code, lock=True)
        if share is None:
            return ClickOutcome(None, None, None)
        # The share's row is locked, so the day's counter is created once and added to in turn.
        overflow, _ = ClickOverflow.objects.get_or_create(share=share, day=local_day(at))
        ClickOverflow.objects.filter(pk=overflow.pk).update(requests=F("requests") + 1)
    return ClickOutcome(share, None, _target(share, at=at))


def _outcome(share: Share | None, click: Click | None, *, at: datetime) -> ClickOutcome:
    return ClickOutcome(share, click, None if share is None else _target(share, at=at))


def _refused_stored(*, code: str, request: _Request, refusal: Refusal | None):
    """share_with_refused_click for `request`, relabelled where the share is unavailable."""
    share, click = share_with_refused_click(
        code, at=request.at, keys=request.keys, ua_class=request.ua_class,
        method=request.method[:8], refusal=refusal,
    )  # fmt: skip
    if click is not None and not _available(share, at=request.at):
        click_refusal_set(click, Refusal.UNAVAILABLE)
    return share, click


def _refused_record(*, code: str, request: _Request, refusal: Refusal) -> ClickOutcome:
    """A request refused for what it is (HEAD, a bot, a preview fetcher): its raw row in
    one autocommitted INSERT, with no transaction and no lock. The lock only keeps the
    credited clicks of a share in turn, and this row is counted by none of them. On
    PostgreSQL the share's read and the INSERT are one statement."""
    if in_one_statement():
        share, click = _refused_stored(code=code, request=request, refusal=refusal)
        return _outcome(share, click, at=request.at)
    share = share_by_code(code, lock=False)
    if share is None:
        return ClickOutcome(None, None, None)
    if not _available(share, at=request.at):
        refusal = Refusal.UNAVAILABLE
    click = _click_store(share=share, request=request, refusal=refusal)
    return _outcome(share, click, at=request.at)


def _refusal_by_request(request: _Request) -> Refusal | None:
    """A refusal the request itself decides, before anything is read; None when the
    share's clicks must be asked."""
    if request.method == "HEAD":
        return Refusal.HEAD
    if request.ua_class == UAClass.PREVIEW:
        return Refusal.PREVIEW
    if request.ua_class == UAClass.BOT:
        return Refusal.BOT
    return None


def _click_store(
    *,
    share: Share,
    request: _Request,
    refusal: Refusal | None,
    daily_cap: int = 0,
    first_reader: bool = False,
) -> Click:
    """Store the click; `refusal` None lets the INSERT decide it (under the share's lock)
    and count it on the share if it credits it (see _credit)."""
    return click_insert(
        share=share,
        at=request.at,
        keys=request.keys,
        ua_class=request.ua_class,
        method=request.method[:8],
        refusal=refusal,
        daily_cap=daily_cap,
        first_reader=first_reader,
    )


def _first_reader(share: Share, *, at: datetime) -> bool:
    """Whether a credited click at `at` is the share's first reader, who brings the share's
    own points. A sharer who left keeps their links working for readers, but earns nothing
    from them."""
    return (
        share.user.is_active and share.points_due_until is not None and at <= share.points_due_until
    )


def _credit(*, share: Share, click: Click, points: PointsSettings, first_reader: bool) -> None:
    """A credited click, counted on its share by the statement that stored it: the share as
    the database now holds it, and points while the share is within the cap.

    The share's first reader (a credited click before its points_due_until) also earns the
    share's own points: the flag is on the locked row already read, and clearing it rides
    on the counter's update, so later clicks cost no more than before (`first_reader`, as
    the click's statement was told). The sharer's row was locked with the share's
    (share_by_code), so the awards do not lock it again."""
    active = share.user.is_active
    share.credited_clicks += 1
    if first_reader:
        share.points_due_until = None
        # The same key as a share credited on confirm: whichever comes first, one award.
        points_award(
            user=share.user,
            reason=Reason.SHARE,
            points=points.points_for(Reason.SHARE),
            key=f"share:{share.pk}",
            source=share,
            note="Its first reader",
            at=click.at,
            person_locked=True,
        )
    if active and share.credited_clicks <= points.click_cap_per_share:
        points_award(
            user=share.user,
            reason=Reason.CLICK,
            points=points.click,
            key=f"click:{click.pk}",
            source=click,
            at=click.at,
            person_locked=True,
        )
