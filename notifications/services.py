"""Writes for notifications: create (idempotently), mark read, announce priority posts.

Other apps call `notification_send` inside their action's transaction; the live push and
the email are queued with transaction.on_commit, so a rolled-back action sends nothing.
"""

import logging
from collections.abc import Iterable

from django.db import IntegrityError, transaction
from django.utils import timezone

from notifications.models import (
    IN_PORTAL_NEEDS_ALERTS,
    OPTIONAL_KINDS,
    EmailStatus,
    Kind,
    Notification,
    OptionalEmailDay,
)
from people.models import ConsentKind, User
from people.selectors import consent_current, users_with_consent

logger = logging.getLogger(__name__)


def user_group(user_id: int) -> str:
    """The channel-layer group of one person's open pages."""
    return f"notify.user.{user_id}"


def _email_status_decide(*, notification: Notification, alerts_on: bool | None) -> str:
    """Decide (and for optional kinds, claim) the email for a new notification."""
    user = notification.user
    if not user.email:
        return EmailStatus.NO_ADDRESS
    if notification.kind not in OPTIONAL_KINDS:
        return EmailStatus.QUEUED
    if alerts_on is None:
        alerts_on = consent_current(user=user)[ConsentKind.EMAIL_ALERTS]
    if not alerts_on:
        return EmailStatus.OPTED_OUT
    day = timezone.localdate(notification.created_at)
    try:
        with transaction.atomic():
            OptionalEmailDay.objects.create(user=user, day=day, notification=notification)
    except IntegrityError:
        return EmailStatus.HELD  # today's optional email went out already: digest
    return EmailStatus.QUEUED


def _after_commit(notification_id: int, *, email: bool) -> None:
    from notifications.live import notification_push
    from notifications.tasks import notification_email_send

    try:
        notification_push(notification_id=notification_id)
    except Exception:  # a dropped websocket message is fine; the page reload shows the truth
        logger.warning("Live push of notification %s failed", notification_id, exc_info=True)
    if email:
        notification_email_send.enqueue(notification_id=notification_id)


def _notification_create(
    *,
    user: User,
    kind: str,
    title: str,
    body: str,
    url: str,
    key: str,
    alerts_on: bool | None,
) -> Notification:
    with transaction.atomic():
        try:
            with transaction.atomic():
                notification = Notification.objects.create(
                    user=user, kind=kind, title=title[:200], body=body, url=url, key=key
                )
        except IntegrityError:
            return Notification.objects.get(key=key)
        status = _email_status_decide(notification=notification, alerts_on=alerts_on)
        notification.email_status = status
        notification.save(update_fields=["email_status"])
        pk, queued = notification.pk, status == EmailStatus.QUEUED
        transaction.on_commit(lambda: _after_commit(pk, email=queued))
    return notification


def notification_send(
    *, user: User, kind: str, title: str, body: str = "", url: str = "", key: str
) -> Notification | None:
    """Notify one person, in the portal and by email, once per `key`.

    Call it inside the action's transaction: the live push and the email are queued on
    commit, so a rolled-back action sends nothing. A second call with the same key changes
    nothing and returns the first notification. Returns None when the person should not
    get this kind at all (a priority post for someone who is not an opted-in advocate with
    alerts on). Optional kinds are emailed only with the email-alerts opt-in and at most
    once a day per person (the rest wait for the weekly digest); required kinds always.
    """
    if kind not in Kind.values:
        raise ValueError(f"Unknown notification kind {kind!r}.")
    existing = Notification.objects.filter(key=key).first()
    if existing is not None:
        return existing
    alerts_on = None
    if kind in IN_PORTAL_NEEDS_ALERTS:
        consent = consent_current(user=user)
        if not (consent[ConsentKind.ADVOCACY] and consent[ConsentKind.EMAIL_ALERTS]):
            return None
        alerts_on = True
    return _notification_create(
        user=user, kind=kind, title=title, body=body, url=url, key=key, alerts_on=alerts_on
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
        existing = Notification.objects.filter(key=f"{key_prefix}:{user.pk}").first()
        notifications.append(
            existing
            or _notification_create(
                user=user,
                kind=Kind.PRIORITY_POST,
                title=f"New priority post: {post_title}",
                body=body or "A new post fits your networks. Share it if you want to.",
                url=url,
                key=f"{key_prefix}:{user.pk}",
                alerts_on=True,
            )
        )
    return notifications


def notification_mark_read(*, user: User, notification_id: int) -> Notification | None:
    """Mark one of the user's own notifications read. None when it is not theirs."""
    now = timezone.now()
    Notification.objects.filter(pk=notification_id, user=user, read_at__isnull=True).update(
        read_at=now
    )
    return Notification.objects.filter(pk=notification_id, user=user).first()


def notifications_mark_all_read(*, user: User) -> int:
    """Mark all of the user's notifications read; returns how many were unread."""
    return Notification.objects.filter(user=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
