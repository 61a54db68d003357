"""Control characters in the path or in parameters are refused up front, never a 500.

PostgreSQL rejects NUL in any text value, so before `RejectControlCharactersMiddleware`
the first two URLs below were a 500 there (and a quiet 404 on SQLite).
"""

import pytest
from django.test import Client

from sharing.models import Share
from tests.people.factories import EditorFactory, UserFactory
from tests.sharing.factories import advocate_make, post_create

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    # A 500 would come back as a response (and fail the status check), not an exception.
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


@pytest.fixture
def employee_client():
    return client_for(UserFactory())


@pytest.fixture
def editor_client():
    return client_for(EditorFactory())


BAD_PATHS = [
    "/l/abc%00",
    "/training/certificates/AB%00/",
    "/badges/a/%00/",
    "/badges/classes/badge%00.json",
    "/me/%1f/",
    "/l/abc%7f",
    "/%00",
]


@pytest.mark.parametrize("url", BAD_PATHS)
def test_a_control_character_in_the_path_is_a_not_found_page(employee_client, url):
    response = employee_client.get(url)
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html and 'class="site-header"' in html


@pytest.mark.parametrize("url", ["/admin/pages/%00/", "/admin/%01"])
def test_a_control_character_in_an_admin_path_is_a_not_found_page(editor_client, url):
    assert editor_client.get(url).status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/?q=%00",
        "/?q%00=1",
        "/training/?page=1%1b",
        "/me/?tab=%09",
        "/l/abc?utm=%0a",
        "/training/certificates/AB/?x=%7f",
    ],
)
def test_a_control_character_in_a_query_parameter_is_a_bad_request(employee_client, url):
    response = employee_client.get(url)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Bad request" in html and 'class="site-header"' in html


def test_a_control_character_in_an_admin_search_is_a_bad_request(editor_client):
    assert editor_client.get("/admin/pages/search/?q=%01").status_code == 400


def test_an_anonymous_visitor_gets_the_same_answer_as_a_signed_in_one():
    client = Client(raise_request_exception=False)
    assert client.get("/l/abc%00").status_code == 404
    assert client.get("/training/certificates/AB%00/").status_code == 404
    assert client.get("/?q=%00").status_code == 400


@pytest.mark.parametrize(
    "data",
    [
        {"username": "ana\x00", "password": "pw"},
        {"username": "ana", "password": "p\x00w"},
        {"username": "ana\x1b", "password": "pw"},
        {"username\x00": "ana", "password": "pw"},
    ],
)
def test_a_login_post_with_a_control_character_is_a_bad_request(data):
    UserFactory(username="ana", password="pw")
    client = Client(raise_request_exception=False)
    response = client.post("/accounts/login/", data)
    assert response.status_code == 400
    assert "_auth_user_id" not in client.session


def test_an_ordinary_login_still_works():
    UserFactory(username="ana", password="pw")
    client = Client(raise_request_exception=False)
    response = client.post("/accounts/login/", {"username": "ana", "password": "pw"})
    assert response.status_code == 302


def test_tabs_and_line_breaks_in_a_caption_are_kept():
    post = post_create(captions={"linkedin": ["Proud of this one."]})
    user = advocate_make()
    response = client_for(user).post(
        f"/share/posts/{post.pk}/linkedin/",
        {"text": "Line one\r\n\tLine two\nLine three", "include_disclosure": "", "variant": "0"},
    )
    assert response.status_code == 200
    caption = Share.objects.get(user=user).caption
    assert "\tLine two\nLine three" in caption


@pytest.mark.parametrize("char", ["\x00", "\x0b", "\x1f", "\x7f"])
def test_other_control_characters_in_a_caption_are_a_bad_request(char):
    post = post_create(captions={"linkedin": ["Proud of this one."]})
    user = advocate_make()
    response = client_for(user).post(
        f"/share/posts/{post.pk}/linkedin/",
        {"text": f"Proud{char}", "include_disclosure": "", "variant": "0"},
    )
    assert response.status_code == 400
    assert "Bad request" in response.content.decode()
    assert not Share.objects.filter(user=user).exists()


def test_a_control_character_in_a_cookie_is_a_bad_request():
    client = Client(raise_request_exception=False)
    client.cookies["sessionid"] = "\x00abcdefghijklmnop"
    assert client.get("/").status_code == 400
