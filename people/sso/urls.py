"""Sign-in pages on the fixed /accounts/ addresses, ahead of allauth's own (portal/urls.py)."""

from allauth.account import views as allauth_views
from django.urls import path

from portal.lazy_views import lazy_view

# people.sso.views imports allauth's SAML helpers (onelogin, lxml, xmlsec), which only a
# logout from a SAML provider needs: the views load on their first request.
login = lazy_view("people.sso.views.LoginView", as_view=True, login_required=False)
logout = lazy_view("people.sso.views.LogoutView", as_view=True)

urlpatterns = [
    path("login/", login, name="login"),
    path("logout/", logout, name="logout"),
    # allauth's reset form: rate-limited per address and per email (ACCOUNT_RATE_LIMITS).
    path("password_reset/", allauth_views.password_reset, name="password_reset"),
]
