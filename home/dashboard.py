"""The onboarding checklist on the dashboard.

Apps register a step provider in AppConfig.ready() (`dashboard_step_register`); it gets
the user and returns a Step, or None. A step replaces the placeholder with the same key.
Sections below the checklist go through portal.slots ("dashboard").
"""

from collections.abc import Callable
from dataclasses import dataclass

from people.models import User


@dataclass(frozen=True)
class Step:
    key: str
    title: str
    description: str
    done: bool
    url: str | None  # None while the section does not exist yet
    action: str = ""
    status: str = ""  # a short state, e.g. "2 of 7 lessons" or "Due 4 December"


StepProvider = Callable[[User], Step | None]
_STEP_PROVIDERS: dict[str, StepProvider] = {}


def dashboard_step_register(key: str, provider: StepProvider) -> None:
    _STEP_PROVIDERS[key] = provider


def step_providers() -> dict[str, StepProvider]:
    return dict(_STEP_PROVIDERS)
