from django.apps import AppConfig


class LeaderboardConfig(AppConfig):
    name = "leaderboard"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_out

        from leaderboard import panels

        panels.register()
        user_logged_out.connect(_close_sockets_on_logout, dispatch_uid="leaderboard-logout")


def _close_sockets_on_logout(sender, request, user, **kwargs) -> None:
    """Django's only logout hook: the session's open leaderboard sockets are closed."""
    if user is None:
        return
    from leaderboard.broadcast import session_ended

    session_key = getattr(getattr(request, "session", None), "session_key", None)
    session_ended(user_id=user.pk, session_key=session_key)
