import hashlib
import secrets
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from leaderboard.models.ledger import Reason


class Criterion(models.TextChoices):
    CERTIFIED = "certified", "Certified advocate"
    SHARES = "shares", "Shares: at least N"
    CLICKS = "clicks", "Credited clicks: at least N"
    STREAK = "streak", "N consecutive weeks with a share"
    COURSES = "courses", "Courses completed: at least N"
    SUGGESTION = "suggestion", "Suggestions accepted: at least N"
    TOP_OF_MONTH = "top_month", "Top N of a month"
    # Awarded by the campaign itself (sharing) when its goal is reached, never from the ledger.
    CAMPAIGN = "campaign", "Took part in a campaign that reached its goal"


# Which ledger reason moves which criterion: points_award only re-checks these.
CRITERIA_BY_REASON: dict[str, tuple[str, ...]] = {
    Reason.SHARE: (Criterion.SHARES, Criterion.STREAK),
    Reason.CLICK: (Criterion.CLICKS,),
    Reason.COURSE_COMPLETED: (Criterion.COURSES,),
    Reason.CERTIFIED: (Criterion.CERTIFIED,),
    Reason.SUGGESTION_ACCEPTED: (Criterion.SUGGESTION,),
}
# The ledger reason each counting criterion counts.
COUNTED_REASON: dict[str, str] = {
    Criterion.CERTIFIED: Reason.CERTIFIED,
    Criterion.SHARES: Reason.SHARE,
    Criterion.CLICKS: Reason.CLICK,
    Criterion.COURSES: Reason.COURSE_COMPLETED,
    Criterion.SUGGESTION: Reason.SUGGESTION_ACCEPTED,
}


SLUG_FROZEN = (
    "This badge has been awarded, so its slug is frozen: it is part of the public address "
    "of every badge already issued, and changing it would break them."
)


class Badge(models.Model):
    """A badge definition (a snippet). Who earns it follows from the ledger alone."""

    name = models.CharField(max_length=80)
    slug = models.SlugField(max_length=80, unique=True, help_text="Part of its public URL.")
    description = models.TextField(
        max_length=500, help_text="What it recognises, in a sentence or two. Shown publicly."
    )
    criterion = models.CharField(max_length=20, choices=Criterion.choices)
    threshold = models.PositiveSmallIntegerField(
        default=1, help_text="N in the criterion (ignored for “Certified advocate”)."
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional. Without one, a tidy image is drawn from the name.",
    )
    active = models.BooleanField(
        default=True, help_text="Turn off to stop new awards; earlier awards stay valid."
    )
    created_at = models.DateTimeField(default=timezone.now)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("criterion"),
        FieldPanel("threshold"),
        FieldPanel("image"),
        FieldPanel("active"),
    ]

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(threshold__gte=1), name="badge_threshold_positive"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if self._slug_frozen():
            raise ValueError(SLUG_FROZEN)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self._slug_frozen():
            raise ValidationError(
                {
                    "slug": SLUG_FROZEN
                    + " Change the name instead, or make a new badge for a new address."
                }
            )

    def _slug_frozen(self) -> bool:
        """Whether this save would change the slug of a badge already awarded: the slug is
        part of the BadgeClass id every issued assertion and credential points at."""
        if self.pk is None:
            return False
        stored = type(self).objects.filter(pk=self.pk).values_list("slug", flat=True).first()
        return stored is not None and stored != self.slug and self.awards.exists()

    @property
    def criteria_narrative(self) -> str:
        n = self.threshold
        return {
            Criterion.CERTIFIED: "Passed the advocacy course quiz and became a certified advocate.",
            Criterion.SHARES: (
                "Shared a company post" if n == 1 else f"Shared company posts {n} times"
            )
            + " (shares within the weekly cap count).",
            Criterion.CLICKS: f"Earned {n} credited click{'s' if n != 1 else ''} on their "
            "shared links (de-duplicated, capped per share).",
            Criterion.STREAK: f"Shared at least one post in each of {n} consecutive weeks.",
            Criterion.COURSES: f"Completed {n} course{'s' if n != 1 else ''}.",
            Criterion.SUGGESTION: f"Had {n} content suggestion{'s' if n != 1 else ''} "
            "accepted by the communications team.",
            Criterion.TOP_OF_MONTH: f"Finished a month in the top {n} of the leaderboard.",
            Criterion.CAMPAIGN: "Took part in a campaign whose goal colleagues reached together.",
        }[self.criterion]


REVOCATION_IS_FINAL = "A revoked badge award stays revoked."
# What an assertion says when the issuer gave no reason.
DEFAULT_REVOCATION_REASON = "Revoked by the issuer."


class BadgeAwardQuerySet(models.QuerySet):
    def update(self, **kwargs):
        # Only the literal True may be written to `revoked` in bulk: never False, and no
        # expression that could be (bulk_update sends a CASE through here too).
        if "revoked" in kwargs and kwargs["revoked"] is not True:
            raise TypeError(f"{REVOCATION_IS_FINAL} Revoke with badge_award_revoke.")
        return super().update(**kwargs)


class BadgeAward(models.Model):
    """One person's badge: awarded once, revocable (for good), verifiable at a stable
    public URL."""

    # A record of what someone did, not editor content: Wagtail's usage index skips it.
    wagtail_reference_index_ignore = True

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    badge = models.ForeignKey(Badge, on_delete=models.PROTECT, related_name="awards")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="badge_awards"
    )
    awarded_at = models.DateTimeField(default=timezone.now)
    evidence = models.CharField(max_length=200, blank=True)
    # The recipient as Open Badges wants it: a salted hash of the email at award time.
    recipient_salt = models.CharField(max_length=32, editable=False)
    recipient_hash = models.CharField(max_length=80, editable=False)
    revoked = models.BooleanField(default=False)
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)
    revocation_reason = models.CharField(max_length=200, blank=True)

    objects = BadgeAwardQuerySet.as_manager()

    class Meta:
        ordering = ["-awarded_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["badge", "user"], name="badge_award_once_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.badge} → {self.user}"

    def save(self, *args, **kwargs):
        if self.revoked and self.revoked_at is None:
            self.revoked_at = timezone.now()
        if not self.revoked and self._revoked_in_database(kwargs.get("update_fields")):
            raise ValueError(REVOCATION_IS_FINAL)
        super().save(*args, **kwargs)

    def _revoked_in_database(self, update_fields) -> bool:
        """Whether saving would write revoked=False over a revoked row (one query, only
        when an existing award is saved unrevoked with `revoked` among the fields)."""
        if self.pk is None or (update_fields is not None and "revoked" not in update_fields):
            return False
        return type(self).objects.filter(pk=self.pk, revoked=True).exists()

    @staticmethod
    def hash_email(email: str, salt: str) -> str:
        digest = hashlib.sha256((email.strip().lower() + salt).encode()).hexdigest()
        return f"sha256${digest}"

    @staticmethod
    def hash_email_as_issued(email: str, salt: str) -> str:
        """The Open Badges IdentityHash: sha256 of the address exactly as issued (only
        surrounding spaces dropped) plus the salt, as verifiers compute it."""
        digest = hashlib.sha256((email.strip() + salt).encode()).hexdigest()
        return f"sha256${digest}"

    def set_recipient(self, email: str) -> None:
        """Hash the recipient's email as issued; without an email the award has no
        portable identity (never a made-up address) and publishes no credential."""
        email = (email or "").strip()
        if not email:
            self.recipient_salt = self.recipient_hash = ""
            return
        self.recipient_salt = secrets.token_hex(8)
        self.recipient_hash = self.hash_email_as_issued(email, self.recipient_salt)

    @property
    def portable(self) -> bool:
        """Whether the award names a recipient, so it can be published as a credential."""
        return bool(self.recipient_hash)

    def issued_to(self, email: str) -> bool:
        """Whether `email` is the address the award was issued to. Awards made before the
        hash was taken on the address as issued hashed it lower-cased: both are tried."""
        if not self.portable or not email.strip():
            return False
        return self.recipient_hash in {
            self.hash_email_as_issued(email, self.recipient_salt),
            self.hash_email(email, self.recipient_salt),
        }


class PeriodClose(models.Model):
    """A closed month: its placements are final (leaderboard_close_period)."""

    # A record of what someone did, not editor content: Wagtail's usage index skips it.
    wagtail_reference_index_ignore = True

    month = models.DateField(unique=True, help_text="First day of the month.")
    closed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-month"]

    def __str__(self) -> str:
        return f"{self.month:%B %Y}"


class PeriodPlacement(models.Model):
    # A record of what someone did, not editor content: Wagtail's usage index skips it.
    wagtail_reference_index_ignore = True

    month = models.DateField()
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="placements"
    )
    rank = models.PositiveIntegerField()
    points = models.IntegerField()

    class Meta:
        ordering = ["-month", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["month", "user"], name="placement_once_per_month")
        ]

    def __str__(self) -> str:
        return f"#{self.rank} {self.user} {self.month:%B %Y}"


@register_setting(icon="success")
class BadgeIssuerSettings(BaseGenericSetting):
    """Who issues the badges, as Open Badges verifiers see it."""

    name = models.CharField(max_length=120, default="Chorus advocacy programme")
    url = models.URLField(blank=True, help_text="The organisation's website.")
    email = models.EmailField(blank=True, help_text="Where to ask about a badge.")
    description = models.TextField(
        blank=True,
        default="Recognition for employees who learn and, if they choose to, share.",
    )

    class Meta:
        verbose_name = "badge issuer"
