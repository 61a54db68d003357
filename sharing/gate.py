"""Who may share: a certified advocate, with the current policies acknowledged, opted in."""

from dataclasses import dataclass

from django.urls import reverse

from courses.selectors import advocate_is_certified
from people.models import ConsentKind, User
from people.selectors import consent_current
from policies.selectors import policies_pending
from portal.navigation import live_section_urls


@dataclass(frozen=True)
class GateStep:
    key: str
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

    @property
    def missing(self) -> list[GateStep]:
        return [step for step in self.steps if not step.done]


def sharing_gate(*, user: User) -> Gate:
    """The three steps that unlock the share buttons, each with whether it is done and where
    to do it. Readers who are not there yet still see the library."""
    sections = live_section_urls()
    pending = policies_pending(user=user)
    me = reverse("people:me")
    return Gate(
        steps=[
            GateStep(
                "certified",
                "Get certified as an advocate",
                advocate_is_certified(user=user),
                sections.get("training", "/"),
                "Go to training",
            ),
            GateStep(
                "policy",
                "Acknowledge the current social media policy"
                if len(pending) <= 1
                else f"Acknowledge the {len(pending)} current policies",
                not pending,
                pending[0].url if pending else sections.get("policy", "/"),
                "Read the policy",
            ),
            GateStep(
                "opted_in",
                "Opt in to advocacy",
                consent_current(user=user)[ConsentKind.ADVOCACY],
                f"{me}#consents",
                "Open my settings",
            ),
        ]
    )


def gate_closed() -> Gate:
    """Every step missing: what a page preview without a person shows."""
    sections = live_section_urls()
    return Gate(
        steps=[
            GateStep(
                "certified",
                "Get certified as an advocate",
                False,
                sections.get("training", "/"),
                "Go to training",
            ),
            GateStep(
                "policy",
                "Acknowledge the current social media policy",
                False,
                sections.get("policy", "/"),
                "Read the policy",
            ),
            GateStep(
                "opted_in",
                "Opt in to advocacy",
                False,
                f"{reverse('people:me')}#consents",
                "Open my settings",
            ),
        ]
    )


def sharing_allowed(*, user: User) -> bool:
    return user.is_authenticated and user.is_active and sharing_gate(user=user).open
