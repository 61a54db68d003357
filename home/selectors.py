"""The dashboard: where a person stands and what comes next."""

from dataclasses import dataclass, field

from people.models import User
from people.selectors import consent_current, network_list
from portal.navigation import live_section_urls


@dataclass(frozen=True)
class Step:
    key: str
    title: str
    description: str
    done: bool
    url: str | None  # None while the section does not exist yet
    action: str = ""


@dataclass
class Dashboard:
    user: User
    steps: list[Step]
    sections: list = field(default_factory=list)

    @property
    def next_step(self) -> Step | None:
        return next((step for step in self.steps if not step.done), None)

    @property
    def done_count(self) -> int:
        return sum(step.done for step in self.steps)


def dashboard_steps(*, user: User) -> list[Step]:
    sections = live_section_urls()
    consents = consent_current(user=user)
    has_network = network_list(user=user).exists()
    return [
        Step(
            "training",
            "Complete your social media basic training",
            "A short course in lessons you can take at your own pace, then a quiz. "
            "Passing it certifies you as an advocate.",
            done=False,
            url=sections.get("training"),
            action="Go to training",
        ),
        Step(
            "policy",
            "Read and acknowledge the social media policy",
            "What you may share, what stays inside, and how to say you work here.",
            done=False,
            url=sections.get("policy"),
            action="Read the policy",
        ),
        Step(
            "advocacy",
            "Decide whether to take part in advocacy",
            "Sharing is voluntary. If you want to, tell us which networks you use and opt "
            "in; you can change your mind at any time with one click.",
            done=consents["advocacy"] and has_network,
            url="/me/",
            action="Open my settings",
        ),
    ]


def dashboard_for(*, user: User) -> Dashboard:
    return Dashboard(user=user, steps=dashboard_steps(user=user))
