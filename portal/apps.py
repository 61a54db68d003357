from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_out
from django.db.models.signals import post_migrate


class PortalConfig(AppConfig):
    name = "portal"

    def ready(self) -> None:
        from portal.permissions import editors_grant_permissions  # imports auth models

        post_migrate.connect(editors_grant_permissions, dispatch_uid="chorus-editors")
        user_logged_out.connect(_close_sockets_on_logout, dispatch_uid="chorus-logout-sockets")


def _close_sockets_on_logout(sender, request, user, **kwargs) -> None:
    """Django's only logout hook: the session's open sockets are closed."""
    if user is None:
        return
    from portal.realtime import session_ended  # imports Channels, which needs settings

    session_key = getattr(getattr(request, "session", None), "session_key", None)
    session_ended(user_id=user.pk, session_key=session_key)
