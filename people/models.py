from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.validators import MaxValueValidator, RegexValidator
from django.db import models
from django.utils import timezone

from people.platforms import PLATFORM_CHOICES, PLATFORMS

display_name_validator = RegexValidator(
    r"^[\w][\w .,'’\-]*$",
    "Use letters, numbers, spaces and . , ' - only.",
)
handle_validator = RegexValidator(
    r"^@?[A-Za-z0-9][A-Za-z0-9_.\-/]*$",
    "A handle may start with @ and use letters, numbers, _ . - and / only.",
)


class Department(models.Model):
    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    # The identity provider's own id for the group this department mirrors (SCIM).
    scim_external_id = models.CharField(max_length=255, blank=True, db_index=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    # People are not editor content; their department is not a "usage" worth indexing.
    wagtail_reference_index_ignore = True

    display_name = models.CharField(
        max_length=80,
        blank=True,
        validators=[display_name_validator],
        help_text="How your name appears to colleagues. Leave blank to use your full name.",
    )
    department = models.ForeignKey(
        Department, null=True, blank=True, on_delete=models.SET_NULL, related_name="members"
    )
    job_title = models.CharField(max_length=120, blank=True)
    joined_on = models.DateField(default=timezone.localdate)
    left_on = models.DateField(
        null=True,
        blank=True,
        help_text="Last working day. From the day after, the person is deactivated.",
    )
    deactivated_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Set once the person's personal data is erased (people/erasure.py); never cleared.
    erased_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The identity provider's own id for this person (SCIM externalId).
    scim_external_id = models.CharField(max_length=255, blank=True, db_index=True)

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.display_name or self.get_full_name() or self.username


class Audience(models.TextChoices):
    PROFESSIONAL = "professional", "Professional"
    PERSONAL = "personal", "Personal"


class SocialNetwork(models.Model):
    """A network an employee says they use. Declared, never connected or verified."""

    # A record of what someone did, not editor content: Wagtail's usage index skips it.
    wagtail_reference_index_ignore = True

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="networks"
    )
    platform = models.CharField(max_length=20, choices=PLATFORM_CHOICES)
    handle = models.CharField(max_length=60, validators=[handle_validator])
    audience = models.CharField(max_length=20, choices=Audience.choices)
    followers = models.PositiveIntegerField(
        default=0,
        validators=[MaxValueValidator(500_000_000)],
        help_text="About how many people follow you there. Used only for reach estimates.",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["platform", "handle"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "platform", "handle"], name="network_unique_per_user"
            )
        ]

    def __str__(self) -> str:
        return f"{self.platform_label} {self.handle}"

    @property
    def platform_label(self) -> str:
        platform = PLATFORMS.get(self.platform)
        return platform.label if platform else self.platform


class ConsentKind(models.TextChoices):
    ADVOCACY = "advocacy", "Take part in advocacy"
    LEADERBOARD = "leaderboard", "Appear on the leaderboard"
    EMAIL_ALERTS = "email_alerts", "Receive optional email alerts"


class ConsentRecord(models.Model):
    """One grant or withdrawal. Never edited: the newest row per kind is the current state."""

    # A record of what someone did, not editor content: Wagtail's usage index skips it.
    wagtail_reference_index_ignore = True

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consent_records"
    )
    kind = models.CharField(max_length=20, choices=ConsentKind.choices)
    granted = models.BooleanField()
    source = models.CharField(max_length=40, help_text="Where the change was made.")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "kind", "-created_at"])]

    def __str__(self) -> str:
        verb = "granted" if self.granted else "withdrew"
        return f"{self.user} {verb} {self.kind} at {self.created_at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        if self.pk is not None and not kwargs.get("force_insert"):
            raise ValueError("Consent records are never changed; record a new one.")
        super().save(*args, **kwargs)


class ScimToken(models.Model):
    """A bearer token one identity provider uses for /scim/v2/. Only its SHA-256 is kept:
    the token itself is shown once, when it is created."""

    name = models.CharField(max_length=80, unique=True, help_text="Which provider uses it.")
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(max_length=12, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = "SCIM token"

    def __str__(self) -> str:
        return self.name

    @property
    def active(self) -> bool:
        return self.revoked_at is None


class RosterImport(models.Model):
    """One roster import run in the background: its progress and result, on a row the
    admin's progress page reads, so it works wherever the task runs (a worker process
    on the database task backend shares the database, not the web process's cache).

    Kept a day after it finishes (the result names refused rows' emails), then pruned when
    the next import starts."""

    key = models.CharField(max_length=40, unique=True, help_text="The upload's name.")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(null=True, blank=True)
    result = models.JSONField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"roster import {self.key}"

    @property
    def state(self) -> dict:
        return {"done": self.done, "total": self.total, "result": self.result}
