"""Authentication backends: the failure throttle, then password sign-in.

Settings list them in this order (`AUTHENTICATION_BACKENDS`).
"""

from allauth.account.auth_backends import AuthenticationBackend
from axes.backends import AxesStandaloneBackend
from django.conf import settings

from people.selectors import user_for_session


class ThrottleBackend(AxesStandaloneBackend):
    """django-axes' lockout check, for sign-ins that come through a web request.

    A management command or script that calls `authenticate()` has no client to throttle
    (axes would refuse it outright); the request-less call simply passes through.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def password_login_allowed(user) -> bool:
    """With `SSO_PASSWORD_LOGIN` off, only the break-glass administrators named in
    `SSO_BREAK_GLASS_USERS` may sign in with a password; everyone else uses SSO."""
    if settings.SSO_PASSWORD_LOGIN:
        return True
    return user.get_username().lower() in settings.SSO_BREAK_GLASS_USERS


class PasswordBackend(AuthenticationBackend):
    """Username and password. A refused user gets the same answer as a wrong password,
    so the login form tells nobody which accounts exist or who may use a password."""

    def authenticate(self, request, **credentials):
        user = super().authenticate(request, **credentials)
        if user is not None and not password_login_allowed(user):
            return None
        return user

    def get_user(self, user_id):
        # The person behind a session, with what every page shows of them (one query).
        user = user_for_session(user_id=user_id)
        return user if user is not None and self.user_can_authenticate(user) else None
