from django.contrib.auth.middleware import LoginRequiredMiddleware

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
