"""The portal's main navigation: Dashboard, then what the apps contribute through the
NAV_ITEM hook (a section appears once it exists), then Admin for editors."""

from dataclasses import dataclass

from django.core.cache import cache
from django.http import HttpRequest
from wagtail import hooks
from wagtail.models import Page

from portal.admin_access import user_has_admin_access
from portal.extensions import NAV_ITEM
from portal.request_memo import memoised

SECTION_CACHE_KEY = "portal:nav:live-section-urls"


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    active: bool


def live_section_urls() -> dict[str, str]:
    """Slug → URL of the live pages directly under the home page; cached briefly (one
    query a minute), and read once per request (the navigation asks for each of its items,
    the dashboard's steps and the sharing gate for theirs: a cache round trip each)."""
    return memoised(("live_section_urls",), _live_section_urls)


def _live_section_urls() -> dict[str, str]:
    urls = cache.get(SECTION_CACHE_KEY)
    if urls is None:
        sections = Page.objects.live().filter(depth=3)
        urls = {page.slug: page.get_url() for page in sections}
        cache.set(SECTION_CACHE_KEY, urls, 60)
    return urls


def nav_item(request: HttpRequest, label: str, url: str | None) -> NavItem | None:
    """An item for `url` (None: the section does not exist yet, so no item)."""
    if not url:
        return None
    return NavItem(label, url, request.path.startswith(url))


def section_nav_item(request: HttpRequest, label: str, slug: str) -> NavItem | None:
    """An item for the live top-level page with `slug`, once it exists."""
    return nav_item(request, label, live_section_urls().get(slug))


def nav_items(request: HttpRequest) -> list[NavItem]:
    items = [NavItem("Dashboard", "/", request.path == "/")]
    items += [item for fn in hooks.get_hooks(NAV_ITEM) if (item := fn(request)) is not None]
    if user_has_admin_access(user=request.user):
        items.append(NavItem("Admin", "/admin/", False))
    return items
