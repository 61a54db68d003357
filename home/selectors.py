"""The dashboard: where a person stands and what comes next.

Home names no app: the checklist's steps and the sections below it are whatever the apps
contribute through the DASHBOARD_STEP and DASHBOARD_PANEL hooks.
"""

from dataclasses import dataclass, field

from people.models import User
from portal.extensions import DASHBOARD_PANEL, Panel, Step, panels_for, steps_for


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


def dashboard_steps(*, user: User) -> list[Step]:
    """The onboarding checklist, in the order the apps registered their steps."""
    return steps_for(user)


def dashboard_for(*, request) -> Dashboard:
    user = request.user
    return Dashboard(
        user=user, steps=dashboard_steps(user=user), sections=panels_for(DASHBOARD_PANEL, request)
    )
