from datetime import date

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from portal.cached_settings import CachedSetting


class Reason(models.TextChoices):
    LESSON_COMPLETED = "lesson_completed", "Lesson completed"
    COURSE_COMPLETED = "course_completed", "Course completed"
    CERTIFIED = "certified", "Certified as an advocate"
    POLICY_ACKNOWLEDGED = "policy_acknowledged", "Policy acknowledged"
    SHARE = "share", "Shared a post"
    CLICK = "click", "Credited click"
    SUGGESTION_ACCEPTED = "suggestion_accepted", "Suggestion accepted"
    CORRECTION = "correction", "Correction by HR"


class Period(models.TextChoices):
    # A week runs Monday to Sunday and may start in the previous month; a month is the
    # calendar month. The labels say which, so the two figures are not read as nested.
    WEEK = "week", "This week"
    MONTH = "month", "This calendar month"
    ALL = "all", "All time"


# Learning is required of everyone, so it earns badges and shows in a person's training
# progress, not a place on the advocacy board: its ledger rows carry 0 points (badges
# still count them).
LEARNING_REASONS = frozenset(
    {
        Reason.LESSON_COMPLETED,
        Reason.COURSE_COMPLETED,
        Reason.CERTIFIED,
        Reason.POLICY_ACKNOWLEDGED,
    }
)


ALL_TIME_START = date(2000, 1, 1)


class LedgerQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TypeError("The points ledger is append-only: record a correction instead.")

    def delete(self):
        raise TypeError("The points ledger is append-only: record a correction instead.")


class LedgerEntry(models.Model):
    """One award of points. Never updated or deleted: corrections are new rows."""

    # A record of what someone did, not editor content: Wagtail's usage index skips it.
    wagtail_reference_index_ignore = True

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="ledger_entries"
    )
    points = models.IntegerField()
    reason = models.CharField(max_length=30, choices=Reason.choices)
    # What the points came from, e.g. ("courses.lessoncompletion", "42").
    source_type = models.CharField(max_length=60, blank=True)
    source_id = models.CharField(max_length=60, blank=True)
    key = models.CharField(max_length=200, unique=True, help_text="Idempotency key.")
    note = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    objects = LedgerQuerySet.as_manager()

    class Meta:
        verbose_name = "points ledger entry"
        verbose_name_plural = "points ledger"
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "created_at"])]

    def __str__(self) -> str:
        return f"{self.points:+d} {self.get_reason_display()} → {self.user}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise TypeError("The points ledger is append-only: record a correction instead.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("The points ledger is append-only: record a correction instead.")


class ScoreTotal(models.Model):
    """Stored sum of a person's ledger rows in one period, kept in step by points_award.

    Rank and board queries read these (indexed) instead of summing the ledger.
    """

    # A record of what someone did, not editor content: Wagtail's usage index skips it.
    wagtail_reference_index_ignore = True

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="score_totals"
    )
    period = models.CharField(max_length=10, choices=Period.choices)
    period_start = models.DateField()
    points = models.IntegerField(default=0)
    # Mirrors the person's leaderboard consent so board and rank queries stay on one
    # index; kept in step by leaderboard_visibility_set (and checked by reconcile).
    visible = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "period", "period_start"], name="score_total_unique"
            )
        ]
        # Only opted-in totals, in board order: (period, period_start) pins one board, then
        # points and user give a total order, so top, rank and near-me are index scans.
        indexes = [
            models.Index(
                fields=["period", "period_start", "-points", "user"],
                name="score_total_visible_board",
                condition=models.Q(visible=True),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.period} {self.period_start}: {self.points}"


class ShareCredit(models.TextChoices):
    FIRST_READER = "first_reader", "When its tracked link gets its first credited click"
    CONFIRM = "confirm", "When the advocate confirms the share"


@register_setting(icon="pick")
class PointsSettings(CachedSetting, BaseGenericSetting):
    """Points for advocacy. A change applies from then on; the ledger is never rewritten.

    Learning (lessons, courses, certification, the policy) earns no points: it earns badges
    and shows in training progress. The board ranks voluntary sharing and its readers.
    """

    share = models.PositiveSmallIntegerField(default=10, help_text="Per share within the cap.")
    share_credit = models.CharField(
        "a share's points arrive",
        max_length=20,
        choices=ShareCredit.choices,
        default=ShareCredit.FIRST_READER,
        help_text="On evidence (the default): once a real reader opens the tracked link. "
        "Or as soon as the advocate confirms, before anything is posted.",
    )
    first_reader_days = models.PositiveSmallIntegerField(
        "days to find a first reader",
        default=14,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text="A share whose link gets no credited click within this many days earns "
        "no share points (its clicks still earn theirs).",
    )
    click = models.PositiveSmallIntegerField(default=1, help_text="Per credited click.")
    click_cap_per_share = models.PositiveSmallIntegerField(
        default=25, help_text="Credited clicks on one share that earn points."
    )
    suggestion_accepted = models.PositiveSmallIntegerField(default=15)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("share"),
                FieldPanel("share_credit"),
                FieldPanel("first_reader_days"),
            ],
            heading="Shares",
        ),
        MultiFieldPanel(
            [
                FieldPanel("click"),
                FieldPanel("click_cap_per_share"),
                FieldPanel("suggestion_accepted"),
            ],
            heading="Clicks and suggestions",
        ),
    ]

    class Meta:
        verbose_name = "points"

    CACHE_KEY = "leaderboard:points-settings:1"

    @property
    def credits_on_first_reader(self) -> bool:
        return self.share_credit == ShareCredit.FIRST_READER

    def points_for(self, reason: str) -> int:
        if reason == Reason.CORRECTION:
            raise ValueError("A correction states its own points.")
        if reason in LEARNING_REASONS:
            return 0
        return {
            Reason.SHARE: self.share,
            Reason.CLICK: self.click,
            Reason.SUGGESTION_ACCEPTED: self.suggestion_accepted,
        }[reason]
