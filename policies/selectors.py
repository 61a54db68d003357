"""Reads for policies: current versions (cached), who still has to acknowledge what, and
which records keep a policy page from being deleted."""

import dataclasses
from dataclasses import dataclass
from datetime import date

from django.core.cache import cache
from django.db.models import Max, Q
from django.utils import timezone
from wagtail.models import Page

from people.models import User
from policies.models import Acknowledgement, AcknowledgementRenewal, PolicyPage, PolicyVersion
from portal.periods import months_after
from portal.request_memo import memoised

# Bumped when CurrentPolicy changes shape: an old cached list would lack the new fields.
CURRENT_VERSIONS_CACHE_KEY = "policies:current-versions:2"
CURRENT_VERSIONS_TTL = 60 * 60
# The request memo's key for policies_pending (portal.request_memo).
PENDING_MEMO = "policies_pending"


@dataclass(frozen=True)
class CurrentPolicy:
    """A live policy and its current version, as cached for every-page checks."""

    policy_id: int
    title: str
    url: str
    version: int
    revision_id: int
    required: bool
    reacknowledge_months: int | None = None  # ask again this long after the last one
    renewal_due: bool = False  # in policies_pending: acknowledged, but asked again


def renewal_due_on(*, last_confirmed_on: date, months: int | None) -> date | None:
    """When someone who last confirmed a policy on `last_confirmed_on` is asked again."""
    return months_after(last_confirmed_on, months) if months else None


def policies_current() -> list[CurrentPolicy]:
    """Every live policy with its current version, ordered by title.

    Cached (no query on a hit); `policies_cache_clear()` runs whenever a policy is
    published, unpublished, moved or deleted.
    """
    current = cache.get(CURRENT_VERSIONS_CACHE_KEY)
    if current is None:
        current = [
            CurrentPolicy(
                policy_id=page.pk,
                title=page.title,
                url=page.get_url() or page.url_path,
                version=page.version,
                revision_id=page.live_revision_id or 0,
                required=page.acknowledgement_required,
                reacknowledge_months=page.reacknowledge_months,
            )
            for page in PolicyPage.objects.live().order_by("title")
        ]
        cache.set(CURRENT_VERSIONS_CACHE_KEY, current, CURRENT_VERSIONS_TTL)
    return current


def policies_cache_clear() -> None:
    cache.delete(CURRENT_VERSIONS_CACHE_KEY)


def _last_confirmed(*, user: User, policies: list[CurrentPolicy]) -> dict[int, date]:
    """When `user` last confirmed the current version of each policy (acknowledged it or
    acknowledged it again), by policy id. One query, two when a policy asks again."""
    pairs = Q()
    for policy in policies:
        pairs |= Q(policy_id=policy.policy_id, version=policy.version)
    last: dict[int, date] = {}
    sources = [Acknowledgement.objects]
    if any(p.reacknowledge_months for p in policies):
        sources.append(AcknowledgementRenewal.objects)
    for source in sources:
        rows = source.filter(pairs, user=user).values("policy_id").annotate(at=Max("created_at"))
        for row in rows.order_by():
            day = timezone.localdate(row["at"])
            last[row["policy_id"]] = max(day, last.get(row["policy_id"], day))
    return last


def policies_pending(*, user: User, today: date | None = None) -> list[CurrentPolicy]:
    """Required live policies `user` must (again) acknowledge: the current version is not
    acknowledged, or the policy asks again every N months and N months have passed since
    they last confirmed it (those are returned with `renewal_due` set).

    At most one query (two when a policy asks again; none when no policy requires
    acknowledgement and the cache is warm). Once per request: the banner on every page
    and the dashboard's step or the sharing gate ask the same; `policy_acknowledge`
    forgets the answer.
    """
    required = [p for p in policies_current() if p.required and p.version]
    if not required:
        return []
    today = today or timezone.localdate()
    key = (PENDING_MEMO, user.pk, today, tuple(required))
    return list(memoised(key, lambda: _pending(user=user, required=required, today=today)))


def _pending(*, user: User, required: list[CurrentPolicy], today: date) -> list[CurrentPolicy]:
    last = _last_confirmed(user=user, policies=required)
    pending = []
    for policy in required:
        confirmed = last.get(policy.policy_id)
        if confirmed is None:
            pending.append(policy)
            continue
        due = renewal_due_on(last_confirmed_on=confirmed, months=policy.reacknowledge_months)
        if due is not None and due <= today:
            pending.append(dataclasses.replace(policy, renewal_due=True))
    return pending


@dataclass(frozen=True)
class PolicyPageState:
    """What the policy page shows one person about their acknowledgement."""

    version: int
    current: Acknowledgement | None  # their acknowledgement of the live version
    earlier: Acknowledgement | None  # their newest acknowledgement of an earlier version
    required: bool
    last_confirmed_at: object = None  # datetime: the acknowledgement or its latest renewal
    renewal_due_on: date | None = None  # when the policy asks them to confirm it again
    today: date | None = None

    @property
    def renewal_due(self) -> bool:
        """They acknowledged this version, but the policy asks again and that day came."""
        return bool(
            self.required
            and self.current is not None
            and self.renewal_due_on
            and self.today
            and self.renewal_due_on <= self.today
        )

    @property
    def pending(self) -> bool:
        return self.required and self.version > 0 and (self.current is None or self.renewal_due)

    @property
    def what_changed_first(self) -> bool:
        """After a material change, someone who acknowledged before reads the summary first."""
        return self.pending and self.current is None and self.version > 1


def policy_page_state(
    *, user: User, policy: PolicyPage, today: date | None = None
) -> PolicyPageState:
    """The person's acknowledgement of `policy`: of the live version, of an earlier one,
    and (for a policy that asks again every N months) when they are asked again."""
    acks = list(
        Acknowledgement.objects.filter(user=user, policy=policy, version__lte=policy.version)
        .order_by("-version")
        .only("version", "created_at", "revision_id")[:2]
    )
    current = next((a for a in acks if a.version == policy.version), None)
    earlier = next((a for a in acks if a.version < policy.version), None)
    last_at, due_on = None, None
    if current is not None:
        last_at = current.created_at
        if policy.reacknowledge_months:
            renewal = (
                AcknowledgementRenewal.objects.filter(
                    user=user, policy=policy, version=policy.version
                )
                .order_by("-created_at")
                .first()
            )
            if renewal is not None and renewal.created_at > last_at:
                last_at = renewal.created_at
        due_on = renewal_due_on(
            last_confirmed_on=timezone.localdate(last_at), months=policy.reacknowledge_months
        )
    return PolicyPageState(
        version=policy.version,
        current=current,
        earlier=earlier,
        required=policy.acknowledgement_required,
        last_confirmed_at=last_at,
        renewal_due_on=due_on,
        today=today or timezone.localdate(),
    )


def acknowledgement_list(*, user: User) -> list[dict]:
    """Everything `user` acknowledged, newest first (for their personal data export);
    `again` marks a renewal asked for by a policy that asks every N months."""
    rows = [
        {
            "policy": ack.policy.title,
            "version": ack.version,
            "revision": ack.revision_id,
            "at": ack.created_at.isoformat(),
            "again": again,
        }
        for again, source in ((False, Acknowledgement), (True, AcknowledgementRenewal))
        for ack in source.objects.filter(user=user).select_related("policy")
    ]
    return sorted(rows, key=lambda row: row["at"], reverse=True)


@dataclass(frozen=True)
class PolicyRecords:
    """What people's records hold on to below a page: the admin keeps such pages."""

    people: int  # who acknowledged a version of one of the policies
    versions: int

    def __bool__(self) -> bool:
        return bool(self.people or self.versions)


def policy_records_under(*, page: Page) -> PolicyRecords:
    """Acknowledgements (counted by person) and versions of `page`, if it is a policy, and
    of the policies below it. Two queries."""
    subtree = Page.objects.descendant_of(page, inclusive=True).values("pk")
    acknowledged = Acknowledgement.objects.filter(policy__in=subtree)
    return PolicyRecords(
        people=acknowledged.values("user_id").distinct().count(),
        versions=PolicyVersion.objects.filter(policy__in=subtree).count(),
    )
