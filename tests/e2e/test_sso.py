"""A new hire's first day through single sign-on, in a real browser, against a real OIDC
provider (configured from the environment) and a real SAML IdP (configured in the
database, as an admin would)."""

import json
from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.conftest import screenshot
from tests.idp.servers import free_port, oidc_start, saml_app_settings, saml_start

TODAY = timezone.localdate()
JOINED = TODAY - timedelta(days=2)
OIDC_ACCOUNTS = {
    "lena": {
        "email": "lena.kraus@northwind.example",
        "email_verified": True,
        "given_name": "Lena",
        "family_name": "Kraus",
        "department": "Partnerships",
        "job_title": "Partner Manager",
        "joined_on": JOINED.isoformat(),
    }
}
SAML_ACCOUNTS = {
    "omar": {
        "attributes": {
            "uid": "omar-1",
            "email": "omar.haddad@northwind.example",
            "email_verified": "true",
            "first_name": "Omar",
            "last_name": "Haddad",
            "department": "Legal",
            "job_title": "Counsel",
            "joined_on": JOINED.isoformat(),
        }
    }
}
PROFILE = """
import json
from courses.models import Enrolment
from people.models import User
u = User.objects.get(email="{email}")
print(json.dumps({{"department": u.department.name, "joined": str(u.joined_on),
    "due": [str(e.due_on) for e in Enrolment.objects.filter(user=u)],
    "accounts": User.objects.filter(email="{email}").count()}}))
"""
ADD_SAML_APP = """
import json
from allauth.socialaccount.models import SocialApp
SocialApp.objects.create(provider="saml", provider_id="northwind", name="Northwind SAML",
    client_id="northwind", settings=json.loads({settings!r}))
"""


def profile(server, email: str) -> dict:
    output = server.manage("shell", "-c", PROFILE.format(email=email))
    return json.loads(output.strip().splitlines()[-1])


def test_a_new_hire_signs_in_through_oidc(live_server_factory, new_context, tmp_path):
    port = free_port()
    server = live_server_factory(
        SSO_OIDC_NAME="Northwind",
        SSO_OIDC_ISSUER=f"http://127.0.0.1:{port}",
        SSO_OIDC_CLIENT_ID="chorus",
        SSO_OIDC_CLIENT_SECRET="chorus-test-client-secret-0123456789",
    )
    idp = oidc_start(tmp_path, accounts=OIDC_ACCOUNTS, chorus_urls=[server.url], port=port)
    try:
        page = new_context().new_page()
        for visit in range(2):  # the second sign-in finds the same account
            page.goto(f"{server.url}/accounts/login/")
            page.get_by_role("link", name="Sign in with Northwind").click()
            if visit == 0:  # later, the provider remembers its own session
                page.locator("input[name=login]").fill("lena")
                page.locator("input[name=password]").fill("any")
                page.locator("button[type=submit]").click()
            page.wait_for_url(f"{server.url}/")
            expect(page.get_by_text("Partner Manager · Partnerships")).to_be_visible()
            expect(page.locator("#my-training")).to_contain_text("Social media")
            if visit == 0:
                screenshot(page, "sso-oidc-dashboard")
                page.get_by_role("button", name="Log out").click()
                expect(
                    page.get_by_role("heading", name="You are logged out of Chorus")
                ).to_be_visible()
        found = profile(server, "lena.kraus@northwind.example")
        assert found["department"] == "Partnerships" and found["joined"] == str(JOINED)
        assert found["due"] == [str(JOINED + timedelta(days=14))]
        assert found["accounts"] == 1
    finally:
        idp.stop()


def test_a_new_hire_signs_in_through_saml(server, new_context, tmp_path):
    idp = saml_start(tmp_path, accounts=SAML_ACCOUNTS)
    try:
        settings = saml_app_settings(
            idp, department="department", job_title="job_title", joined_on="joined_on"
        )
        server.manage("shell", "-c", ADD_SAML_APP.format(settings=json.dumps(settings)))
        page = new_context().new_page()
        page.goto(f"{server.url}/accounts/login/")
        page.get_by_role("link", name="Sign in with Northwind SAML").click()
        page.get_by_label("Login").fill("omar")
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url(f"{server.url}/")
        expect(page.get_by_text("Counsel · Legal")).to_be_visible()
        found = profile(server, "omar.haddad@northwind.example")
        assert found["department"] == "Legal"
        assert found["due"] == [str(JOINED + timedelta(days=14))]
    finally:
        idp.stop()
