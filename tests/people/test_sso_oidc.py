"""Single sign-on through a real OpenID Connect provider (oidc-provider, over HTTP).

Chorus's side runs in the test client; the provider is a real node process, and Chorus
exchanges the code for tokens with it over the loopback network.
"""

import re
from datetime import date, timedelta
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
import requests
from django.utils import timezone

from courses.models import Enrolment
from courses.services import onboarding_rule_create
from people.models import Department, User
from tests.courses.factories import make_course
from tests.idp.servers import oidc_app, oidc_authorize, oidc_end_session, oidc_start
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

JOINED = date(2026, 11, 20)
ACCOUNTS = {
    "nia": {
        "email": "nia.hill@acme.example",
        "email_verified": True,
        "given_name": "Nia",
        "family_name": "Hill",
        "department": "Field Sales",
        "job_title": "Account Executive",
        "joined_on": JOINED.isoformat(),
    },
    "ana": {
        "email": "ana@acme.example",
        "email_verified": True,
        "given_name": "Ana",
        "family_name": "Lopes",
        "department": "Sales",
        "job_title": "Sales Lead",
    },
    "mallory": {
        "email": "ana@acme.example",
        "email_verified": False,
        "given_name": "Mallory",
        "family_name": "Evil",
    },
}


@pytest.fixture(scope="module")
def idp(tmp_path_factory):
    provider = oidc_start(
        tmp_path_factory.mktemp("oidc"), accounts=ACCOUNTS, chorus_urls=["http://testserver"]
    )
    yield provider
    provider.stop()


@pytest.fixture
def sso(settings, idp):
    settings.PORTAL_BASE_URL = "http://testserver"  # where the provider sends people back
    settings.SOCIALACCOUNT_PROVIDERS = {
        **settings.SOCIALACCOUNT_PROVIDERS,
        "openid_connect": {"APPS": [oidc_app(idp.url)]},
    }
    return idp


def sign_in(client, login: str, browser: requests.Session | None = None):
    start = client.get("/accounts/oidc/sso/login/")
    assert start.status_code == 302, start.content
    back = oidc_authorize(start["Location"], login, stop_at="http://testserver/", session=browser)
    parts = urlsplit(back)
    return client.get(parts.path, {k: v[0] for k, v in parse_qs(parts.query).items()})


def test_login_page_offers_the_company_button(client, sso):
    html = client.get("/accounts/login/").content.decode()
    assert "Sign in with Acme" in html
    assert 'href="/accounts/oidc/sso/login/' in html


def test_a_new_hire_is_created_with_the_claims_and_enrolled_from_the_joining_date(client, sso):
    course, _, _ = make_course()
    onboarding_rule_create(
        course=course, due_days=14, created_at=timezone.now() - timedelta(days=60)
    )
    response = sign_in(client, "nia")
    assert response.status_code == 302 and response["Location"] == "/"
    user = User.objects.get(email="nia.hill@acme.example")
    assert (user.first_name, user.last_name, user.job_title) == ("Nia", "Hill", "Account Executive")
    assert user.department == Department.objects.get(name="Field Sales")  # created
    assert user.joined_on == JOINED
    assert not user.has_usable_password()
    enrolment = Enrolment.objects.get(user=user, course=course)
    assert enrolment.due_on == JOINED + timedelta(days=14)
    assert client.get("/").status_code == 200  # signed in: the dashboard opens


def test_a_second_sign_in_is_the_same_account(client, sso):
    sign_in(client, "nia")
    first = User.objects.get(email="nia.hill@acme.example")
    client.post("/accounts/logout/")
    sign_in(client, "nia")
    assert User.objects.filter(email="nia.hill@acme.example").count() == 1
    assert int(client.session["_auth_user_id"]) == first.pk


def test_a_verified_email_links_the_account_hr_created(client, sso):
    ana = UserFactory(username="ana", email="Ana@acme.example", job_title="")
    response = sign_in(client, "ana")
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == ana.pk
    ana.refresh_from_db()
    assert ana.job_title == "Sales Lead" and ana.department.name == "Sales"
    assert ana.has_usable_password()  # linking wipes nothing
    assert User.objects.count() == 1


def test_an_unverified_email_never_takes_over_an_account(client, sso):
    ana = UserFactory(username="ana", email="ana@acme.example", first_name="Ana")
    response = sign_in(client, "mallory")
    assert response.status_code == 403
    assert "did not confirm your email address" in response.content.decode()
    assert "_auth_user_id" not in client.session
    ana.refresh_from_db()
    assert ana.first_name == "Ana" and not ana.socialaccount_set.exists()
    assert User.objects.count() == 1


def test_a_callback_with_a_forged_state_is_refused_with_a_clear_page(client, sso):
    start = client.get("/accounts/oidc/sso/login/")
    back = oidc_authorize(start["Location"], "nia", stop_at="http://testserver/")
    query = {k: v[0] for k, v in parse_qs(urlsplit(back).query).items()}
    query["state"] = "forged-state-value"
    response = client.get("/accounts/oidc/sso/login/callback/", query)
    assert response.status_code == 400
    assert "Sign-in failed" in response.content.decode()
    assert not User.objects.exists()


def test_a_replayed_code_is_refused(client, sso):
    start = client.get("/accounts/oidc/sso/login/")
    back = oidc_authorize(start["Location"], "nia", stop_at="http://testserver/")
    parts = urlsplit(back)
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    assert client.get(parts.path, query).status_code == 302
    client.post("/accounts/logout/")
    replay = client.get(parts.path, query)
    assert replay.status_code == 400
    assert "_auth_user_id" not in client.session


def test_logout_hands_over_to_the_providers_end_session(client, sso):
    sign_in(client, "nia")
    response = client.post("/accounts/logout/")
    assert "_auth_user_id" not in client.session
    html = response.content.decode()
    assert response.status_code == 200
    assert f"{sso.url}/session/end?client_id=chorus" in html


def provider_answer(client, browser: requests.Session) -> str:
    """Start a sign-in and see what the provider does: send the browser straight back
    (its own session is open) or show its sign-in form."""
    response = browser.get(
        client.get("/accounts/oidc/sso/login/")["Location"], allow_redirects=False, timeout=10
    )
    for _ in range(12):
        if not response.is_redirect:
            return "sign-in form" if 'name="login"' in response.text else response.text[:300]
        location = urljoin(response.url, response.headers["Location"])
        if location.startswith("http://testserver/"):
            return "straight back"
        response = browser.get(location, allow_redirects=False, timeout=10)
    raise AssertionError("the provider never answered")


def test_following_the_end_session_link_ends_the_providers_session(client, sso):
    browser = requests.Session()  # the browser's cookies at the provider
    sign_in(client, "nia", browser)
    client.post("/accounts/logout/")
    assert provider_answer(client, browser) == "straight back"  # its session is still open

    sign_in(client, "nia", browser)
    html = client.post("/accounts/logout/").content.decode()
    end = re.search(r'<a class="button" href="([^"]+)"', html).group(1).replace("&amp;", "&")
    back = oidc_end_session(end, browser, stop_at="http://testserver/")
    assert back == "http://testserver/accounts/login/"  # post_logout_redirect_uri
    assert provider_answer(client, browser) == "sign-in form"  # its session ended too
