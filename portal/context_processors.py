from portal.navigation import nav_items
from portal.slots import slot_panels


def portal(request):
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {"nav_items": [], "banners": []}
    return {"nav_items": nav_items(request), "banners": slot_panels("banner", request)}
