from django.urls import path, re_path

from portal.lazy_views import lazy_view

# The SCIM views import scim2_server and its pydantic models: loaded on the first request.
scim = lazy_view("people.scim.views.scim", csrf_exempt=True, login_required=False)

app_name = "scim"
urlpatterns = [
    path("", scim, name="root"),
    re_path(r"^(?P<path>.+)$", scim, name="endpoint"),
]
