"""The login and logout pages.

Login is allauth's view (password, MFA stage, sign-in records) on the fixed /accounts/login/.
Logout is Django's (POST only; its signal closes the session's sockets), then, for a
session that signed in through single sign-on, a page that sends the browser on to the
provider's own logout where it has one: OIDC RP-initiated logout (`end_session_endpoint`)
or SAML single logout.
"""

import logging

from allauth.account.authentication import get_authentication_records
from allauth.account.views import LoginView as AllauthLoginView
from allauth.socialaccount.adapter import get_adapter as get_social_adapter
from allauth.socialaccount.providers.saml.utils import build_auth
from django.conf import settings
from django.contrib.auth.views import LogoutView as DjangoLogoutView
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode

from people.sso.saml import SESSION_KEY as SAML_SESSION_KEY

logger = logging.getLogger(__name__)


class LoginView(AllauthLoginView):
    template_name = "registration/login.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["password_login_for_everyone"] = settings.SSO_PASSWORD_LOGIN
        # The template (shared with the SSO buttons) names the page to return to `next`;
        # allauth hands it over as redirect_field_value, checked against the site's hosts.
        context["next"] = context.get("redirect_field_value") or ""
        return context


def _sso_record(request):
    for record in reversed(get_authentication_records(request, request.user)):
        if record.get("method") == "socialaccount":
            return record
    return None


def _provider_logout_url(request, record) -> str | None:
    """Where the provider ends its own session, or None when it offers nowhere."""
    adapter = get_social_adapter(request)
    provider_key = record.get("provider", "")
    try:
        provider = adapter.get_provider(request, provider_key)
    except Exception:  # noqa: BLE001 - a provider removed since sign-in: log out locally
        logger.info("sso logout: provider %s no longer configured", provider_key)
        return None
    back = f"{settings.PORTAL_BASE_URL}{reverse('login')}"
    if provider.id == "openid_connect":
        return _oidc_logout_url(request, provider, back)
    if provider.id == "saml":
        return _saml_logout_url(request, provider, back)
    return None


def _oidc_logout_url(request, provider, back: str) -> str | None:
    adapter = provider.get_oauth2_adapter(request)
    try:
        endpoint = adapter.openid_config.get("end_session_endpoint")
    except Exception:  # noqa: BLE001 - the provider is down: the local logout still stands
        logger.warning("sso logout: %s discovery failed", provider.app.provider_id)
        return None
    if not endpoint:
        return None
    query = urlencode({"client_id": provider.app.client_id, "post_logout_redirect_uri": back})
    return f"{endpoint}{'&' if '?' in endpoint else '?'}{query}"


def _saml_logout_url(request, provider, back: str) -> str | None:
    """A LogoutRequest for the session the IdP opened at sign-in (its NameID and
    SessionIndex, kept by people.sso.saml), sent by redirect to the IdP's `slo_url`."""
    if not (provider.app.settings.get("idp") or {}).get("slo_url"):
        return None
    signed_in = request.session.get(SAML_SESSION_KEY) or {}
    auth = build_auth(request, provider)
    return auth.logout(
        return_to=back,
        name_id=signed_in.get("name_id"),
        name_id_format=signed_in.get("name_id_format"),
        session_index=signed_in.get("session_index"),
    )


class LogoutView(DjangoLogoutView):
    def post(self, request, *args, **kwargs):
        record = _sso_record(request) if request.user.is_authenticated else None
        target = _provider_logout_url(request, record) if record else None
        response = super().post(request, *args, **kwargs)
        if not target:
            return response
        # A page, not a redirect: the Content-Security-Policy's form-action would stop a
        # logout form from being redirected to another site.
        return render(request, "account/logged_out_sso.html", {"provider_logout_url": target})
