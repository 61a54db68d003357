"""The admin roles: each sees exactly its menus, and every other role's pages are refused."""

import json
import re
from io import StringIO

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse

from people import roles
from people.demo import ROLE_USERS
from people.models import User
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db

# Admin URL groups: what each role's work is, as addresses.
URL_GROUPS = {
    "content": lambda: ["/admin/pages/", "/admin/images/", "/admin/snippets/sharing/campaign/"],
    "moderation": lambda: [reverse("sharing_suggestion:index")],
    "programme": lambda: [
        "/admin/settings/sharing/sharingsettings/",
        "/admin/settings/leaderboard/pointssettings/",
        reverse("onboarding_rules:index"),
        "/admin/snippets/leaderboard/badge/",
        reverse("wagtailusers_users:index"),
        reverse("sign_in_providers:index"),
        reverse("sign_in_lockouts:index"),
    ],
    "reports": lambda: [reverse("chorus_reports:training"), reverse("chorus_reports:advocacy")],
}
ALLOWED = {
    roles.CONTENT_EDITORS: {"content"},
    roles.MODERATORS: {"moderation"},
    roles.PROGRAMME_ADMINS: {"programme"},
    roles.REPORT_VIEWERS: {"reports"},
}
# Top-level admin menus that belong to one role each.
MENUS = {
    roles.CONTENT_EDITORS: {"Pages", "Images", "Documents"},
    roles.MODERATORS: {"Suggestions"},
    roles.PROGRAMME_ADMINS: {"Training", "Recognition", "Sign-in", "Settings"},
    roles.REPORT_VIEWERS: {"Chorus reports"},
}


@pytest.fixture(autouse=True)
def _roles():
    roles.roles_sync()  # as after migrate, on this test's page tree


def member(*names: str):
    user = UserFactory()
    user.groups.add(*Group.objects.filter(name__in=names))
    return user


def top_menus(client) -> set[str]:
    html = client.get("/admin/").content.decode()
    props = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S
    )
    data = json.loads(props.group(1))
    menu = next(
        module
        for module in data["modules"]
        if module.get("_type") == "wagtail.sidebar.MainMenuModule"
    )
    return {item["_args"][0]["label"] for item in menu["_args"][0]}


@pytest.mark.parametrize("role", roles.ROLES)
def test_each_role_sees_exactly_its_menus(client, role):
    client.force_login(member(role))
    menus = top_menus(client)
    assert MENUS[role] <= menus
    others = set().union(*(m for r, m in MENUS.items() if r != role))
    assert not menus & others, menus & others


@pytest.mark.parametrize("role", roles.ROLES)
@pytest.mark.parametrize("group", URL_GROUPS)
def test_each_admin_url_group_opens_for_its_role_only(client, role, group):
    client.force_login(member(role))
    for url in URL_GROUPS[group]():
        if group in ALLOWED[role]:
            assert opens(client, url), url
        else:
            assert not opens(client, url), url


def opens(client, url: str) -> bool:
    """Wagtail answers a refused admin page by sending the person back to the dashboard
    with a message (or a 403); an allowed one ends on its own page."""
    response = client.get(url, follow=True)
    last = response.redirect_chain[-1][0] if response.redirect_chain else url
    return response.status_code == 200 and last != "/admin/"


def test_a_person_can_hold_several_roles(client):
    client.force_login(member(roles.MODERATORS, roles.REPORT_VIEWERS))
    assert opens(client, reverse("sharing_suggestion:index"))
    assert opens(client, reverse("chorus_reports:training"))
    assert not opens(client, reverse("sign_in_providers:index"))


def test_sync_removes_a_permission_added_to_a_role_by_hand():
    group = Group.objects.get(name=roles.REPORT_VIEWERS)
    group.permissions.add(Permission.objects.get(codename="change_user"))
    roles.roles_sync()
    assert not group.permissions.filter(codename="change_user").exists()


def test_seed_demo_gives_hr_every_role_and_one_user_per_role(settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=StringIO())
    hr = User.objects.get(username="hr")
    assert set(roles.ROLES) <= set(hr.groups.values_list("name", flat=True))
    for username, _, _, role, _, _ in ROLE_USERS:
        groups = User.objects.get(username=username).groups.values_list("name", flat=True)
        assert list(groups) == [role]
