from datetime import date

from django.conf import settings
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


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
    WEEK = "week", "This week"
    MONTH = "month", "This month"
    ALL = "all", "All time"


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


@register_setting(icon="pick")
class PointsSettings(BaseGenericSetting):
    """Points per reason. A change applies from then on; the ledger is never rewritten."""

    lesson_completed = models.PositiveSmallIntegerField(default=5)
    course_completed = models.PositiveSmallIntegerField(default=20)
    certified = models.PositiveSmallIntegerField(default=50)
    policy_acknowledged = models.PositiveSmallIntegerField(default=10)
    share = models.PositiveSmallIntegerField(default=10, help_text="Per share within the cap.")
    click = models.PositiveSmallIntegerField(default=1, help_text="Per credited click.")
    click_cap_per_share = models.PositiveSmallIntegerField(
        default=25, help_text="Credited clicks on one share that earn points."
    )
    suggestion_accepted = models.PositiveSmallIntegerField(default=15)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("lesson_completed"),
                FieldPanel("course_completed"),
                FieldPanel("certified"),
                FieldPanel("policy_acknowledged"),
            ],
            heading="Learning",
        ),
        MultiFieldPanel(
            [
                FieldPanel("share"),
                FieldPanel("click"),
                FieldPanel("click_cap_per_share"),
                FieldPanel("suggestion_accepted"),
            ],
            heading="Advocacy",
        ),
    ]

    class Meta:
        verbose_name = "points"

    def points_for(self, reason: str) -> int:
        if reason == Reason.CORRECTION:
            raise ValueError("A correction states its own points.")
        return {
            Reason.LESSON_COMPLETED: self.lesson_completed,
            Reason.COURSE_COMPLETED: self.course_completed,
            Reason.CERTIFIED: self.certified,
            Reason.POLICY_ACKNOWLEDGED: self.policy_acknowledged,
            Reason.SHARE: self.share,
            Reason.CLICK: self.click,
            Reason.SUGGESTION_ACCEPTED: self.suggestion_accepted,
        }[reason]
