from django.apps import AppConfig
from django.db.models.signals import post_migrate


class PortalConfig(AppConfig):
    name = "portal"

    def ready(self) -> None:
        from portal.permissions import editors_grant_permissions

        post_migrate.connect(editors_grant_permissions, dispatch_uid="chorus-editors")
