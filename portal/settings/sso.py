"""Single sign-on settings read from the environment (for portal/settings/base.py).

Plain Python, no Django: settings read this before apps are ready. The code that uses
them is people/sso/. One OIDC provider can
be configured from the environment alone; more providers, and SAML, are added in the admin
(allauth's `SocialApp`, under Settings → Sign-in providers).
"""

from collections.abc import Mapping

# allauth's provider id for the environment's OIDC provider: part of its redirect URI
# (/accounts/oidc/<id>/login/callback/), so it never follows the button label.
ENV_OIDC_PROVIDER_ID = "sso"

OIDC_VARIABLES = (
    "SSO_OIDC_NAME",
    "SSO_OIDC_ISSUER",
    "SSO_OIDC_CLIENT_ID",
    "SSO_OIDC_CLIENT_SECRET",
)

# Profile field → the claim (OIDC) or attribute (SAML) read for it, unless a provider's
# settings name another in "claims". SSO_CLAIM_<FIELD> overrides a default for every one.
DEFAULT_CLAIMS = {
    "email": "email",
    "email_verified": "email_verified",
    "first_name": "given_name",
    "last_name": "family_name",
    "department": "department",
    "job_title": "job_title",
    "joined_on": "joined_on",
}


class SsoConfigurationError(ValueError):
    pass


def oidc_apps_from_env(environ: Mapping[str, str]) -> list[dict]:
    """The allauth APPS entry for the environment's OIDC provider: none, or exactly one.

    A half-configured provider is refused by name rather than shown as a broken button.
    """
    values = {name: environ.get(name, "").strip() for name in OIDC_VARIABLES}
    if not any(values.values()):
        return []
    missing = [name for name in ("SSO_OIDC_ISSUER", "SSO_OIDC_CLIENT_ID") if not values[name]]
    if missing:
        raise SsoConfigurationError(
            f"{', '.join(missing)} must be set when any SSO_OIDC_ variable is set."
        )
    return [
        {
            "provider_id": ENV_OIDC_PROVIDER_ID,
            "name": values["SSO_OIDC_NAME"] or "your company",
            "client_id": values["SSO_OIDC_CLIENT_ID"],
            "secret": values["SSO_OIDC_CLIENT_SECRET"],
            "settings": {
                "server_url": values["SSO_OIDC_ISSUER"].rstrip("/"),
                # The confidential client sends its secret in the token request body or
                # as basic auth; most providers take basic auth (allauth's default).
                "token_auth_method": environ.get("SSO_OIDC_TOKEN_AUTH_METHOD", "")
                or "client_secret_basic",
                "oauth_pkce_enabled": True,
            },
        }
    ]


def claims_from_env(environ: Mapping[str, str]) -> dict[str, str]:
    return {
        field: environ.get(f"SSO_CLAIM_{field.upper()}", "").strip() or claim
        for field, claim in DEFAULT_CLAIMS.items()
    }
