"""The audit trail: what editors, HR and the system did that affects people.

Built on Wagtail's log actions (wagtail.log_actions): each action below is registered
with the `register_log_actions` hook (portal/wagtail_hooks.py), so the admin's Site
history and the "Audit trail" report list, filter and export the entries with Wagtail's
own views. The entries live in `portal.models.AuditLogEntry`, which only holders of
`portal.view_auditlogentry` can read.

    from portal.audit import PERSON_DEACTIVATE, audit_record

    audit_record(actor=request.user, action=PERSON_DEACTIVATE, instance=person,
                 data={"reason": "left the company"})

Call it inside the action's transaction: the entry commits with the action or not at all.
Never put a person's name or email in `data`; name them through `instance` (the label is
replaced by a pseudonym when the person is erased, see `audit_pseudonymise`).
"""

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from wagtail.models import ModelLogEntry, PageLogEntry

from portal.models import AuditLogEntry

PREFIX = "chorus."
POST_RETRACT = "chorus.post.retract"
POINTS_CORRECT = "chorus.points.correct"
BADGE_AWARD = "chorus.badge.award"
BADGE_REVOKE = "chorus.badge.revoke"
SETTINGS_CHANGE = "chorus.settings.change"
ONBOARDING_RULE_CHANGE = "chorus.onboarding.change"
PERSON_DEACTIVATE = "chorus.person.deactivate"
PERSON_REACTIVATE = "chorus.person.reactivate"
PERSON_ERASE = "chorus.person.erase"
REPORT_EXPORT = "chorus.report.export"
RETENTION_APPLY = "chorus.retention.apply"

# action → (label for filters, message in the history lists)
ACTIONS: dict[str, tuple[str, str]] = {
    POST_RETRACT: ("Retract post", "Retracted the post and asked its sharers to remove it"),
    POINTS_CORRECT: ("Correct points", "Corrected points"),
    BADGE_AWARD: ("Award badge", "Awarded a badge"),
    BADGE_REVOKE: ("Revoke badge", "Revoked a badge"),
    SETTINGS_CHANGE: ("Change programme settings", "Changed programme settings"),
    ONBOARDING_RULE_CHANGE: ("Change onboarding rule", "Changed an onboarding rule"),
    PERSON_DEACTIVATE: ("Deactivate person", "Deactivated the account"),
    PERSON_REACTIVATE: ("Reactivate person", "Reactivated the account"),
    PERSON_ERASE: ("Erase person", "Erased the person's personal data"),
    REPORT_EXPORT: ("Export report", "Exported a report"),
    RETENTION_APPLY: ("Apply retention", "Deleted records past their retention period"),
}


def audit_record(
    *,
    actor,
    action: str,
    instance: models.Model | type[models.Model],
    data: dict[str, Any] | None = None,
    label: str = "",
) -> AuditLogEntry:
    """Append one entry: `actor` (a user, or None for the system) did `action` to
    `instance`. `instance` may be a model class when the action concerns no single row
    (a report export); `label` then names it. `data` must be JSON-serialisable.

    Raises ValueError for an action not in ACTIONS (a typo must not vanish silently).
    """
    if action not in ACTIONS:
        raise ValueError(f"Unknown audit action {action!r}; add it to portal.audit.ACTIONS.")
    if isinstance(instance, type):
        content_type = ContentType.objects.get_for_model(instance, for_concrete_model=False)
        object_id = ""
        label = label or str(instance._meta.verbose_name)
    else:
        if instance.pk is None:
            raise ValueError("Only a saved object can be audited.")
        content_type = ContentType.objects.get_for_model(instance, for_concrete_model=False)
        object_id = str(instance.pk)
        label = label or str(instance) or f"{type(instance).__name__} {instance.pk}"
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    # Wagtail's log_action() wants a saved instance; an export concerns no single row.
    return AuditLogEntry.objects.create(
        content_type=content_type,
        object_id=object_id,
        label=label[:255],
        action=action,
        timestamp=timezone.now(),
        user=actor,
        data=data or {},
    )


def audit_pseudonymise(*, instance: models.Model, label: str, names: list[str]) -> int:
    """Name an erased person nowhere in the admin's histories: every entry about `instance`
    (Wagtail's own log entries and the audit trail) is relabelled `label`, and any other
    entry whose label quotes one of `names` (an award "Badge → Jo Bloggs") has it replaced.
    The one change the append-only trail allows. Returns how many entries changed."""
    content_type = ContentType.objects.get_for_model(instance, for_concrete_model=False)
    changed = 0
    for model in (AuditLogEntry, ModelLogEntry):
        changed += model.objects.filter(
            content_type=content_type, object_id=str(instance.pk)
        ).update(label=label)
    for model in (AuditLogEntry, ModelLogEntry, PageLogEntry):
        for name in names:
            for entry in model.objects.filter(label__contains=name).only("pk", "label"):
                model.objects.filter(pk=entry.pk).update(label=entry.label.replace(name, label))
                changed += 1
    return changed


def audit_for_actor(*, user) -> list[dict[str, Any]]:
    """The entries `user` made, for their personal data export. Entries about other people
    keep only their type and id: someone's export never names anyone else."""
    user_type = ContentType.objects.get_for_model(get_user_model())
    return [
        {
            "action": entry.action,
            "at": entry.timestamp.isoformat(),
            "object_type": entry.content_type.model if entry.content_type else None,
            "object_id": entry.object_id,
            "object": None if entry.content_type_id == user_type.pk else entry.label,
            "data": entry.data,
        }
        for entry in AuditLogEntry.objects.filter(user=user)
        .select_related("content_type")
        .order_by("timestamp", "id")
    ]


def field_values(instance: models.Model) -> dict[str, Any]:
    """The instance's concrete field values as JSON-friendly text, to compare before and
    after an edit."""
    return {
        field.name: str(field.value_from_object(instance))
        for field in instance._meta.concrete_fields
        if not field.primary_key
    }


def settings_change_record(*, actor, instance: models.Model, before: dict[str, Any]) -> None:
    """Record a programme settings edit: each changed field's old and new value. Nothing is
    recorded when a save changed nothing."""
    after = field_values(instance)
    changed = {
        name: [before.get(name), value]
        for name, value in after.items()
        if before.get(name) != value
    }
    if changed:
        audit_record(
            actor=actor,
            action=SETTINGS_CHANGE,
            instance=instance,
            label=str(instance._meta.verbose_name).capitalize() + " settings",
            data={"setting": instance._meta.label, "changed": changed},
        )
