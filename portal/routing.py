"""Wagtail's page serving, with the routing answered from the cache.

Wagtail routes a request with a query for its site, then two per URL segment (the child
with that slug, then its specific page), then two more for view restrictions: ten queries
before a lesson page renders anything. Here a warm request costs one query, the page itself,
and one cache round trip:

- The site for a host and port, and whether any page view restriction exists at all, are
  cached under a generation token that changes (before and after commit) whenever a site
  or a restriction is saved or deleted, so a value read before the change is never kept.
- The page for a URL is cached as its id and type, and checked when it is fetched: it must
  still have the URL path it had (a move or a slug change alters it) and be live, under the
  site root it was found under. Anything else goes through Wagtail's own routing, which
  also answers every miss and every 404, so those behave exactly as before.
- With no restriction anywhere, Wagtail's restriction check (two queries a page) is left out
  of the serve chain; once one exists it runs, unchanged, on every page.

Nothing here applies while a page model overrides `route` (RoutablePageMixin and the like):
its own routing must then decide.
"""

import hashlib
import uuid
from functools import cache as once

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import Http404, HttpResponse
from django.http.request import split_domain_port
from django.urls import re_path
from wagtail import hooks
from wagtail import urls as wagtail_urls
from wagtail.models import Page, PageViewRestriction, Site, get_page_models
from wagtail.views import serve_chain
from wagtail.wagtail_hooks import check_view_restrictions

from portal.cache import get_many_reading_ahead

TIMEOUT = 3600  # a backstop: the token and the page check keep entries right
GENERATION_KEY = "chorus:routing:generation"
RESTRICTED_KEY = "chorus:routing:restricted"
SITE_FIELDS = ("id", "hostname", "port", "site_name", "root_page_id", "is_default_site")


def _digest(*parts) -> str:
    # Fixed-length keys whatever the host or the path (cache keys have length limits).
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:32]


def _site_key(hostname: str, port: int) -> str:
    return f"chorus:routing:site:{_digest(hostname, port)}"


def _page_key(hostname: str, port: int, path: str) -> str:
    return f"chorus:routing:page:{_digest(hostname, port, path)}"


@once
def _routing_is_plain() -> bool:
    """True when no page model routes its own sub-paths (checked once per process)."""
    return all(model.route is Page.route for model in get_page_models())


def _generation(found: dict) -> str:
    token = found.get(GENERATION_KEY)
    if token is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        token = cache.get(GENERATION_KEY)
    return token


def bump_generation(**kwargs) -> None:
    """Sites or restrictions changed: forget what was read before. Once now, for the rest
    of this transaction, and once after commit, for a reader that read the old rows while
    the change was not yet committed."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)
    transaction.on_commit(lambda: cache.set(GENERATION_KEY, uuid.uuid4().hex, None))


def connect_signals() -> None:
    for model in (Site, PageViewRestriction):
        uid = f"chorus-routing-{model._meta.label}"
        for signal in (post_save, post_delete):
            signal.connect(bump_generation, sender=model, dispatch_uid=uid)


def _site(request, hostname: str, port: int, found: dict, token: str) -> Site | None:
    """Site.find_for_request's answer, from the cache when its entry is current."""
    entry = found.get(_site_key(hostname, port))
    if entry is not None and entry[0] == token:
        site = None if entry[1] is None else Site.from_db(None, SITE_FIELDS, entry[1])
    else:
        site = Site.find_for_request(request)  # one query, the root page joined
        fields = [getattr(site, name) for name in SITE_FIELDS] if site else None
        cache.set(_site_key(hostname, port), (token, fields), TIMEOUT)
    request._wagtail_site = site  # where Site.find_for_request keeps it for the request
    return site


def _restricted(found: dict, token: str) -> bool:
    entry = found.get(RESTRICTED_KEY)
    if entry is not None and entry[0] == token:
        return entry[1]
    restricted = PageViewRestriction.objects.exists()
    cache.set(RESTRICTED_KEY, (token, restricted), TIMEOUT)
    return restricted


def _cached_page(entry, site: Site) -> Page | None:
    """The page a cache entry names, if it is still at that URL under this site's root."""
    if entry is None:
        return None
    root_page_id, page_id, content_type_id, url_path = entry
    if root_page_id != site.root_page_id:
        return None
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    page = model._default_manager.filter(pk=page_id).first() if model is not None else None
    if page is None or page.url_path != url_path or not page.live:
        return None
    return page


def route_for_request(request, path: str) -> tuple[tuple | None, bool]:
    """Page.route_for_request's answer (page, args, kwargs) or None, and whether any view
    restriction exists."""
    hostname, port = split_domain_port(request._get_raw_host())[0], request.get_port()
    page_key = _page_key(hostname, port, path)
    # With the keys most pages read next (CACHE_READ_AHEAD), in the same round trip.
    found = get_many_reading_ahead(
        cache, [GENERATION_KEY, _site_key(hostname, port), RESTRICTED_KEY, page_key]
    )
    token = _generation(found)
    restricted = _restricted(found, token)
    if hasattr(request, "_wagtail_route_for_request") or not _routing_is_plain():
        return Page.route_for_request(request, path), restricted
    site = _site(request, hostname, port, found, token)
    if site is None:
        return Page.route_for_request(request, path), restricted
    page = _cached_page(found.get(page_key), site)
    if page is not None:
        request._wagtail_route_for_request = page.route(request, [])
        return request._wagtail_route_for_request, restricted
    route = Page.route_for_request(request, path)  # Wagtail's own walk, then remember it
    if route is not None and not route[1] and not route[2]:
        page = route[0]
        entry = (site.root_page_id, page.pk, page.content_type_id, page.url_path)
        cache.set(page_key, entry, TIMEOUT)
    return route, restricted


def serve(request, path):
    """wagtail.views.serve, routed as above; the same hooks run in the same order."""
    route, restricted = route_for_request(request, path)
    if route is None:
        raise Http404
    page, args, kwargs = route

    on_serve_chain = serve_chain
    for fn in reversed(hooks.get_hooks("on_serve_page")):
        if fn is check_view_restrictions and not restricted:
            continue  # no page has a restriction, so none applies to this one
        on_serve_chain = fn(on_serve_chain)

    for fn in hooks.get_hooks("before_serve_page"):
        result = fn(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result

    return on_serve_chain(page, request, args, kwargs)


# Wagtail's URLs with its catch-all page view replaced by `serve` (same pattern and name).
urlpatterns = [
    *(p for p in wagtail_urls.urlpatterns if getattr(p, "name", None) != "wagtail_serve"),
    re_path(wagtail_urls.serve_pattern, serve, name="wagtail_serve"),
]
