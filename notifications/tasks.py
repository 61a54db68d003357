"""Background work (django-tasks): sending the emails. Enqueued only after commit."""

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from notifications.digest import digest_content
from notifications.emails import digest_email, notification_email
from notifications.models import DigestSent, EmailStatus, Notification
from people.models import ConsentKind
from people.selectors import consent_current


@task()
def notification_email_send(*, notification_id: int) -> str:
    """Email one queued notification, once. A retry after success sends nothing more."""
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update()
            .select_related("user")
            .filter(pk=notification_id, email_status=EmailStatus.QUEUED)
            .first()
        )
        if notification is None:
            return "nothing to send"
        if (
            notification.is_optional
            and not consent_current(user=notification.user)[ConsentKind.EMAIL_ALERTS]
        ):
            # They turned alerts off between the notification and this worker run.
            notification.email_status = EmailStatus.OPTED_OUT
            notification.save(update_fields=["email_status"])
            return "opted out"
        notification_email(notification).send()
        notification.email_status = EmailStatus.SENT
        notification.emailed_at = timezone.now()
        notification.save(update_fields=["email_status", "emailed_at"])
    return "sent"


@task()
def digest_email_send(*, digest_id: int) -> str:
    """Send one weekly digest, once."""
    with transaction.atomic():
        digest = (
            DigestSent.objects.select_for_update()
            .select_related("user")
            .filter(pk=digest_id, sent_at__isnull=True)
            .first()
        )
        if digest is None:
            return "nothing to send"
        if not consent_current(user=digest.user)[ConsentKind.EMAIL_ALERTS]:
            return "opted out"
        content = digest_content(user=digest.user, week_start=digest.week_start)
        digest_email(user=digest.user, digest=content).send()
        digest.sent_at = timezone.now()
        digest.save(update_fields=["sent_at"])
    return "sent"
