"""Sign-in settings (people/sso/, README "Single sign-on"), star-imported by base.py.

django-allauth for the password form, OIDC and SAML single sign-on and MFA; django-axes
counts failed password sign-ins.
"""

import os
from datetime import timedelta

from .env import env_bool, env_int, env_list, env_str
from .sso import claims_from_env, oidc_apps_from_env

AUTHENTICATION_BACKENDS = [
    "people.sso.backends.ThrottleBackend",
    "people.sso.backends.PasswordBackend",
]
ACCOUNT_ADAPTER = "people.sso.adapters.AccountAdapter"
SOCIALACCOUNT_ADAPTER = "people.sso.adapters.SocialAccountAdapter"
ACCOUNT_FORMS = {"login": "people.sso.forms.LoginForm"}
ACCOUNT_LOGIN_METHODS = {"username"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "email", "password1*"]
ACCOUNT_EMAIL_VERIFICATION = "none"  # HR and the identity provider vouch for addresses
ACCOUNT_SESSION_REMEMBER = True
ACCOUNT_AUTHENTICATED_LOGIN_REDIRECTS = False  # the login page explains a refused page
ACCOUNT_LOGOUT_REDIRECT_URL = "login"
# Failed sign-ins are axes' to count; allauth keeps its limit on password-reset emails.
ACCOUNT_RATE_LIMITS = {
    "login_failed": False,
    "reset_password": env_str("RATE_LIMIT_PASSWORD_RESET", "5/m/ip,3/h/key"),
}
SOCIALACCOUNT_AUTO_SIGNUP = True  # just-in-time accounts on a first single sign-on
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False  # linking by email is the adapter's rule
# The "Sign in with …" buttons are links: a form posting to a redirect to the identity
# provider would be stopped by the Content-Security-Policy's form-action.
SOCIALACCOUNT_LOGIN_ON_GET = True
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_PROVIDERS = {
    "openid_connect": {"APPS": oidc_apps_from_env(os.environ), "OAUTH_PKCE_ENABLED": True},
    # Keeps the assertion's NameID and SessionIndex for single logout (people/sso/saml.py).
    "saml": {"provider_class": "people.sso.saml.ChorusSAMLProvider"},
}
SSO_CLAIMS = claims_from_env(os.environ)
SSO_PASSWORD_LOGIN = env_bool("SSO_PASSWORD_LOGIN", True)
SSO_BREAK_GLASS_USERS = {name.lower() for name in env_list("SSO_BREAK_GLASS_USERS")}
SSO_ADMIN_MFA = env_bool("SSO_ADMIN_MFA", True)
# Security keys and passkeys (WebAuthn, through fido2) as a second factor beside TOTP.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
# WebAuthn needs https (or http://localhost); this lets a plain-http dev server register keys.
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = env_bool("MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN", False)
MFA_TOTP_ISSUER = env_str("MFA_TOTP_ISSUER", "Chorus")
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "people.sso.throttle.attempt_username"
AXES_LOCKOUT_CALLABLE = "people.sso.throttle.lockout_response"
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ADMIN = False  # unlocking is in the Wagtail admin (people/sso/wagtail_hooks.py)
AXES_VERBOSE = False
# The client address: the connection's own, unless LOGIN_PROXY_COUNT trusted proxies add
# X-Forwarded-For (a header anyone can send would otherwise pick the lock they fall under).
AXES_IPWARE_PROXY_COUNT = env_int("LOGIN_PROXY_COUNT", 0) or None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if AXES_IPWARE_PROXY_COUNT else ["REMOTE_ADDR"]
)
# SCIM: where a User resource carries the joining date (people/scim/provider.py).
SCIM_JOINED_ON_ATTRIBUTE = env_str(
    "SCIM_JOINED_ON_ATTRIBUTE", "urn:ietf:params:scim:schemas:extension:chorus:2.0:User:joinedOn"
)
