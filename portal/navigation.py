"""The portal's main navigation: a section appears once it exists."""

from dataclasses import dataclass

from django.core.cache import cache
from django.urls import NoReverseMatch, reverse
from wagtail.models import Page

# Sections that are Wagtail pages directly under the home page, by slug.
PAGE_SECTIONS = [("Training", "training"), ("Policy", "policy"), ("Share", "share")]
SECTION_CACHE_KEY = "portal:nav:live-section-slugs"


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    active: bool


def live_section_urls() -> dict[str, str]:
    """Slug → URL of the live top-level sections; cached briefly (one query a minute)."""
    urls = cache.get(SECTION_CACHE_KEY)
    if urls is None:
        slugs = [slug for _, slug in PAGE_SECTIONS]
        urls = {
            page.slug: page.url_path
            for page in Page.objects.live().filter(depth=3, slug__in=slugs).only("slug", "url_path")
        }
        urls = {slug: "/" + path.split("/", 2)[2] for slug, path in urls.items()}
        cache.set(SECTION_CACHE_KEY, urls, 60)
    return urls


def _reverse_or_none(name: str) -> str | None:
    try:
        return reverse(name)
    except NoReverseMatch:
        return None


def nav_items(request) -> list[NavItem]:
    path = request.path
    items = [NavItem("Dashboard", "/", path == "/")]
    sections = live_section_urls()
    for label, slug in PAGE_SECTIONS:
        if slug in sections:
            url = sections[slug]
            items.append(NavItem(label, url, path.startswith(url)))
    leaderboard = _reverse_or_none("leaderboard:board")
    if leaderboard:
        items.append(NavItem("Leaderboard", leaderboard, path.startswith(leaderboard)))
    me = reverse("people:me")
    items.append(NavItem("Me", me, path.startswith(me)))
    if request.user.has_perm("wagtailadmin.access_admin"):
        items.append(NavItem("Admin", "/admin/", False))
    return items
