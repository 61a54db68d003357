"""What happens to a policy: the versions it went through and who acknowledged which.

Deleting a policy page never deletes these records: both point at the page with
on_delete=PROTECT, and the admin refuses to delete a policy that has them (it says to
unpublish it instead; see policies.wagtail_hooks). PROTECT rather than SET_NULL with a
title snapshot: an acknowledgement is of one version of one policy, and the report counts
them per policy version, so neither means anything without its page.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils import timezone


class PolicyVersion(models.Model):
    """One material version of a policy, recorded when the revision that started it went live."""

    # A record of what someone did, not editor content: Wagtail's usage index skips it.
    wagtail_reference_index_ignore = True

    # What each acknowledgement's number refers to; the report lists them per version.
    policy = models.ForeignKey(
        "policies.PolicyPage", on_delete=models.PROTECT, related_name="versions"
    )
    number = models.PositiveIntegerField()
    revision_id = models.PositiveIntegerField(
        help_text="The page revision whose publication started this version."
    )
    started_at = models.DateTimeField(default=timezone.now)
    effective_date = models.DateField(null=True, blank=True)
    what_changed = models.TextField(blank=True)

    class Meta:
        ordering = ["policy_id", "number"]
        constraints = [
            models.UniqueConstraint(fields=["policy", "number"], name="policy_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.policy_id} v{self.number}"


class AcknowledgementQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionDenied("Acknowledgements are a record; they are never changed.")

    def delete(self):
        raise PermissionDenied("Acknowledgements are a record; they are never deleted.")


class Acknowledgement(models.Model):
    """A person confirmed they read one version of a policy. Immutable, one per version."""

    # A record of what someone did, not editor content: Wagtail's usage index skips it.
    wagtail_reference_index_ignore = True

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,  # leaves with the person's own data, never otherwise
        related_name="policy_acknowledgements",
    )
    # Who read which version is kept as long as the person's own data is.
    policy = models.ForeignKey(
        "policies.PolicyPage", on_delete=models.PROTECT, related_name="acknowledgements"
    )
    version = models.PositiveIntegerField()
    revision_id = models.PositiveIntegerField(
        help_text="The page revision the person had in front of them."
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = AcknowledgementQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "policy", "version"], name="acknowledgement_once_per_version"
            )
        ]
        indexes = [models.Index(fields=["policy", "version"], name="ack_policy_version")]

    def __str__(self) -> str:
        return f"{self.user_id} acknowledged {self.policy_id} v{self.version}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise PermissionDenied("Acknowledgements are a record; they are never changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionDenied("Acknowledgements are a record; they are never deleted.")


class AcknowledgementRenewal(models.Model):
    """A person confirmed again, because the policy asks every N months, a version they had
    already acknowledged. Immutable. Kept apart from Acknowledgement so that stays one row
    per person and version (the report counts who acknowledged each version)."""

    # A record of what someone did, not editor content: Wagtail's usage index skips it.
    wagtail_reference_index_ignore = True

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,  # leaves with the person's own data, never otherwise
        related_name="policy_renewals",
    )
    policy = models.ForeignKey(
        "policies.PolicyPage", on_delete=models.PROTECT, related_name="renewals"
    )
    version = models.PositiveIntegerField()
    revision_id = models.PositiveIntegerField(
        help_text="The page revision the person had in front of them."
    )
    # The day the renewal became due: one renewal per person and due day, so a double
    # click or a retry records it once.
    due_on = models.DateField()
    created_at = models.DateTimeField(default=timezone.now)

    objects = AcknowledgementQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "policy", "due_on"], name="acknowledgement_renewal_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} acknowledged {self.policy_id} v{self.version} again"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise PermissionDenied("Acknowledgements are a record; they are never changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionDenied("Acknowledgements are a record; they are never deleted.")
