"""Data that expires: every app's RETENTION_RULES applied at once (`manage.py
retention_apply`, run daily from cron). The periods are programme settings
(portal.models.RetentionSettings); each app decides what "past its period" means for its
own records and keeps what reports add up (see each app's retention.py)."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from portal.audit import RETENTION_APPLY, audit_record
from portal.extensions import RetentionRule, retention_rules
from portal.models import RetentionSettings


@dataclass(frozen=True)
class RetentionResult:
    rule: RetentionRule
    count: int


def retention_settings() -> RetentionSettings:
    """The programme's retention periods (the defaults until an admin changes them)."""
    return RetentionSettings.load()


def cutoff(*, now: datetime, days: int) -> datetime:
    """The moment before which a record kept for `days` is past its period."""
    return now - timedelta(days=days)


def retention_apply(*, now: datetime | None = None, dry_run: bool = False) -> list[RetentionResult]:
    """Run every retention rule at `now` (default: now), each in its own transaction, and
    record in the audit trail what was removed. With `dry_run`, only count: nothing
    changes and nothing is recorded. Idempotent: a second run at once removes nothing."""
    now = now or timezone.now()
    results = []
    for rule in retention_rules():
        with transaction.atomic():
            count = rule.prune(now=now, dry_run=dry_run)
        results.append(RetentionResult(rule, count))
    removed = {result.rule.key: result.count for result in results if result.count}
    if removed and not dry_run:
        audit_record(
            actor=None,
            action=RETENTION_APPLY,
            instance=RetentionSettings,
            label="Retention",
            data={"removed": removed, "at": now.isoformat()},
        )
    return results
