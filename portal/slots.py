"""Places in shared pages where apps add their own panels.

Slots: "dashboard" (home page sections), "me" (sections of /me/), "banner" (strips shown
above every portal page, e.g. "please acknowledge the new policy"). An app registers a
provider in its AppConfig.ready(); the provider gets the request and returns a Panel, or
None to show nothing. Shared templates never name the apps that fill them.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest


@dataclass(frozen=True)
class Panel:
    key: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)


Provider = Callable[[HttpRequest], Panel | None]
SLOTS = ("dashboard", "me", "banner")
_providers: dict[str, list[tuple[int, str, Provider]]] = {slot: [] for slot in SLOTS}


def slot_register(slot: str, key: str, provider: Provider, *, order: int = 50) -> None:
    if slot not in _providers:
        raise ValueError(f"Unknown slot {slot!r}; slots are {', '.join(SLOTS)}.")
    entries = [entry for entry in _providers[slot] if entry[1] != key]
    entries.append((order, key, provider))
    entries.sort(key=lambda entry: (entry[0], entry[1]))
    _providers[slot] = entries


def slot_panels(slot: str, request: HttpRequest) -> list[Panel]:
    return [panel for _, _, provider in _providers[slot] if (panel := provider(request))]
