"""Writes for notifications: create (idempotently), mark read, resolve.

Other apps build their own content and call `notification_send` inside their action's
transaction; the live push and the email are queued with transaction.on_commit, so a
rolled-back action sends nothing. A notification that asks for an action names what it is
about (`subject`); the app calls `notifications_resolve` with that subject when the person
has done it, so the bell never keeps asking for something already done.
"""

from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from notifications.digest import digest_content, digest_has_news, digest_week
from notifications.kinds import NotificationKind, kinds_registered
from notifications.live import notification_push
from notifications.models import DigestSent, EmailStatus, Notification, OptionalEmailDay
from notifications.tasks import digest_email_send, notification_email_send
from people.models import ConsentKind, User
from people.selectors import consent_current, users_with_consent


def _email_status_decide(
    *, notification: Notification, kind: NotificationKind, consents: dict[str, bool]
) -> str:
    """Decide (and for optional kinds, claim) the email for a new notification."""
    user = notification.user
    if not user.email:
        return EmailStatus.NO_ADDRESS
    if not kind.optional:
        return EmailStatus.QUEUED
    if not consents[ConsentKind.EMAIL_ALERTS]:
        return EmailStatus.OPTED_OUT
    day = timezone.localdate(notification.created_at)
    try:
        with transaction.atomic():
            OptionalEmailDay.objects.create(user=user, day=day, notification=notification)
    except IntegrityError:
        return EmailStatus.HELD  # today's optional email went out already: digest
    return EmailStatus.QUEUED


def _after_commit(notification_id: int, *, email: bool) -> None:
    notification_push(notification_id=notification_id)  # failures are logged there
    if email:
        notification_email_send.enqueue(notification_id=notification_id)


def notification_send(
    *,
    user: User,
    kind: NotificationKind,
    title: str,
    body: str = "",
    url: str = "",
    key: str,
    subject: str = "",
    at: datetime | None = None,
) -> Notification | None:
    """Notify one person, in the portal and by email, once per `key`.

    Call it inside the action's transaction: the live push and the email are queued on
    commit, so a rolled-back action sends nothing. A second call with the same key changes
    nothing and returns the first notification. Returns None when the person should not
    get this kind at all (they have not granted every consent in `kind.requires_consents`).
    Optional kinds are emailed only with the email-alerts opt-in and at most once a day
    per person (the rest wait for the weekly digest); required kinds always. Raises
    ValueError for a kind no app declares (NOTIFICATION_KINDS hook).

    `subject` names what a notification that asks for an action is about (for example
    "policy:12"); `notifications_resolve` with the same subject closes it once the action
    is done. `at` dates the notification when it records something that happened earlier
    (the demo's history, an award dated by the ledger row that earned it); now by default.
    """
    if kinds_registered().get(kind.key) != kind:
        raise ValueError(f"Unknown notification kind {kind.key!r}: declare it in a hook.")
    existing = Notification.objects.filter(key=key).first()
    if existing is not None:
        return existing
    consents = consent_current(user=user)
    if not all(consents[consent] for consent in kind.requires_consents):
        return None
    with transaction.atomic():
        try:
            with transaction.atomic():
                notification = Notification.objects.create(
                    user=user,
                    kind=kind.key,
                    title=title[:200],
                    body=body,
                    url=url,
                    key=key,
                    subject=subject,
                    created_at=at or timezone.now(),
                )
        except IntegrityError:
            return Notification.objects.get(key=key)
        status = _email_status_decide(notification=notification, kind=kind, consents=consents)
        notification.email_status = status
        notification.save(update_fields=["email_status"])
        pk, queued = notification.pk, status == EmailStatus.QUEUED
        transaction.on_commit(lambda: _after_commit(pk, email=queued))
    return notification


def notification_mark_read(*, user: User, notification_id: int) -> Notification | None:
    """Mark one of the user's own notifications read. None when it is not theirs."""
    now = timezone.now()
    Notification.objects.filter(pk=notification_id, user=user, read_at__isnull=True).update(
        read_at=now
    )
    return Notification.objects.filter(pk=notification_id, user=user).first()


def notifications_resolve(*, user: User, subject: str, at: datetime | None = None) -> int:
    """Close the user's open notifications about `subject`: the person did what they asked
    (acknowledged the policy, finished the course). They are marked resolved and read, so
    the bell stops counting them; the list shows them as done. Call it in the action's
    transaction. Idempotent; returns how many were closed by this call."""
    if not subject:
        return 0
    now = at or timezone.now()
    open_ = Notification.objects.filter(user=user, subject=subject, resolved_at__isnull=True)
    closed = open_.update(resolved_at=now)
    Notification.objects.filter(
        user=user, subject=subject, resolved_at__isnull=False, read_at__isnull=True
    ).update(read_at=now)
    return closed


def notifications_mark_all_read(*, user: User) -> int:
    """Mark all of the user's notifications read; returns how many were unread."""
    return Notification.objects.filter(user=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


def digests_send(*, at: datetime | None = None) -> int:
    """Queue the digest of the week that ended before `at` (now by default) for everyone
    opted in to email alerts who has news.

    Idempotent per person per week (a DigestSent row, unique on user and week): running it
    twice, or from two cron hosts at once, sends each person one digest. Returns how many
    digests were queued by this call.
    """
    monday = digest_week(at or timezone.now())
    already = DigestSent.objects.filter(week_start=monday).values("user_id")
    people = (
        users_with_consent(kind=ConsentKind.EMAIL_ALERTS)
        .filter(is_active=True)
        .exclude(email="")
        .exclude(pk__in=already)
        .order_by("pk")
    )
    queued = 0
    for user in people:
        if not digest_has_news(digest_content(user=user, week_start=monday)):
            continue
        try:
            with transaction.atomic():
                digest = DigestSent.objects.create(user=user, week_start=monday)
                digest_id = digest.pk
                transaction.on_commit(
                    lambda digest_id=digest_id: digest_email_send.enqueue(digest_id=digest_id)
                )
        except IntegrityError:
            continue  # another run got there first
        queued += 1
    return queued
