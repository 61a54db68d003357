from django.utils.functional import SimpleLazyObject

from portal.extensions import BANNER, panels_for
from portal.navigation import nav_items


def portal(request):
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {"nav_items": [], "banners": []}
    # Worked out only when a template shows them: the page chrome (base.html) does, the
    # htmx fragments swapped into a page (a quiz question, a lesson's completion) do not.
    return {
        "nav_items": SimpleLazyObject(lambda: nav_items(request)),
        "banners": SimpleLazyObject(lambda: panels_for(BANNER, request)),
    }
