"""Sign-in pages on the fixed /accounts/ addresses, ahead of allauth's own (portal/urls.py)."""

from allauth.account import views as allauth_views
from django.urls import path

from people.sso import views

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    # allauth's reset form: rate-limited per address and per email (ACCOUNT_RATE_LIMITS).
    path("password_reset/", allauth_views.password_reset, name="password_reset"),
]
