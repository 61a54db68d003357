from django.apps import AppConfig
from wagtail.users.apps import WagtailUsersAppConfig


class PeopleConfig(AppConfig):
    default = True  # apps.py holds two configs; this one is the people app's own
    name = "people"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        post_migrate.connect(_roles_sync_once, dispatch_uid="chorus-roles")


def _roles_sync_once(sender, app_config, **kwargs) -> None:
    """post_migrate is sent once per app; permissions exist for all of them by the last."""
    from django.apps import apps

    if app_config is list(apps.get_app_configs())[-1]:
        from people.roles import roles_sync  # imports auth and Wagtail models

        roles_sync()


class ChorusUsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with department, job title and joining date on its forms."""

    default = False
    user_viewset = "people.viewsets.UserViewSet"
