"""Writes for policies: recording a new version when it goes live, acknowledging one."""

from enum import StrEnum

from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.models import Revision

from leaderboard.models import Reason
from leaderboard.services import points_award
from notifications.services import notification_send, notifications_resolve
from people.models import User
from policies.models import Acknowledgement, AcknowledgementRenewal, PolicyPage, PolicyVersion
from policies.notices import POLICY_VERSION
from policies.selectors import PENDING_MEMO, policies_cache_clear, policy_page_state
from portal.request_memo import forget


class AcknowledgementRefusal(StrEnum):
    UNKNOWN = "unknown"
    NOT_REQUIRED = "not_required"
    STALE = "stale"
    BAD_REVISION = "bad_revision"


class AcknowledgementError(Exception):
    """An acknowledgement that cannot be recorded; `message` says why, in plain words."""

    def __init__(self, message: str, *, code: AcknowledgementRefusal):
        super().__init__(message)
        self.message = message
        self.code = code


def policy_version_record(*, policy_id: int, revision: Revision) -> PolicyVersion | None:
    """Called when a revision of a policy is published (also by workflow and scheduling).

    If the revision actually went live: its first publication is version 1; a revision
    marked as a material change starts version N+1; anything else keeps the version.
    Publishing the same revision again changes nothing. Returns the new version, if any.
    """
    with transaction.atomic():
        page = PolicyPage.objects.select_for_update().get(pk=policy_id)
        transaction.on_commit(policies_cache_clear)
        policies_cache_clear()
        if not page.live or page.live_revision_id != revision.pk:
            return None  # scheduled for later: the version changes when it goes live
        latest = page.versions.order_by("-number").first()
        if latest is None:
            number = 1
        elif latest.revision_id >= revision.pk:
            return None
        elif revision.content.get("material_change"):
            number = latest.number + 1
        else:
            return None
        version = PolicyVersion.objects.create(
            policy=page,
            number=number,
            revision_id=revision.pk,
            started_at=timezone.now(),
            effective_date=page.effective_date,
            what_changed=page.what_changed,
        )
        PolicyPage.objects.filter(pk=page.pk).update(version=number)
        if number > 1 and page.acknowledgement_required:
            transaction.on_commit(lambda: policy_version_notify(policy_id=page.pk))
    return version


def policy_notice_subject(policy_id: int) -> str:
    """The subject of the notices asking to acknowledge a policy: acknowledging its current
    version resolves them (notifications.services.notifications_resolve)."""
    return f"policy:{policy_id}"


def policy_version_notify(*, policy_id: int) -> int:
    """Tell every active employee that a new version needs their acknowledgement.

    Runs after the publication commits, in one transaction of its own; one notification per
    person and version (a retry sends nothing twice). Returns how many were created or found.
    """
    page = PolicyPage.objects.get(pk=policy_id)
    url = page.get_url() or page.url_path
    title = f"{page.title}: version {page.version} needs your acknowledgement"
    body = page.what_changed or "The policy changed in substance. Please read it again."
    sent = 0
    # Whoever acknowledged this version already (before this ran) has nothing to be asked.
    done = Acknowledgement.objects.filter(policy=page, version=page.version).values("user_id")
    with transaction.atomic():
        for user in User.objects.filter(is_active=True).exclude(pk__in=done).order_by("pk"):
            notification = notification_send(
                user=user,
                kind=POLICY_VERSION,
                title=title,
                body=body,
                url=url,
                key=f"policy-version:{page.pk}:{page.version}:{user.pk}",
                subject=policy_notice_subject(page.pk),
            )
            sent += notification is not None
    return sent


def _renewal_record(
    *, user: User, page: PolicyPage, revision_id: int, now
) -> tuple[AcknowledgementRenewal | None, bool]:
    """If the policy asks again every N months and the person's turn came, record the
    renewal (once per due day: a retry returns the first). (None, False) when not due."""
    state = policy_page_state(user=user, policy=page, today=timezone.localdate(now))
    if not state.renewal_due:
        return None, False
    fields = {"user": user, "policy": page, "due_on": state.renewal_due_on}
    renewal = AcknowledgementRenewal(
        **fields, version=page.version, revision_id=revision_id, created_at=now
    )
    try:
        with transaction.atomic():
            renewal.save(force_insert=True)
    except IntegrityError:
        return AcknowledgementRenewal.objects.get(**fields), False
    transaction.on_commit(policies_cache_clear)
    return renewal, True


def _policy_to_acknowledge(
    *, policy_id: int, version: int, revision_id: int | None
) -> tuple[PolicyPage, int | None]:
    """The live policy page to acknowledge, if it asks for one and is still at `version`,
    and the revision the person read (the live one when not given). Raises
    AcknowledgementError."""
    page = PolicyPage.objects.live().filter(pk=policy_id).first()
    if page is None:
        raise AcknowledgementError(
            "That policy does not exist (any more).", code=AcknowledgementRefusal.UNKNOWN
        )
    if not page.acknowledgement_required:
        raise AcknowledgementError(
            f"“{page.title}” does not ask for an acknowledgement.",
            code=AcknowledgementRefusal.NOT_REQUIRED,
        )
    if version != page.version:
        raise AcknowledgementError(
            f"“{page.title}” changed while you were reading it: it is now version "
            f"{page.version}. Please read the current version and acknowledge that.",
            code=AcknowledgementRefusal.STALE,
        )
    if revision_id is None:
        revision_id = page.live_revision_id
    elif not Revision.page_revisions.filter(object_id=str(page.pk), pk=revision_id).exists():
        raise AcknowledgementError(
            "That acknowledgement did not come from this policy's page.",
            code=AcknowledgementRefusal.BAD_REVISION,
        )
    return page, revision_id


def policy_acknowledge(
    *, user: User, policy_id: int, version: int, revision_id: int | None = None, now=None
) -> tuple[Acknowledgement | AcknowledgementRenewal, bool]:
    """Record that `user` read and understood `version` of the policy.

    `version` is the number the person saw; if the policy has moved on since, nothing is
    recorded. A second call for the same version returns the first row (created=False),
    except when the policy asks everyone again every N months and N months have passed
    since they last confirmed it: then it records an AcknowledgementRenewal (once per due
    day). Awards the "policy_acknowledged" points once per acknowledgement, in this
    transaction (a renewal earns none). Raises AcknowledgementError (its code an
    AcknowledgementRefusal).
    """
    now = now or timezone.now()
    page, revision_id = _policy_to_acknowledge(
        policy_id=policy_id, version=version, revision_id=revision_id
    )
    forget((PENDING_MEMO, user.pk))  # the banner later in this request asks again
    with transaction.atomic():
        existing = Acknowledgement.objects.filter(
            user=user, policy=page, version=page.version
        ).first()
        # The person read the current version: whatever asked them to is done.
        notifications_resolve(user=user, subject=policy_notice_subject(page.pk), at=now)
        if existing is not None:
            renewal, created = _renewal_record(
                user=user, page=page, revision_id=revision_id, now=now
            )
            return (renewal, created) if renewal is not None else (existing, False)
        ack = Acknowledgement(
            user=user, policy=page, version=page.version, revision_id=revision_id, created_at=now
        )
        try:
            with transaction.atomic():
                ack.save(force_insert=True)
        except IntegrityError:
            # Another tab or a double click recorded it first; that one stands.
            return Acknowledgement.objects.get(user=user, policy=page, version=page.version), False
        points_award(
            user=user,
            reason=Reason.POLICY_ACKNOWLEDGED,
            key=f"policy-ack:{user.pk}:{page.pk}:{page.version}",
            source=ack,
        )
    return ack, True
