from django.urls import path, re_path

from people.scim.views import scim

app_name = "scim"
urlpatterns = [
    path("", scim, name="root"),
    re_path(r"^(?P<path>.+)$", scim, name="endpoint"),
]
