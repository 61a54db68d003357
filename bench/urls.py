"""The portal's URLs with the floors mounted under /__floor__/ (bench settings only)."""

from django.urls import path

from bench import floors

# All three handlers, as portal.urls sets them: without handler500 Django's own 500 answered
# a request that found the database pool empty, where the portal answers 503 + Retry-After.
from portal.urls import handler403, handler404, handler500
from portal.urls import urlpatterns as portal_urlpatterns

__all__ = ["handler403", "handler404", "handler500", "urlpatterns"]

urlpatterns = [
    path("__floor__/redirect", floors.redirect),
    path("__floor__/redirect-insert", floors.redirect_insert),
    path("__floor__/page", floors.page),
    path("__floor__/post", floors.post),
    path("__floor__/insert", floors.insert),
    *portal_urlpatterns,
]
