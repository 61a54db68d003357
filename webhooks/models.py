"""Team chat channels HR configures, and one delivery record per message sent to one.

A delivery is keyed by (channel, event key): the same event (a post going live, a
campaign milestone, a week's summary) reaches a channel once however often it is
announced. Its payload is built when it is queued, so every attempt sends the same
message and the admin shows exactly what went out, with the platform's answer.
"""

from urllib.parse import urlsplit

from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from webhooks.validators import webhook_url_validate


class Kind(models.TextChoices):
    SLACK = "slack", "Slack (incoming webhook)"
    TEAMS = "teams", "Microsoft Teams (workflow webhook)"


class Event(models.TextChoices):
    PRIORITY_POST = "priority_post", "Priority post went live"
    CAMPAIGN_STARTED = "campaign_started", "Campaign started"
    CAMPAIGN_MILESTONE = "campaign_milestone", "Campaign milestone"
    WEEKLY_SUMMARY = "weekly_summary", "Weekly summary"
    TEST = "test", "Test message"


class Destination(models.Model):
    """A Slack or Teams channel, reached through the webhook address its platform gave."""

    name = models.CharField(
        max_length=80, help_text="For you, e.g. “#advocacy on Slack”. Not shown in the channel."
    )
    kind = models.CharField("platform", max_length=10, choices=Kind.choices)
    url = models.URLField(
        "webhook address",
        max_length=2000,
        validators=[webhook_url_validate],
        help_text="Slack: Apps › Incoming Webhooks › “Add New Webhook”. Teams: the channel's "
        "Workflows › “Post to a channel when a webhook request is received”. Anyone with this "
        "address can post to the channel: keep it to this form.",
    )
    priority_posts = models.BooleanField(
        "priority posts", default=True, help_text="When a priority post goes live."
    )
    campaigns = models.BooleanField(
        "campaigns",
        default=True,
        help_text="When a campaign with a goal starts, and at 25, 50 and 100% of its goal.",
    )
    weekly_summary = models.BooleanField(
        "weekly summary",
        default=False,
        help_text="New posts and campaign progress, once a week. Never anyone's own figures.",
    )
    active = models.BooleanField(default=True, help_text="Switch off to stop all messages.")
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("url"),
        MultiFieldPanel(
            [
                FieldPanel("priority_posts"),
                FieldPanel("campaigns"),
                FieldPanel("weekly_summary"),
            ],
            heading="What it receives",
        ),
        FieldPanel("active"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = "team chat channel"

    def __str__(self) -> str:
        return self.name

    @property
    def host(self) -> str:
        """Where it posts, without the secret part of the address."""
        return urlsplit(self.url).hostname or ""

    def receives(self, event: str) -> bool:
        return {
            Event.PRIORITY_POST: self.priority_posts,
            Event.CAMPAIGN_STARTED: self.campaigns,
            Event.CAMPAIGN_MILESTONE: self.campaigns,
            Event.WEEKLY_SUMMARY: self.weekly_summary,
            Event.TEST: True,
        }[event]


class Status(models.TextChoices):
    PENDING = "pending", "Waiting"
    RETRYING = "retrying", "Failed, will retry"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed"


class Delivery(models.Model):
    """One message to one channel, with its attempts and the platform's last answer."""

    wagtail_reference_index_ignore = True

    destination = models.ForeignKey(
        Destination, on_delete=models.CASCADE, related_name="deliveries", verbose_name="channel"
    )
    event = models.CharField(max_length=30, choices=Event.choices)
    event_key = models.CharField(max_length=120)
    summary = models.CharField(max_length=200, help_text="What the message is about.")
    payload = models.JSONField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_status_code = models.PositiveSmallIntegerField("last answer", null=True, blank=True)
    last_response = models.TextField("last response", blank=True)
    last_error = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True, db_index=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "team chat delivery"
        verbose_name_plural = "team chat deliveries"
        constraints = [
            models.UniqueConstraint(
                fields=["destination", "event_key"], name="webhook_delivery_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.summary} → {self.destination}"

    @property
    def outcome(self) -> str:
        """The last attempt's result in a few words, for the listing."""
        if self.last_error:
            return self.last_error
        if self.last_status_code:
            excerpt = " ".join(self.last_response.split())[:80]
            return f"HTTP {self.last_status_code}" + (f": {excerpt}" if excerpt else "")
        return "Not tried yet" if not self.attempts else ""
