"""The main navigation: each app adds its entry; a section appears once its page is live."""

import re

import pytest

from tests.courses.factories import home_page
from tests.people.factories import UserFactory
from tests.policies.factories import PolicyPageFactory

pytestmark = pytest.mark.django_db


def nav(client) -> list[tuple[str, str]]:
    html = client.get("/me/").content.decode()
    block = re.search(r'<nav aria-label="Main".*?</nav>', html, re.S).group(0)
    return re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', block)


def test_an_employee_sees_the_sections_that_exist_and_no_admin(client):
    home_page()
    client.force_login(UserFactory())
    assert nav(client) == [("/", "Dashboard"), ("/leaderboard/", "Leaderboard"), ("/me/", "Me")]


def test_a_published_section_appears_and_is_marked_current(client):
    policy = PolicyPageFactory(slug="policy")
    client.force_login(UserFactory())
    assert ("/policy/", "Policy") in nav(client)
    html = client.get(policy.url).content.decode()
    assert '<a href="/policy/" aria-current="page">Policy</a>' in html


def test_an_editor_also_sees_the_admin(client):
    home_page()
    editor = UserFactory(is_superuser=True)
    client.force_login(editor)
    assert nav(client)[-1] == ("/admin/", "Admin")
