"""Portal's models: the audit trail and the retention settings.

The audit trail's table: Wagtail's own log-entry model (BaseLogEntry), kept apart from
Wagtail's ModelLogEntry so that only people allowed to audit can read it.

Wagtail shows a ModelLogEntry to anyone holding any permission on the logged object's
model, so a plain `log()` of "HR erased Jo" would reach every editor who may edit people.
This subclass has Wagtail's fields, formatters, filters and Site history integration, but
`viewable_by_user` answers only for holders of `portal.view_auditlogentry` (superusers
included), and rows are never changed or deleted (see portal/audit.py).
"""

from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.models.audit_log import BaseLogEntry, BaseLogEntryManager, LogEntryQuerySet

AUDIT_VIEW_PERMISSION = "portal.view_auditlogentry"


class AuditLogEntryQuerySet(LogEntryQuerySet):
    def with_instances(self):
        # An entry about no single row (a report export) has no instance to look up.
        entries = list(self)
        single = [e.pk for e in entries if e.object_id]
        instances = dict(super(AuditLogEntryQuerySet, self.filter(pk__in=single)).with_instances())
        for entry in entries:
            yield entry, instances.get(entry) if entry.object_id else None


class AuditLogEntryManager(BaseLogEntryManager):
    def get_queryset(self):
        return AuditLogEntryQuerySet(self.model, using=self._db)

    def viewable_by_user(self, user):
        if user.is_active and user.has_perm(AUDIT_VIEW_PERMISSION):
            return self.all()
        return self.none()

    def for_instance(self, instance):
        return self.filter(
            content_type=ContentType.objects.get_for_model(instance, for_concrete_model=False),
            object_id=str(instance.pk),
        )


class AuditLogEntry(BaseLogEntry):
    """One thing an editor, HR or the system did that affects people. Append-only."""

    # Empty when the action concerns no single row (a report export names its report).
    object_id = models.CharField(max_length=255, blank=True, db_index=True)

    objects = AuditLogEntryManager()

    class Meta(BaseLogEntry.Meta):
        ordering = ["-timestamp", "-id"]
        verbose_name = "audit trail entry"
        verbose_name_plural = "audit trail"
        default_permissions = ("view",)

    def __str__(self) -> str:
        return f"{self.action} on {self.label} at {self.timestamp:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        if self.pk is not None and not kwargs.get("force_insert"):
            raise ValueError("The audit trail is append-only; record a new entry instead.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("The audit trail is append-only; entries are never deleted.")


@register_setting(icon="time")
class RetentionSettings(BaseGenericSetting):
    """How long Chorus keeps what expires. `manage.py retention_apply` (daily) deletes or
    anonymises what is older; "What Chorus records about me" states these periods."""

    raw_clicks_days = models.PositiveSmallIntegerField(
        "raw clicks (days)",
        default=90,
        validators=[MinValueValidator(1), MaxValueValidator(3650)],
        help_text="Clicks that were not credited (bots, link previews, repeats) are deleted "
        "after this; credited clicks stay only as counts, with nothing about the visitor.",
    )
    visitor_hashes_days = models.PositiveSmallIntegerField(
        "visitor hashes (days)",
        default=7,
        validators=[MinValueValidator(2), MaxValueValidator(3650)],
        help_text="The daily visitor hash on each click is erased after this. At least 2 "
        "days: repeats within 24 hours are recognised by it.",
    )
    read_notifications_days = models.PositiveSmallIntegerField(
        "read notifications (days)",
        default=90,
        validators=[MinValueValidator(1), MaxValueValidator(3650)],
        help_text="Notifications a person has read are deleted this long after reading.",
    )
    erasure_months = models.PositiveSmallIntegerField(
        "erase leavers after (months)",
        default=12,
        validators=[MaxValueValidator(120)],
        help_text="A person's personal data is erased this long after their leaving date. "
        "0 erases it at the next daily run after they are deactivated.",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("raw_clicks_days"), FieldPanel("visitor_hashes_days")],
            heading="Tracked links",
        ),
        FieldPanel("read_notifications_days"),
        FieldPanel("erasure_months"),
    ]

    class Meta:
        verbose_name = "retention"
