"""Admin screens for sign-in: identity providers (allauth's SocialApp) and lockouts.

Programme admins hold the permissions for both (people/roles.py). Deleting a lockout
unlocks that username from that address at once.
"""

from allauth.socialaccount.models import SocialApp
from axes.models import AccessAttempt
from django import forms
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from portal.extensions import DEMO_SEED

PROVIDER_HELP = """
<p><strong>OIDC</strong>: provider <code>openid_connect</code>, an id (part of the redirect URI
<code>/accounts/oidc/&lt;id&gt;/login/callback/</code>), the client id and secret, and settings
<code>{"server_url": "https://idp.example.com/realms/acme"}</code>.</p>
<p><strong>SAML</strong>: provider <code>saml</code>, the client id is the organisation slug
(ACS <code>/accounts/saml/&lt;slug&gt;/acs/</code>, metadata
<code>/accounts/saml/&lt;slug&gt;/metadata/</code>), and settings with <code>idp</code>
(<code>entity_id</code>, <code>sso_url</code>, <code>slo_url</code>, <code>x509cert</code> or
<code>metadata_url</code>) and <code>attribute_mapping</code>. Optional <code>claims</code>
maps profile fields (department, job_title, joined_on, …) to claim or attribute names.</p>
<p><code>manage.py sso_info</code> prints every redirect URI.</p>
"""


class SocialAppForm(forms.ModelForm):
    provider = forms.ChoiceField(
        choices=[("openid_connect", "OpenID Connect"), ("saml", "SAML 2.0")]
    )


class SignInProviderViewSet(ModelViewSet):
    model = SocialApp
    icon = "key"
    menu_label = "Sign-in providers"
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = ["name", "provider", "provider_id", "client_id"]
    panels = [
        HelpPanel(content=PROVIDER_HELP),
        FieldPanel("provider"),
        FieldPanel("provider_id"),
        FieldPanel("name"),
        FieldPanel("client_id"),
        FieldPanel("secret"),
        FieldPanel("settings"),
    ]

    def get_form_class(self, for_update=False):
        base = super().get_form_class(for_update)
        return type("SignInProviderForm", (SocialAppForm, base), {})


class LockoutViewSet(ModelViewSet):
    model = AccessAttempt
    icon = "lock"
    menu_label = "Sign-in lockouts"
    add_view_enabled = False
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = ["username", "ip_address", "failures_since_start", "attempt_time"]
    search_fields = ["username", "ip_address"]
    form_fields = []

    def get_urlpatterns(self):
        # Read and unlock (delete) only: an attempt is a record, never edited.
        return [p for p in super().get_urlpatterns() if p.name not in {"add", "edit", "copy"}]


class SignInGroup(ViewSetGroup):
    menu_label = "Sign-in"
    menu_icon = "key"
    menu_order = 850
    items = (SignInProviderViewSet("sign_in_providers"), LockoutViewSet("sign_in_lockouts"))


@hooks.register("register_admin_viewset")
def register_sign_in():
    return SignInGroup()


def seed_roles(*, stdout) -> int:
    """Late in the demo seed, once the course and content-library pages exist: the roles'
    page grants (publishing, retraction) attach to those pages."""
    from people.roles import roles_sync

    roles_sync()
    return 0


hooks.register(DEMO_SEED, seed_roles, order=990)
