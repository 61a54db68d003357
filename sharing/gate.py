"""Who may share: a certified advocate, with the current policies acknowledged, opted in."""

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from django.urls import reverse
from django.utils.dateformat import format as date_format

from courses.selectors import CertificateLapse, advocate_is_certified, certification_lapse
from people.models import ConsentKind, User
from people.selectors import consent_current
from policies.selectors import policies_pending
from portal.navigation import live_section_urls


class GateStepKey(StrEnum):
    CERTIFIED = "certified"
    POLICY = "policy"
    OPTED_IN = "opted_in"


@dataclass(frozen=True)
class GateStep:
    key: GateStepKey
    title: str
    done: bool
    url: str
    action: str


@dataclass(frozen=True)
class Gate:
    steps: list[GateStep]

    @property
    def open(self) -> bool:
        return all(step.done for step in self.steps)


def _certified_step(*, certified: bool, lapse: CertificateLapse | None, sections) -> GateStep:
    if lapse is not None:
        # Recertification: the certificate lapsed, so sharing waits until they pass again.
        return GateStep(
            GateStepKey.CERTIFIED,
            f"Certificate expired on {date_format(lapse.expired_on, 'j F Y')}: pass the "
            f"quiz again by {date_format(lapse.due_on, 'j F Y')}",
            False,
            lapse.course.get_url() or sections.get("training", "/"),
            "Renew your certificate",
        )
    return GateStep(
        GateStepKey.CERTIFIED,
        "Get certified as an advocate",
        certified,
        sections.get("training", "/"),
        "Go to training",
    )


def _policy_title(pending: Sequence) -> str:
    if len(pending) > 1:
        return f"Acknowledge the {len(pending)} current policies"
    if pending and getattr(pending[0], "renewal_due", False):
        return f"Acknowledge the {pending[0].title.lower()} again"
    return "Acknowledge the current social media policy"


def _gate(
    *,
    certified: bool,
    policy_done: bool,
    pending: Sequence,
    opted_in: bool,
    lapse: CertificateLapse | None = None,
) -> Gate:
    """The three steps, each with where to do it; `pending` are the policies still to
    acknowledge (the first one is linked, else the policy section); `lapse` an expired
    certificate, which the certification step then names."""
    sections = live_section_urls()
    return Gate(
        steps=[
            _certified_step(certified=certified, lapse=lapse, sections=sections),
            GateStep(
                GateStepKey.POLICY,
                _policy_title(pending),
                policy_done,
                pending[0].url if pending else sections.get("policy", "/"),
                "Read the policy",
            ),
            GateStep(
                GateStepKey.OPTED_IN,
                "Opt in to advocacy",
                opted_in,
                f"{reverse('people:me')}#consents",
                "Open my settings",
            ),
        ]
    )


def sharing_gate(
    *, user: User, certified: bool | None = None, opted_in: bool | None = None
) -> Gate:
    """The three steps that unlock the share buttons, each with whether it is done and where
    to do it. Readers who are not there yet still see the library. `certified` and
    `opted_in`: those steps as the caller read them already (the library, in one query with
    its own reads: sharing.selectors.viewer)."""
    pending = policies_pending(user=user)
    if certified is None:
        certified = advocate_is_certified(user=user)
    if opted_in is None:
        opted_in = consent_current(user=user)[ConsentKind.ADVOCACY]
    return _gate(
        certified=certified,
        policy_done=not pending,
        pending=pending,
        opted_in=opted_in,
        lapse=None if certified else certification_lapse(user=user),
    )


def gate_closed() -> Gate:
    """Every step missing: what a page preview without a person shows."""
    return _gate(certified=False, policy_done=False, pending=(), opted_in=False)


def sharing_allowed(*, user: User) -> bool:
    """Whether `user` may share now: active, signed in, and every step of the gate done."""
    return user.is_authenticated and user.is_active and sharing_gate(user=user).open
