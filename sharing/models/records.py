"""What people do with the library: shares, the clicks on them, suggestions, preferences."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from people.platforms import PLATFORM_CHOICES
from sharing.models.pages import HttpsURLField


class ShareState(models.TextChoices):
    LIVE = "live", "Live"
    EXPIRED = "expired", "Expired"
    RETRACTED = "retracted", "Retracted"


class NoPointsReason(models.TextChoices):
    NONE = "", "Earned points"
    WEEKLY_CAP = "weekly_cap", "Past the programme's weekly cap"
    PERSONAL_CAP = "personal_cap", "Past your personal weekly cap"


class PointsState(models.TextChoices):
    EARNED = "earned", "Earned its points"
    WAITING = "waiting", "Waiting for its first reader"
    NO_READER = "no_reader", "No reader in time: no share points"
    PAST_CAP = "past_cap", "Past the weekly cap: no share points"


class Share(models.Model):
    """One advocate sharing one post on one network. Sharing again reuses this row."""

    # A record of what someone did, not editor content: Wagtail's usage index skips it.
    wagtail_reference_index_ignore = True

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="shares"
    )
    # A deleted post leaves its shares (and their clicks) in place; the link stops working.
    post = models.ForeignKey(
        "sharing.SharePostPage", null=True, on_delete=models.SET_NULL, related_name="shares"
    )
    post_title = models.CharField(max_length=255)
    platform = models.CharField(max_length=20, choices=PLATFORM_CHOICES)
    code = models.CharField(max_length=32, unique=True)
    caption = models.TextField(help_text="As the advocate confirmed it, disclosure included.")
    variant = models.PositiveSmallIntegerField(default=0)
    earned_points = models.BooleanField(default=False)
    no_points_reason = models.CharField(
        max_length=20, choices=NoPointsReason.choices, blank=True, default=""
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    # Set while the share's points wait for its first reader (PointsSettings.share_credit):
    # the first credited click up to then earns them and clears it, in the update that
    # counts the click (read with the share's locked row: no extra query on the hot path).
    points_due_until = models.DateTimeField(null=True, blank=True)
    retracted_at = models.DateTimeField(null=True, blank=True)
    # Kept in step with its credited Click rows (under the share's row lock) so the hot
    # path never counts them.
    credited_clicks = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "post", "platform"], name="share_once_per_post_and_platform"
            )
        ]
        indexes = [models.Index(fields=["user", "created_at"])]

    def __str__(self) -> str:
        return f"{self.user} → {self.post_title} on {self.get_platform_display()}"

    @property
    def points_state(self) -> str:
        """Where the share's own points stand: a PointsState value."""
        if not self.earned_points:
            return PointsState.PAST_CAP
        if self.points_due_until is None:
            return PointsState.EARNED
        if timezone.now() <= self.points_due_until:
            return PointsState.WAITING
        return PointsState.NO_READER

    @property
    def points_state_label(self) -> str:
        return str(PointsState(self.points_state).label)


class UAClass(models.TextChoices):
    PERSON = "person", "Person"
    BOT = "bot", "Bot"
    PREVIEW = "preview", "Link preview"


class Refusal(models.TextChoices):
    CREDITED = "", "Credited"
    HEAD = "head", "HEAD request"
    PREVIEW = "preview", "Link preview fetcher"
    BOT = "bot", "Bot"
    OWN_SESSION = "own_session", "The sharer's own session"
    REPEAT = "repeat", "Same visitor within 24 hours"
    DAILY_CAP = "daily_cap", "Daily credit cap for this link reached"
    UNAVAILABLE = "unavailable", "Post retracted or expired"


class Click(models.Model):
    """Every request to a tracked link, credited or not. No IP address is stored."""

    # A record of what someone did, not editor content: Wagtail's usage index skips it.
    wagtail_reference_index_ignore = True

    share = models.ForeignKey(Share, on_delete=models.CASCADE, related_name="clicks")
    at = models.DateTimeField(default=timezone.now)
    # HMAC of address and user agent under a secret that changes every day.
    visitor_key = models.CharField(max_length=64)
    ua_class = models.CharField(max_length=10, choices=UAClass.choices)
    method = models.CharField(max_length=8, default="GET")
    credited = models.BooleanField(default=False)
    refusal = models.CharField(max_length=20, choices=Refusal.choices, blank=True, default="")

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["share", "credited", "at"]),
            models.Index(fields=["share", "visitor_key", "at"]),
        ]

    def __str__(self) -> str:
        return f"click on {self.share.code} at {self.at:%Y-%m-%d %H:%M}"


class ClickOverflow(models.Model):
    """Requests to a tracked link past the per-client rate (settings.RATE_LIMITS), counted
    per share and day instead of stored one by one: a flood cannot fill the database. None
    of them is credited; the reader was redirected all the same."""

    wagtail_reference_index_ignore = True

    share = models.ForeignKey(Share, on_delete=models.CASCADE, related_name="click_overflows")
    day = models.DateField()
    requests = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["share", "day"], name="sharing_clickoverflow_day")
        ]

    def __str__(self) -> str:
        return f"{self.requests} requests past the rate to {self.share.code} on {self.day}"


class SuggestionState(models.TextChoices):
    PENDING = "pending", "Waiting for review"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"


class Suggestion(models.Model):
    """A link an employee thinks colleagues would like to share."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="share_suggestions"
    )
    url = HttpsURLField("link", max_length=500)
    note = models.TextField(max_length=1000)
    state = models.CharField(
        max_length=10, choices=SuggestionState.choices, default=SuggestionState.PENDING
    )
    decline_reason = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    post = models.ForeignKey(
        "sharing.SharePostPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="suggestions",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.url


class SharingPreferences(models.Model):
    """An advocate's own choices: topics they follow and an optional personal weekly cap."""

    # A record of what someone did, not editor content: Wagtail's usage index skips it.
    wagtail_reference_index_ignore = True

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sharing_preferences"
    )
    topics = models.ManyToManyField("taggit.Tag", blank=True, related_name="+")
    weekly_cap = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="Shares a week that earn you points. Leave empty for the programme's cap.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "sharing preferences"

    def __str__(self) -> str:
        return f"sharing preferences of {self.user}"
