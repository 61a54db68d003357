"""Who may open what."""

import pytest
from django.urls import reverse

from tests.people.factories import EditorFactory, UserFactory

pytestmark = pytest.mark.django_db

PROTECTED = ["/", "/me/", "/me/export.json"]
PUBLIC = ["/accounts/login/", "/healthz", "/accounts/password_reset/"]


@pytest.mark.parametrize("url", PROTECTED)
def test_anonymous_visitors_are_sent_to_login_and_back(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={url}"


@pytest.mark.parametrize("url", PUBLIC)
def test_public_pages_need_no_login(client, url):
    assert client.get(url).status_code == 200


def test_login_returns_to_the_page_asked_for(client):
    UserFactory(username="ana", password="pw")
    response = client.post(reverse("login"), {"username": "ana", "password": "pw", "next": "/me/"})
    assert response.status_code == 302
    assert response["Location"] == "/me/"


def test_the_login_form_carries_the_page_asked_for(client):
    # A person sent to the login page from /me/ comes back there after the form.
    page = client.get(f"{reverse('login')}?next=/me/").content.decode()
    assert '<input type="hidden" name="next" value="/me/">' in page


def test_login_ignores_a_foreign_next(client):
    UserFactory(username="ana", password="pw")
    response = client.post(
        reverse("login"),
        {"username": "ana", "password": "pw", "next": "https://evil.example/"},
    )
    assert response["Location"] == "/"


def test_wrong_password_says_so_and_logs_nobody_in(client):
    UserFactory(username="ana", password="pw")
    response = client.post(reverse("login"), {"username": "ana", "password": "nope"})
    assert response.status_code == 200
    assert "correct username and password" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_logout_is_post_only(client):
    client.force_login(UserFactory())
    assert client.get(reverse("logout")).status_code == 405
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert client.get("/me/").status_code == 302


def test_unknown_page_is_a_friendly_404(client):
    client.force_login(UserFactory())
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_admin_refuses_employees_with_a_clear_no_access_page(client):
    client.force_login(UserFactory())
    response = client.get("/admin/")
    assert response.status_code == 403
    assert "No access" in response.content.decode()


def test_admin_opens_for_editors(client):
    client.force_login(EditorFactory())
    response = client.get("/admin/")
    assert response.status_code == 200


def test_anonymous_admin_visit_goes_to_login(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_navigation_shows_admin_only_to_editors(client):
    client.force_login(UserFactory())
    assert 'href="/admin/"' not in client.get("/me/").content.decode()
    client.force_login(EditorFactory())
    assert 'href="/admin/"' in client.get("/me/").content.decode()
