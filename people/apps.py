from django.apps import AppConfig
from wagtail.users.apps import WagtailUsersAppConfig


class PeopleConfig(AppConfig):
    default = True  # apps.py holds two configs; this one is the people app's own
    name = "people"
    default_auto_field = "django.db.models.BigAutoField"


class ChorusUsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with department, job title and joining date on its forms."""

    default = False
    user_viewset = "people.viewsets.UserViewSet"
