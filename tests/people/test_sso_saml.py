"""Single sign-on through a real SAML 2.0 identity provider (Auth0's samlp, over HTTP).

The provider is configured as an admin would: a SocialApp row with its entity id, sign-in
URL, certificate and attribute names.
"""

import base64
import html
import re
from datetime import date, timedelta
from urllib.parse import parse_qsl, urlsplit

import pytest
import requests
from allauth.socialaccount.models import SocialApp
from django.contrib.auth.signals import user_logged_out
from django.utils import timezone

from courses.models import Enrolment
from courses.services import onboarding_rule_create
from people.models import User
from tests.courses.factories import make_course
from tests.idp.servers import (
    saml_app_settings,
    saml_idp_sessions,
    saml_sign_in_at_idp,
    saml_start,
)
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db

JOINED = date(2026, 10, 1)
ACCOUNTS = {
    "tom": {
        "attributes": {
            "uid": "tom-0001",
            "email": "tom.berg@acme.example",
            "email_verified": "true",
            "first_name": "Tom",
            "last_name": "Berg",
            "dept": "Support",
            "title": "Support Engineer",
            "hired": JOINED.isoformat(),
        }
    },
    "lia": {
        "attributes": {
            "uid": "lia-0003",
            "email": "lia.moreau@acme.example",
            "email_verified": "true",
            "first_name": "Lia",
            "last_name": "Moreau",
        }
    },
    "eve": {
        "attributes": {
            "uid": "eve-0002",
            "email": "ana@acme.example",
            "email_verified": "false",
            "first_name": "Eve",
            "last_name": "Evil",
        }
    },
}


@pytest.fixture(scope="module")
def idp(tmp_path_factory):
    provider = saml_start(tmp_path_factory.mktemp("saml"), accounts=ACCOUNTS)
    yield provider
    provider.stop()


@pytest.fixture
def sso(idp, client):
    # python3-saml builds its URLs from the Host header, and refuses a one-label host name.
    client.defaults["HTTP_HOST"] = "127.0.0.1"
    SocialApp.objects.create(
        provider="saml",
        provider_id="acme-saml",
        name="Acme SAML",
        client_id="acme",
        settings=saml_app_settings(idp, department="dept", job_title="title", joined_on="hired"),
    )
    return idp


def start(client) -> str:
    response = client.get("/accounts/saml/acme/login/")
    assert response.status_code == 302, response.content
    return response["Location"]


def post_to_acs(client, action: str, fields: dict):
    assert action.startswith("http://127.0.0.1/accounts/saml/acme/acs/")
    response = client.post(urlsplit(action).path, fields)
    while response.status_code == 302 and response["Location"].startswith("/accounts/saml/"):
        response = client.get(response["Location"])
    return response


def sign_in(client, login: str, **kwargs):
    action, fields = saml_sign_in_at_idp(start(client), login, **kwargs)
    return post_to_acs(client, action, fields)


def test_the_login_page_offers_the_saml_button(client, sso):
    assert "Sign in with Acme SAML" in client.get("/accounts/login/").content.decode()


def test_a_new_hire_is_created_from_the_attributes_and_enrolled(client, sso):
    course, _, _ = make_course()
    onboarding_rule_create(
        course=course, due_days=14, created_at=timezone.now() - timedelta(days=90)
    )
    response = sign_in(client, "tom")
    assert response.status_code == 302 and response["Location"] == "/"
    tom = User.objects.get(email="tom.berg@acme.example")
    assert (tom.first_name, tom.job_title, tom.department.name) == (
        "Tom",
        "Support Engineer",
        "Support",
    )
    assert tom.joined_on == JOINED
    assert Enrolment.objects.get(user=tom, course=course).due_on == JOINED + timedelta(days=14)


def test_a_second_sign_in_is_the_same_account(client, sso):
    sign_in(client, "tom")
    client.post("/accounts/logout/")
    sign_in(client, "tom")
    assert User.objects.filter(email="tom.berg@acme.example").count() == 1
    assert "_auth_user_id" in client.session


def test_a_forged_assertion_is_refused_with_a_clear_page(client, sso):
    action, fields = saml_sign_in_at_idp(start(client), "tom")
    xml = base64.b64decode(fields["SAMLResponse"]).decode()
    forged = xml.replace("tom.berg@acme.example", "ceo@acme.example")
    assert forged != xml
    fields["SAMLResponse"] = base64.b64encode(forged.encode()).decode()
    response = post_to_acs(client, action, fields)
    assert response.status_code == 400
    assert "Sign-in failed" in response.content.decode()
    assert not User.objects.exists()


def test_an_expired_assertion_is_refused(client, sso):
    response = sign_in(client, "tom", lifetime=-900)
    assert response.status_code == 400
    assert "Sign-in failed" in response.content.decode()
    assert not User.objects.exists()


def test_an_unverified_email_never_takes_over_an_account(client, sso):
    ana = UserFactory(username="ana", email="ana@acme.example")
    response = sign_in(client, "eve")
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session
    assert not ana.socialaccount_set.exists()


def get_at_chorus(client, url: str):
    parts = urlsplit(url)
    assert parts.netloc == "127.0.0.1", url
    return client.get(parts.path, dict(parse_qsl(parts.query)))


def test_logout_ends_the_idp_session_through_single_logout(client, sso):
    sign_in(client, "lia")
    assert saml_idp_sessions(sso).count("lia.moreau@acme.example") == 1
    response = client.post("/accounts/logout/")
    assert "_auth_user_id" not in client.session  # Chorus's own session ends at once
    page = response.content.decode()
    assert "You are logged out of Chorus" in page
    slo = html.unescape(re.search(r'<a class="button" href="([^"]+)"', page).group(1))
    assert slo.startswith(f"{sso.url}/saml/slo?SAMLRequest=")

    # The browser follows it: the IdP ends its session and answers Chorus's SLS.
    answer = requests.get(slo, allow_redirects=False, timeout=10)
    assert answer.status_code == 302, answer.text[:500]
    assert answer.headers["Location"].startswith("http://127.0.0.1/accounts/saml/acme/sls/")
    back = get_at_chorus(client, answer.headers["Location"])
    assert (back.status_code, back["Location"]) == (302, "/accounts/login/")  # accepted
    assert "lia.moreau@acme.example" not in saml_idp_sessions(sso)


def test_a_logout_started_at_the_idp_ends_the_chorus_session(client, sso):
    sign_in(client, "lia")
    assert "_auth_user_id" in client.session
    logged_out = []

    def heard(sender, user, **kwargs):
        logged_out.append(user.username)  # what closes the session's sockets

    user_logged_out.connect(heard)
    try:
        # The IdP sends a LogoutRequest to each SP where Lia has a session, in turn,
        # through the browser, and ends on its own page.
        response = requests.get(
            f"{sso.url}/saml/slo", params={"login": "lia"}, allow_redirects=False, timeout=10
        )
        for _ in range(50):
            if not response.is_redirect:
                break
            answer = get_at_chorus(client, response.headers["Location"])
            assert answer.status_code == 302, answer.content[:500]
            response = requests.get(answer["Location"], allow_redirects=False, timeout=10)
    finally:
        user_logged_out.disconnect(heard)
    assert response.status_code == 200, response.text[:500]
    assert "_auth_user_id" not in client.session
    assert logged_out == [User.objects.get(email="lia.moreau@acme.example").username]
    assert "lia.moreau@acme.example" not in saml_idp_sessions(sso)


def test_without_an_slo_url_logout_stays_local(client, idp):
    client.defaults["HTTP_HOST"] = "127.0.0.1"
    SocialApp.objects.create(
        provider="saml",
        provider_id="acme-saml",
        name="Acme SAML",
        client_id="acme",
        settings=saml_app_settings(idp, slo=False),
    )
    sign_in(client, "lia")
    response = client.post("/accounts/logout/")
    assert (response.status_code, response["Location"]) == (302, "/accounts/login/")
    assert "_auth_user_id" not in client.session
