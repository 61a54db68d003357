from django.conf import settings
from django.db import models
from django.utils import timezone


class Kind(models.TextChoices):
    PRIORITY_POST = "priority_post", "New priority post for you"
    RETRACTION = "retraction", "A post you shared was retracted"
    TRAINING_DUE = "training_due", "Training due soon"
    TRAINING_OVERDUE = "training_overdue", "Training overdue"
    CERTIFICATE_EXPIRING = "certificate_expiring", "Certificate expiring"
    POLICY_VERSION = "policy_version", "New policy version to acknowledge"
    SUGGESTION_DECIDED = "suggestion_decided", "Your suggestion was decided"
    BADGE_EARNED = "badge_earned", "Badge earned"


# Optional kinds: their emails honour the email-alerts opt-in, carry an unsubscribe link
# and count against the one-optional-email-a-day limit. A priority post is also shown in
# the portal only to people who turned alerts on (the targeting rule).
OPTIONAL_KINDS = frozenset({Kind.PRIORITY_POST, Kind.BADGE_EARNED})
IN_PORTAL_NEEDS_ALERTS = frozenset({Kind.PRIORITY_POST})

# Why a required email was sent, said at the foot of the email.
REQUIRED_REASONS = {
    Kind.RETRACTION: (
        "You receive this because you shared this post; when a post is retracted everyone "
        "who shared it is told, whatever their email settings."
    ),
    Kind.TRAINING_DUE: (
        "You receive this because you are enrolled in required training; reminders about "
        "required training are sent to everyone enrolled."
    ),
    Kind.TRAINING_OVERDUE: (
        "You receive this because required training you are enrolled in is past its due "
        "date; these reminders are sent to everyone enrolled."
    ),
    Kind.CERTIFICATE_EXPIRING: (
        "You receive this because your advocate certificate is about to expire; it is a "
        "service message sent to every certified person."
    ),
    Kind.POLICY_VERSION: (
        "You receive this because everyone must acknowledge the current social media "
        "policy; policy changes are announced to everyone."
    ),
    Kind.SUGGESTION_DECIDED: (
        "You receive this because you made this suggestion; we always tell you what happened to it."
    ),
}


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
    kind = models.CharField(max_length=30, choices=Kind.choices)
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=500, blank=True)
    key = models.CharField(max_length=200, unique=True, help_text="Idempotency key.")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    email_status = models.CharField(
        max_length=20, choices=EmailStatus.choices, default=EmailStatus.NONE, blank=True
    )
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "read_at"], name="notification_unread")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} → {self.user}: {self.title}"

    @property
    def is_optional(self) -> bool:
        return self.kind in OPTIONAL_KINDS

    @property
    def unread(self) -> bool:
        return self.read_at is None


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
