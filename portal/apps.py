from django.apps import AppConfig
from django.conf import settings
from django.contrib.auth.signals import user_logged_out
from django.db import transaction
from django.db.models.signals import post_migrate, post_save, pre_save


class PortalConfig(AppConfig):
    name = "portal"

    def ready(self) -> None:
        from portal import checks  # noqa: F401 - registers the deploy checks
        from portal.permissions import editors_grant_permissions  # imports auth models
        from portal.routing import connect_signals as routing_signals  # imports Wagtail models

        post_migrate.connect(editors_grant_permissions, dispatch_uid="chorus-editors")
        routing_signals()
        user_logged_out.connect(_close_sockets_on_logout, dispatch_uid="chorus-logout-sockets")
        pre_save.connect(
            _note_access_change, sender=settings.AUTH_USER_MODEL, dispatch_uid="chorus-access"
        )
        post_save.connect(
            _close_sockets_on_access_change,
            sender=settings.AUTH_USER_MODEL,
            dispatch_uid="chorus-access-sockets",
        )


def _close_sockets_on_logout(sender, request, user, **kwargs) -> None:
    """Django's only logout hook: the session's open sockets are closed."""
    if user is None:
        return
    from portal.realtime import session_ended  # imports Channels, which needs settings

    session_key = getattr(getattr(request, "session", None), "session_key", None)
    session_ended(user_id=user.pk, session_key=session_key)


def _note_access_change(sender, instance, update_fields=None, raw=False, **kwargs) -> None:
    """Before a person is saved: will their password change or their account close?
    (Saves that name only other fields, such as last_login at each login, cost nothing.)"""
    instance._sockets_must_close = False
    if raw or instance.pk is None:
        return
    if update_fields is not None and not {"password", "is_active"} & set(update_fields):
        return
    before = sender.objects.filter(pk=instance.pk).values_list("password", "is_active").first()
    if before is not None:
        password, active = before
        instance._sockets_must_close = password != instance.password or (
            active and not instance.is_active
        )


def _close_sockets_on_access_change(sender, instance, created=False, **kwargs) -> None:
    """A new password or a deactivated account ends every session, so every open socket
    of that person closes too (after commit; the page's reconnect is then refused)."""
    if created or not getattr(instance, "_sockets_must_close", False):
        return
    instance._sockets_must_close = False
    from portal.realtime import session_ended  # imports Channels, which needs settings

    user_id = instance.pk
    transaction.on_commit(lambda: session_ended(user_id=user_id, session_key=None))
