from django.conf import settings
from django.db import models
from django.utils import timezone

from notifications.kinds import kind_get


class EmailStatus(models.TextChoices):
    NONE = "", "No email"
    QUEUED = "queued", "Queued"
    SENT = "sent", "Sent"
    HELD = "held", "Held for the weekly digest"
    OPTED_OUT = "opted_out", "Not sent: email alerts are off"
    NO_ADDRESS = "no_address", "Not sent: no email address"


class Notification(models.Model):
    """One message to one person, shown in the portal and (usually) emailed."""

    # A record of what someone did, not editor content: Wagtail's usage index skips it.
    wagtail_reference_index_ignore = True

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(
        max_length=30, help_text="A NotificationKind key, declared by the app that sent it."
    )
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=500, blank=True)
    key = models.CharField(max_length=200, unique=True, help_text="Idempotency key.")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    # What a notification that asks for an action is about ("policy:12", "enrolment:40");
    # notifications_resolve closes it when the person has done what it asks.
    subject = models.CharField(max_length=100, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    email_status = models.CharField(
        max_length=20, choices=EmailStatus.choices, default=EmailStatus.NONE, blank=True
    )
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["user", "read_at"], name="notification_unread"),
            models.Index(fields=["user", "subject"], name="notification_subject"),
        ]

    def __str__(self) -> str:
        return f"{self.kind_label} → {self.user}: {self.title}"

    @property
    def kind_label(self) -> str:
        return kind_get(self.kind).label

    @property
    def is_optional(self) -> bool:
        return kind_get(self.kind).optional

    @property
    def unread(self) -> bool:
        return self.read_at is None

    @property
    def resolved(self) -> bool:
        return self.resolved_at is not None


class OptionalEmailDay(models.Model):
    """Claims a person's one optional email of a (programme-time-zone) day.

    The unique constraint makes the limit hold under concurrent sends: the second insert
    of the same day fails and that notification waits for the digest instead.
    """

    # A record of what someone did, not editor content: Wagtail's usage index skips it.
    wagtail_reference_index_ignore = True

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    notification = models.OneToOneField(Notification, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "day"], name="one_optional_email_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.user} optional email on {self.day}"


class DigestSent(models.Model):
    """A weekly digest sent (or being sent) to one person; one row per person per week."""

    # A record of what someone did, not editor content: Wagtail's usage index skips it.
    wagtail_reference_index_ignore = True

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digests"
    )
    week_start = models.DateField(help_text="Monday of the week the digest covers.")
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-week_start"]
        constraints = [
            models.UniqueConstraint(fields=["user", "week_start"], name="one_digest_per_week")
        ]

    def __str__(self) -> str:
        return f"Digest for {self.user}, week of {self.week_start}"
