"""The extension points of Chorus: Wagtail hooks that apps register in their own
`wagtail_hooks.py`, so shared pages and commands never name the apps that fill them.

    from wagtail import hooks
    from portal.extensions import DASHBOARD_PANEL, Panel

    @hooks.register(DASHBOARD_PANEL, order=20)
    def training_panel(request) -> Panel | None: ...

Hooks run in `order` (Wagtail's `hooks.get_hooks` sorts by it). The hooks and what each
function takes and returns:

- DASHBOARD_STEP  `(user) -> Step | None`: a step of the onboarding checklist on the dashboard.
- DASHBOARD_PANEL `(request) -> Panel | None`: a section below the checklist.
- ME_SECTION      `(request) -> Panel | None`: a section of /me/.
- BANNER          `(request) -> Panel | None`: a strip above every portal page.
- NAV_ITEM        `(request) -> NavItem | None`: an entry of the main navigation
  (portal.navigation.section_nav_item builds one for a top-level page).
- DEMO_SEED       `(*, stdout) -> int`: one step of `seed_demo`; returns how many things it
  created or changed. Runs in its own transaction, in order.
- WEBSOCKET_URLS  `() -> list[URLPattern]`: websocket routes for portal/asgi.py.
- PAGE_RECORDS    `(*, page) -> str | None`: why `page` (or a page below it) cannot be
  deleted, naming the people's records it holds; None when it holds none. The admin
  refuses the delete and offers to unpublish (portal/wagtail_hooks.py).
- CACHE_READ_AHEAD `() -> list[str | tuple[str, int]]`: cache keys (or (key, version))
  that most pages read, fetched with the page's routing in one Redis round trip and kept
  for the rest of the request (portal.cache.get_many_reading_ahead).
- RETENTION_RULES `() -> RetentionRule`: something an app deletes or anonymises once it is
  older than a programme setting (portal.models.RetentionSettings); `retention_apply`
  runs every rule, and "What Chorus records about me" shows each rule's description.

Hooks declared next to the data they extend: `people.records.RECORDS_SECTION`,
`people.services.CONSENT_CHANGED`, `notifications.kinds.NOTIFICATION_KINDS` and
`notifications.digest.DIGEST_SECTION`.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest
from wagtail import hooks

DASHBOARD_STEP = "chorus_dashboard_step"
DASHBOARD_PANEL = "chorus_dashboard_panel"
ME_SECTION = "chorus_me_section"
BANNER = "chorus_banner"
NAV_ITEM = "chorus_nav_item"
DEMO_SEED = "chorus_demo_seed"
WEBSOCKET_URLS = "chorus_websocket_urls"
PAGE_RECORDS = "chorus_page_records"
RETENTION_RULES = "chorus_retention_rules"
CACHE_READ_AHEAD = "chorus_cache_read_ahead"


@dataclass(frozen=True)
class Panel:
    """A section an app adds to a shared page: its template gets `data` = context."""

    key: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Step:
    """One step of the dashboard's checklist."""

    key: str
    title: str
    description: str
    done: bool
    url: str | None  # None while the section does not exist yet ("HR is preparing it")
    action: str = ""
    status: str = ""  # a short state, e.g. "2 of 7 lessons" or "Due 4 December"


@dataclass(frozen=True)
class RetentionRule:
    """What an app prunes. `prune(*, now, dry_run)` removes (or, with dry_run, only counts)
    what is past its period at `now` and returns how many records that is; running it
    again at once finds 0. `description` says, for the people concerned, what is kept
    and for how long."""

    key: str
    title: str
    description: str
    prune: Callable[..., int]


def retention_rules() -> list[RetentionRule]:
    """Every app's retention rule, in hook order."""
    return [fn() for fn in hooks.get_hooks(RETENTION_RULES)]


def panels_for(hook_name: str, request: HttpRequest) -> list[Panel]:
    """Every panel the apps contribute to `hook_name` for this request, in hook order."""
    return [panel for fn in hooks.get_hooks(hook_name) if (panel := fn(request)) is not None]


def steps_for(user) -> list[Step]:
    """The dashboard checklist for `user`, in hook order."""
    return [step for fn in hooks.get_hooks(DASHBOARD_STEP) if (step := fn(user)) is not None]


def cache_read_ahead_keys() -> list[tuple[str, int | None]]:
    """Every app's read-ahead keys, as (key, version)."""
    keys = []
    for fn in hooks.get_hooks(CACHE_READ_AHEAD):
        keys += [key if isinstance(key, tuple) else (key, None) for key in fn()]
    return keys


def websocket_urlpatterns() -> list:
    """Every app's websocket routes."""
    return [pattern for fn in hooks.get_hooks(WEBSOCKET_URLS) for pattern in fn()]
