"""Campaigns: posts that belong together and, optionally, a goal people reach together."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel


class GoalKind(models.TextChoices):
    CLICKS = "clicks", "Credited clicks"
    SHARES = "shares", "Shares"
    PEOPLE = "people", "People taking part"


# The points of a goal at which everyone who took part is thanked; 100 also awards the badge.
MILESTONES = (25, 50, 100)
# A milestone row at 0 records that the campaign's start was announced (once, like the rest).
STARTED = 0


class Campaign(models.Model):
    """A group of posts that belong together; its slug becomes utm_campaign. With a target
    it is also a goal over dates, counted on its posts and shown as a live progress bar."""

    name = models.CharField(max_length=120)
    slug = models.SlugField(
        max_length=80, unique=True, help_text="Used as utm_campaign and in the campaign's address."
    )
    description = models.TextField(
        max_length=1000,
        blank=True,
        help_text="Optional: what the campaign is for, in a sentence or two.",
    )
    goal_kind = models.CharField(
        "what counts",
        max_length=10,
        choices=GoalKind.choices,
        default=GoalKind.CLICKS,
        help_text="Counted on this campaign's posts between the start and end dates.",
    )
    # An IntegerField, not a positive one: the form's own "≥ 0" message would replace ours.
    target = models.IntegerField(
        null=True,
        blank=True,
        help_text="The goal, e.g. 250. Leave empty for a campaign that only groups posts.",
    )
    starts_on = models.DateField(default=timezone.localdate)
    ends_on = models.DateField(null=True, blank=True, help_text="The last day that counts.")
    badge = models.ForeignKey(
        "leaderboard.Badge",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"criterion": "campaign"},
        help_text="Given to everyone who took part when the goal is reached. Leave empty and "
        "one named after the campaign is made then.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("goal_kind"), FieldPanel("target")]),
                FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
                FieldPanel("badge"),
            ],
            heading="Goal",
        ),
    ]

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(target__isnull=True) | models.Q(target__gte=1),
                name="campaign_target_positive",
            ),
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="campaign_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        super().clean()
        errors = {}
        if self.target is not None and self.target <= 0:
            errors["target"] = "The target must be at least 1 (or leave it empty for no goal)."
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            errors["ends_on"] = (
                f"The campaign cannot end before it starts ({self.starts_on:%-d %B %Y})."
            )
        elif self.target is not None and self.ends_on is None:
            errors["ends_on"] = "A goal needs an end date: say by when it should be reached."
        if errors:
            raise ValidationError(errors)

    @property
    def goal_label(self) -> str:
        if self.target is None:
            return "No goal"
        return f"{self.target} {self.get_goal_kind_display().lower()}"

    @property
    def has_goal(self) -> bool:
        return self.target is not None

    def is_running(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.starts_on <= today and (self.ends_on is None or today <= self.ends_on)


class CampaignMilestone(models.Model):
    """A milestone a campaign reached (or, at 0, its announced start): recorded once, so
    everyone is thanked once however many actions cross it at the same moment."""

    wagtail_reference_index_ignore = True

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="milestones")
    percent = models.PositiveSmallIntegerField()
    reached_at = models.DateTimeField(default=timezone.now)
    total = models.PositiveIntegerField(default=0, help_text="The count when it was reached.")

    class Meta:
        ordering = ["campaign", "percent"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "percent"], name="campaign_milestone_once")
        ]

    def __str__(self) -> str:
        return f"{self.campaign}: {self.percent}%"


class CampaignPerson(models.Model):
    """What one person did for a campaign within its dates: their shares of its posts and
    the credited clicks those shares received, as local days between its start and end.

    Kept in step inside the transaction of each share and credited click (sharing.services
    .tallies), so a campaign's progress is read from one row per participant instead of
    being counted over every click (a company-wide campaign with 2M clicks took 20 s a
    count). Recounted from the shares and clicks when the campaign's dates or posts change.
    """

    wagtail_reference_index_ignore = True

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="people")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    shares = models.PositiveIntegerField(default=0)
    clicks = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["campaign", "user"], name="campaign_person_once")
        ]

    def __str__(self) -> str:
        return f"{self.campaign}: {self.user_id}"
