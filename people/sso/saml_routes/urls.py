"""allauth's SAML provider URLs (allauth/socialaccount/providers/saml/urls.py), the same
paths and names, with each view imported on its first request: allauth's SAML views import
onelogin, lxml and xmlsec (7 MB a process), which only a SAML sign-in or logout needs."""

from django.urls import include, path, re_path

from portal.lazy_views import lazy_view

VIEWS = "allauth.socialaccount.providers.saml.views"
# login_required=False: allauth marks every SAML view login_not_required; the IdP posts
# the ACS and SLS views without a CSRF token.
acs = lazy_view(f"{VIEWS}.acs", csrf_exempt=True, login_required=False)
finish_acs = lazy_view(f"{VIEWS}.finish_acs", login_required=False)
sls = lazy_view(f"{VIEWS}.sls", csrf_exempt=True, login_required=False)
metadata = lazy_view(f"{VIEWS}.metadata", login_required=False)
login = lazy_view(f"{VIEWS}.login", login_required=False)

urlpatterns = [
    re_path(
        r"^saml/(?P<organization_slug>[^/]+)/",
        include(
            [
                path("acs/", acs, name="saml_acs"),
                path("acs/finish/", finish_acs, name="saml_finish_acs"),
                path("sls/", sls, name="saml_sls"),
                path("metadata/", metadata, name="saml_metadata"),
                path("login/", login, name="saml_login"),
            ]
        ),
    )
]
