"""Two-factor authentication before the admin, for people who signed in with a password.

allauth asks for the second factor at sign-in once a person has one; this middleware makes
anyone with admin access set one up (TOTP, with recovery codes; or a security key) before
the admin opens.
Single sign-on is trusted as it is: the company's identity provider runs its own MFA.

Which way a session signed in is read from allauth's sign-in records. A session without
records did not come through a sign-in form (the test client's `force_login`); the only
other password form, Wagtail's own /admin/login/, redirects to /accounts/login/.
"""

from datetime import UTC, datetime

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

PASSWORD_METHODS = {"password", "password_reset", "code"}
TRUSTED_METHODS = {"socialaccount", "mfa"}


def needs_second_factor(request) -> bool:
    user = request.user
    if not (settings.SSO_ADMIN_MFA and user.is_authenticated):
        return False
    records = get_authentication_records(request, user)
    methods = {record.get("method") for record in records}
    if methods & TRUSTED_METHODS or not methods & PASSWORD_METHODS:
        return False
    if not user.has_perm("wagtailadmin.access_admin"):
        return False
    return not _set_up_in_this_session(user, records)


def _set_up_in_this_session(user, records) -> bool:
    """An authenticator added after this session's password sign-in: adding one took the
    password again and a valid code, which is the second factor."""
    signed_in_at = max(r.get("at", 0) for r in records if r.get("method") in PASSWORD_METHODS)
    since = datetime.fromtimestamp(signed_in_at, tz=UTC)
    return Authenticator.objects.filter(
        user=user,
        type__in=[Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN],
        created_at__gte=since,
    ).exists()


class AdminMFAMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/admin/") and needs_second_factor(request):
            query = urlencode({"next": request.get_full_path()})
            if is_mfa_enabled(request.user):
                # Set up in another session: confirm it here before the admin opens.
                return redirect(f"{reverse('mfa_reauthenticate')}?{query}")
            messages.info(
                request,
                "The admin needs two-factor authentication: set up an authenticator app "
                "to continue.",
            )
            return redirect(f"{reverse('mfa_activate_totp')}?{query}")
        return self.get_response(request)
