"""Reads for the acknowledgement report: N of M per policy version, and who is still missing.

Individuals are shown only for required policy acknowledgement, as the design allows.
"""

from dataclasses import dataclass

from django.db.models import Count, OuterRef, QuerySet, Subquery

from people.models import User
from policies.models import Acknowledgement, PolicyVersion


@dataclass(frozen=True)
class VersionSummary:
    policy_id: int
    title: str
    version: int
    current: bool
    acknowledged: int
    employees: int

    @property
    def missing(self) -> int:
        return self.employees - self.acknowledged

    @property
    def percent(self) -> int:
        return round(100 * self.acknowledged / self.employees) if self.employees else 0

    @property
    def key(self) -> str:
        return f"{self.policy_id}:{self.version}"


def employees(*, department_id: int | None = None) -> QuerySet[User]:
    """Everyone who must acknowledge required policies: active accounts."""
    people = User.objects.filter(is_active=True)
    if department_id:
        people = people.filter(department_id=department_id)
    return people


def report_versions() -> list[PolicyVersion]:
    """Every version of every policy that asks for acknowledgement, newest policy versions first."""
    return list(
        PolicyVersion.objects.filter(policy__acknowledgement_required=True)
        .select_related("policy")
        .order_by("policy__title", "policy_id", "-number")
    )


def acknowledgement_summary(*, department_id: int | None = None) -> list[VersionSummary]:
    """How many of how many (active, optionally one department's) employees acknowledged each
    version. Three queries whatever the number of people or versions."""
    versions = report_versions()
    total = employees(department_id=department_id).count()
    counts = {
        (row["policy_id"], row["version"]): row["n"]
        for row in Acknowledgement.objects.filter(user__in=employees(department_id=department_id))
        .values("policy_id", "version")
        .annotate(n=Count("id"))
        .order_by()
    }
    return [
        VersionSummary(
            policy_id=v.policy_id,
            title=v.policy.title,
            version=v.number,
            current=v.number == v.policy.version,
            acknowledged=counts.get((v.policy_id, v.number), 0),
            employees=total,
        )
        for v in versions
    ]


def acknowledgement_people(
    *, policy_id: int, version: int, department_id: int | None = None
) -> QuerySet[User]:
    """Employees with `acknowledged_at` (None while still to acknowledge) for one version."""
    ack = Acknowledgement.objects.filter(
        user=OuterRef("pk"), policy_id=policy_id, version=version
    ).values("created_at")[:1]
    return (
        employees(department_id=department_id)
        .select_related("department")
        .annotate(acknowledged_at=Subquery(ack))
    )
