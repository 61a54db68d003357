import re

from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.template.response import TemplateResponse

# Wagtail's admin runs its own access checks (and refuses employees without admin access);
# static and media files are served before this middleware is reached, or by the proxy.
PUBLIC_PREFIXES = ("/admin/", "/static/", "/media/")


class PortalLoginRequiredMiddleware(LoginRequiredMiddleware):
    """Every portal page needs a login unless its view is marked `@login_not_required`."""

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.path.startswith(PUBLIC_PREFIXES):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)


class AdminAccessMiddleware:
    """Employees without admin access get a plain "no access" page at /admin/.

    Wagtail would send them back to the login page, which (as they are logged in) reads
    like a fault rather than a refusal.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            request.path.startswith("/admin/")
            and user is not None
            and user.is_authenticated
            and not user.has_perm("wagtailadmin.access_admin")
        ):
            from portal.views import permission_denied

            return permission_denied(request)
        return self.get_response(request)


# C0 controls and DEL. Tab, line feed and carriage return are allowed in POST values only,
# where a textarea (a share caption, a suggestion) legitimately holds them.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
CONTROL_CHARACTERS_IN_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _has_control_characters(query_dict, values_pattern) -> bool:
    return any(
        CONTROL_CHARACTERS.search(key) or any(values_pattern.search(v) for v in values)
        for key, values in query_dict.lists()
    )


class RejectControlCharactersMiddleware:
    """Refuse control characters in the path (404) and in parameters or cookies (400).

    PostgreSQL rejects NUL in any text value, so `/l/abc%00` or a NUL in a session cookie
    or a login username was a 500 from whichever query met it first (SQLite quietly
    matched nothing). No legitimate address, parameter or cookie holds a control
    character, so they are refused once, here, before the session, the user or any view
    touches the database. A path is answered "not found" (nothing lives at such an
    address), a parameter or cookie "bad request"; both with the portal's own pages.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if CONTROL_CHARACTERS.search(request.path):
            return TemplateResponse(request, "404.html", status=404).render()
        if (
            _has_control_characters(request.GET, CONTROL_CHARACTERS)
            or any(CONTROL_CHARACTERS.search(k + v) for k, v in request.COOKIES.items())
            or (
                request.method == "POST"
                and _has_control_characters(request.POST, CONTROL_CHARACTERS_IN_TEXT)
            )
        ):
            return TemplateResponse(request, "400.html", status=400).render()
        return self.get_response(request)
