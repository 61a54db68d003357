"""Badges: awarded from what the ledger (and closed months) say, once per person."""

from collections.abc import Iterable
from datetime import date, datetime

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from leaderboard import broadcast
from leaderboard.models import (
    COUNTED_REASON,
    CRITERIA_BY_REASON,
    DEFAULT_REVOCATION_REASON,
    Badge,
    BadgeAward,
    Criterion,
    Period,
    PeriodClose,
    PeriodPlacement,
    ScoreTotal,
)
from leaderboard.notices import BADGE_EARNED
from leaderboard.selectors.badges import Progress, badge_progress, badges_active, badges_unheld
from notifications.services import notification_send
from people.models import User
from portal.audit import BADGE_AWARD, BADGE_REVOKE, audit_record
from portal.periods import month_start


def badge_is_earned(badge: Badge, progress: Progress) -> bool:
    if badge.criterion == Criterion.CAMPAIGN:
        return False  # awarded by its campaign (sharing), never from the ledger
    if badge.criterion == Criterion.STREAK:
        return progress.longest_streak >= badge.threshold
    if badge.criterion == Criterion.TOP_OF_MONTH:
        return progress.best_month_rank is not None and progress.best_month_rank <= badge.threshold
    needed = 1 if badge.criterion == Criterion.CERTIFIED else badge.threshold
    return progress.counts.get(COUNTED_REASON[badge.criterion], 0) >= needed


def badge_evidence(badge: Badge, progress: Progress) -> str:
    if badge.criterion == Criterion.STREAK:
        return f"Shared in {progress.longest_streak} consecutive weeks."
    if badge.criterion == Criterion.TOP_OF_MONTH:
        return f"Finished a month at #{progress.best_month_rank} on the leaderboard."
    if badge.criterion == Criterion.CERTIFIED:
        return "Certified as an advocate."
    # The threshold the award marks, not today's count: a badge awarded later (reconcile,
    # the demo) is dated by the row that reached it, and "11 shares" would not fit "First
    # share".
    count = min(progress.counts.get(COUNTED_REASON[badge.criterion], 0), badge.threshold)
    one, many = {
        Criterion.SHARES: ("share", "shares"),
        Criterion.CLICKS: ("credited click", "credited clicks"),
        Criterion.COURSES: ("course completed", "courses completed"),
        Criterion.SUGGESTION: ("suggestion accepted", "suggestions accepted"),
    }[badge.criterion]
    return f"{count} {one if count == 1 else many} recorded."


def badge_award_create(
    *, badge: Badge, user: User, evidence: str, at: datetime | None = None
) -> BadgeAward | None:
    """Award `badge` to `user` once, notifying them after commit. None when they hold it
    already (concurrently, too). Runs in the caller's transaction."""
    award = BadgeAward(badge=badge, user=user, evidence=evidence, awarded_at=at or timezone.now())
    # The recipient hash is taken on the email as it is now and never recomputed; a person
    # without one still gets the award, but no portable credential (set_recipient).
    award.set_recipient(user.email)
    try:
        with transaction.atomic():
            award.save(force_insert=True)
    except IntegrityError:
        return None  # awarded already (concurrently): once per person
    # Awards follow from the ledger, so the system awards them; the person is the subject.
    audit_record(
        actor=None,
        action=BADGE_AWARD,
        instance=user,
        data={"badge": badge.name, "award_id": award.pk, "evidence": evidence},
    )
    _badge_notify(award)
    return award


def _badge_notify(award: BadgeAward) -> None:
    """Tell the person (bell, and email if they opted in); sent only if the award commits."""
    notification_send(
        user=award.user,
        kind=BADGE_EARNED,
        title=f"You earned the “{award.badge.name}” badge",
        body=award.evidence,
        url=reverse("badges:verify", args=[award.uid]),
        key=f"badge:{award.pk}",
        at=award.awarded_at,  # dated by the ledger row that earned it
    )


def badges_evaluate(
    *,
    user: User,
    reasons: Iterable[str] | None = None,
    badges: list[Badge] | None = None,
    at: datetime | None = None,
) -> list[BadgeAward]:
    """Award every active badge `user` has earned and does not hold yet (a revoked award
    still counts as held). With `reasons`, only criteria those ledger reasons move are
    checked. `at` dates the awards (the ledger row that earned them). Runs in the caller's
    transaction; returns the new awards. Toasts for them
    are sent by the caller's on_commit (points_award) or here when called alone."""
    if reasons is None:
        criteria = set(Criterion.values)
    else:
        criteria = {c for reason in reasons for c in CRITERIA_BY_REASON.get(reason, ())}
    if not criteria:
        return []
    if badges is None:
        pending = badges_unheld(user=user, criteria=criteria)
    else:
        candidates = [b for b in badges if b.criterion in criteria]
        if not candidates:
            return []
        held = set(
            BadgeAward.objects.filter(user=user, badge__in=candidates).values_list(
                "badge_id", flat=True
            )
        )
        pending = [b for b in candidates if b.pk not in held]
    if not pending:
        return []
    progress = badge_progress(
        user=user,
        streak=any(b.criterion == Criterion.STREAK for b in pending),
        placements=any(b.criterion == Criterion.TOP_OF_MONTH for b in pending),
    )
    awards = []
    for badge in pending:
        if badge_is_earned(badge, progress):
            award = badge_award_create(
                badge=badge, user=user, evidence=badge_evidence(badge, progress), at=at
            )
            if award is not None:
                awards.append(award)
    return awards


@transaction.atomic
def badge_award_revoke(*, award: BadgeAward, reason: str, by: User | None = None) -> BadgeAward:
    """Revoke an award for good: its assertion and page say so from now on, it is never
    re-awarded and nothing un-revokes it (the model refuses). Revoking a revoked award
    changes nothing, its first reason stands (even if `award` is a stale copy: the row is
    read again under a lock). `reason` is shown publicly. `by` is the editor revoking (None:
    the system, e.g. reconcile); the audit trail records it. Returns `award`, up to date."""
    stored = BadgeAward.objects.select_for_update().get(pk=award.pk)
    if not stored.revoked:
        stored.revoked = True
        stored.revocation_reason = reason.strip()[:200] or DEFAULT_REVOCATION_REASON
        stored.save(update_fields=["revoked", "revoked_at", "revocation_reason"])
        audit_record(
            actor=by,
            action=BADGE_REVOKE,
            instance=stored.user,
            data={
                "badge": stored.badge.name,
                "award_id": stored.pk,
                "reason": stored.revocation_reason,
            },
        )
    award.revoked = stored.revoked
    award.revoked_at = stored.revoked_at
    award.revocation_reason = stored.revocation_reason
    return award


@transaction.atomic
def leaderboard_close_period(*, month: date, top: int = 3) -> tuple[int, int]:
    """Close `month`: record the top `top` opted-in people (ties share a rank, so there may
    be more) as placements, then award "top N of a month" badges from them.

    Idempotent: a closed month keeps its placements; running again only awards badges
    defined since. Returns (placements created, badges awarded).
    """
    month = month_start(month)
    if month >= month_start(timezone.now()):
        raise ValueError("Only a month that has ended can be closed.")
    badges = [b for b in badges_active() if b.criterion == Criterion.TOP_OF_MONTH]
    top = max([top, *(b.threshold for b in badges)])
    _, created = PeriodClose.objects.get_or_create(month=month)
    placed = 0
    if created:
        rows = list(
            ScoreTotal.objects.filter(
                period=Period.MONTH, period_start=month, visible=True, points__gt=0
            )
            .order_by("-points", "user_id")
            .values_list("user_id", "points")
        )
        rank = 0
        for index, (user_id, points) in enumerate(rows):
            if not index or points != rows[index - 1][1]:
                rank = index + 1
            if rank > top:
                break
            PeriodPlacement.objects.create(month=month, user_id=user_id, rank=rank, points=points)
            placed += 1
    awarded: list[BadgeAward] = []
    if badges:
        users = User.objects.filter(placements__month=month).distinct()
        for user in users:
            awarded += badges_evaluate(user=user, badges=badges)
    for award in awarded:
        broadcast.points_changed_on_commit(user_id=award.user_id, award_ids=[award.pk])
    return placed, len(awarded)
