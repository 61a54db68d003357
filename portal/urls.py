from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls

from portal import views
from portal.health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("me/", include("people.urls")),
    path("", include("sharing.urls")),
    path("training/", include("courses.urls")),
    path("policies/", include("policies.urls")),
    path("notifications/", include("notifications.urls")),
    path("leaderboard/", include("leaderboard.urls")),
    path("badges/", include("leaderboard.badge_urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail serves every editor-written page; it must come last.
urlpatterns += [path("", include(wagtail_urls))]

handler403 = views.permission_denied
handler404 = views.page_not_found
