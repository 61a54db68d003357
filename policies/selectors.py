"""Reads for policies: current versions (cached), who still has to acknowledge what, and
which records keep a policy page from being deleted."""

from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Q
from wagtail.models import Page

from people.models import User
from policies.models import Acknowledgement, PolicyPage, PolicyVersion

CURRENT_VERSIONS_CACHE_KEY = "policies:current-versions:1"
CURRENT_VERSIONS_TTL = 60 * 60


@dataclass(frozen=True)
class CurrentPolicy:
    """A live policy and its current version, as cached for every-page checks."""

    policy_id: int
    title: str
    url: str
    version: int
    revision_id: int
    required: bool


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
            )
            for page in PolicyPage.objects.live().order_by("title")
        ]
        cache.set(CURRENT_VERSIONS_CACHE_KEY, current, CURRENT_VERSIONS_TTL)
    return current


def policies_cache_clear() -> None:
    cache.delete(CURRENT_VERSIONS_CACHE_KEY)


def policies_pending(*, user: User) -> list[CurrentPolicy]:
    """Required live policies whose current version `user` has not acknowledged.

    At most one query (none when no policy requires acknowledgement and the cache is warm).
    """
    required = [p for p in policies_current() if p.required and p.version]
    if not required:
        return []
    done_filter = Q()
    for policy in required:
        done_filter |= Q(policy_id=policy.policy_id, version=policy.version)
    done = set(
        Acknowledgement.objects.filter(done_filter, user=user).values_list("policy_id", flat=True)
    )
    return [p for p in required if p.policy_id not in done]


@dataclass(frozen=True)
class PolicyPageState:
    """What the policy page shows one person about their acknowledgement."""

    version: int
    current: Acknowledgement | None  # their acknowledgement of the live version
    earlier: Acknowledgement | None  # their newest acknowledgement of an earlier version
    required: bool

    @property
    def pending(self) -> bool:
        return self.required and self.current is None and self.version > 0

    @property
    def what_changed_first(self) -> bool:
        """After a material change, someone who acknowledged before reads the summary first."""
        return self.pending and self.version > 1


def policy_page_state(*, user: User, policy: PolicyPage) -> PolicyPageState:
    acks = list(
        Acknowledgement.objects.filter(user=user, policy=policy, version__lte=policy.version)
        .order_by("-version")
        .only("version", "created_at", "revision_id")[:2]
    )
    current = next((a for a in acks if a.version == policy.version), None)
    earlier = next((a for a in acks if a.version < policy.version), None)
    return PolicyPageState(
        version=policy.version,
        current=current,
        earlier=earlier,
        required=policy.acknowledgement_required,
    )


def acknowledgement_list(*, user: User) -> list[dict]:
    """Everything `user` acknowledged, newest first (for their personal data export)."""
    return [
        {
            "policy": ack.policy.title,
            "version": ack.version,
            "revision": ack.revision_id,
            "at": ack.created_at.isoformat(),
        }
        for ack in Acknowledgement.objects.filter(user=user).select_related("policy")
    ]


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
