"""Print what an identity provider needs to know about Chorus, for every configured provider."""

from allauth.socialaccount.adapter import get_adapter
from django.conf import settings
from django.core.management.base import BaseCommand
from django.urls import reverse


class Command(BaseCommand):
    help = "Print the redirect URIs (OIDC) and ACS/metadata URLs (SAML) of each sign-in provider."

    def handle(self, *args, **options):
        base = settings.PORTAL_BASE_URL
        apps = get_adapter().list_apps(None)
        self.stdout.write(f"Chorus at {base}")
        self.stdout.write(
            "Password sign-in: "
            + (
                "everyone"
                if settings.SSO_PASSWORD_LOGIN
                else "break-glass administrators only: "
                + (", ".join(sorted(settings.SSO_BREAK_GLASS_USERS)) or "(none named)")
            )
        )
        self.stdout.write(
            f"Two-factor before the admin (password sign-ins): "
            f"{'required' if settings.SSO_ADMIN_MFA else 'off (SSO_ADMIN_MFA)'}"
        )
        if not apps:
            self.stdout.write(
                "No single sign-on provider is configured (see README, Single sign-on)."
            )
        for app in apps:
            self.stdout.write("")
            self._app(base, app)

    def _app(self, base: str, app) -> None:
        source = "environment" if app.pk is None else "admin"
        self.stdout.write(f"{app.name} ({app.provider}, from the {source})")
        if app.provider == "openid_connect":
            callback = reverse("openid_connect_callback", kwargs={"provider_id": app.provider_id})
            self.stdout.write(f"  issuer:        {app.settings.get('server_url', '')}")
            self.stdout.write(f"  client id:     {app.client_id}")
            self.stdout.write(f"  redirect URI:  {base}{callback}")
            self.stdout.write(f"  logout return: {base}{reverse('login')}")
        elif app.provider == "saml":
            slug = {"organization_slug": app.client_id}
            self.stdout.write(f"  entity id:     {base}{reverse('saml_metadata', kwargs=slug)}")
            self.stdout.write(f"  ACS URL:       {base}{reverse('saml_acs', kwargs=slug)}")
            self.stdout.write(f"  SLO URL:       {base}{reverse('saml_sls', kwargs=slug)}")
            self.stdout.write(f"  metadata:      {base}{reverse('saml_metadata', kwargs=slug)}")
