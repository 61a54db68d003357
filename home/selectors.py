"""The dashboard: where a person stands and what comes next."""

from dataclasses import dataclass, field

from home.dashboard import Step, step_providers
from people.models import User
from people.selectors import consent_current, network_list
from portal.navigation import live_section_urls
from portal.slots import Panel, slot_panels

STEP_ORDER = ["training", "policy", "advocacy"]


@dataclass
class Dashboard:
    user: User
    steps: list[Step]
    sections: list[Panel] = field(default_factory=list)

    @property
    def next_step(self) -> Step | None:
        return next((step for step in self.steps if not step.done), None)

    @property
    def done_count(self) -> int:
        return sum(step.done for step in self.steps)


def _placeholder_steps(*, user: User) -> dict[str, Step]:
    """The steps every programme has, shown even before their app provides them."""
    sections = live_section_urls()
    consents = consent_current(user=user)
    return {
        "training": Step(
            "training",
            "Complete your social media basic training",
            "A short course in lessons you can take at your own pace, then a quiz. "
            "Passing it certifies you as an advocate.",
            done=False,
            url=sections.get("training"),
            action="Go to training",
        ),
        "policy": Step(
            "policy",
            "Read and acknowledge the social media policy",
            "What you may share, what stays inside, and how to say you work here.",
            done=False,
            url=sections.get("policy"),
            action="Read the policy",
        ),
        "advocacy": Step(
            "advocacy",
            "Decide whether to take part in advocacy",
            "Sharing is voluntary. If you want to, tell us which networks you use and opt "
            "in; you can change your mind at any time with one click.",
            done=consents["advocacy"] and network_list(user=user).exists(),
            url="/me/",
            action="Open my settings",
        ),
    }


def dashboard_steps(*, user: User) -> list[Step]:
    steps = _placeholder_steps(user=user)
    for key, provider in step_providers().items():
        step = provider(user)
        if step is not None:
            steps[key] = step
    order = STEP_ORDER + sorted(set(steps) - set(STEP_ORDER))
    return [steps[key] for key in order if key in steps]


def dashboard_for(*, request) -> Dashboard:
    user = request.user
    return Dashboard(
        user=user, steps=dashboard_steps(user=user), sections=slot_panels("dashboard", request)
    )
