from portal.extensions import BANNER, panels_for
from portal.navigation import nav_items


def portal(request):
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {"nav_items": [], "banners": []}
    return {"nav_items": nav_items(request), "banners": panels_for(BANNER, request)}
