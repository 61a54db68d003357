from django.conf import settings
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail.admin import urls as wagtailadmin_urls

from portal import views
from portal.health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("csp-report/", views.csp_report, name="csp_report"),
    # Login, logout and password reset (people/sso/urls.py), then allauth's single sign-on,
    # MFA and reset-by-link pages. Wagtail's own login form would skip MFA: it redirects.
    path("accounts/", include("people.sso.urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/login/", RedirectView.as_view(url="/accounts/login/", query_string=True)),
    # Before Wagtail's own admin URLs: the courses app overrides "add quiz" there.
    path("admin/", include("courses.admin_urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("me/", include("people.urls")),
    path("", include("sharing.urls")),
    path("training/", include("courses.urls")),
    path("policies/", include("policies.urls")),
    path("notifications/", include("notifications.urls")),
    path("leaderboard/", include("leaderboard.urls")),
    path("badges/", include("leaderboard.badge_urls")),
    # The Open Badges 3.0 issuer's did:web document (did:web resolves a bare host here).
    path(".well-known/", include("leaderboard.credentials_urls")),
    path("scim/v2/", include("people.scim.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail serves every editor-written page (routed from the cache: portal/routing.py); last.
urlpatterns += [path("", include("portal.routing"))]

handler403 = views.permission_denied
handler404 = views.page_not_found
# A database that is down answers 503 with Retry-After, not 500 (portal/faults.py).
handler500 = "portal.faults.server_error"
