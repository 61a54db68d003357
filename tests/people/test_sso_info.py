"""`manage.py sso_info` prints what an identity provider's admin needs about Chorus."""

from io import StringIO

import pytest
from allauth.socialaccount.models import SocialApp
from django.core.management import call_command

from tests.idp.servers import oidc_app

pytestmark = pytest.mark.django_db


def sso_info() -> str:
    out = StringIO()
    call_command("sso_info", stdout=out)
    return out.getvalue()


def test_without_a_provider_it_says_so():
    assert "No single sign-on provider is configured" in sso_info()


def test_it_prints_the_oidc_redirect_uri_and_the_saml_urls(settings):
    settings.PORTAL_BASE_URL = "https://chorus.example"
    settings.SOCIALACCOUNT_PROVIDERS = {
        **settings.SOCIALACCOUNT_PROVIDERS,
        "openid_connect": {"APPS": [oidc_app("https://idp.example/realms/acme")]},
    }
    SocialApp.objects.create(
        provider="saml", provider_id="acme-saml", name="Acme SAML", client_id="acme"
    )
    printed = sso_info()
    assert "redirect URI:  https://chorus.example/accounts/oidc/sso/login/callback/" in printed
    assert "issuer:        https://idp.example/realms/acme" in printed
    assert "ACS URL:       https://chorus.example/accounts/saml/acme/acs/" in printed
    assert "SLO URL:       https://chorus.example/accounts/saml/acme/sls/" in printed
