"""Password sign-in: two-factor before the admin, and switching passwords off under SSO."""

import re
import time

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.contrib.auth.models import Group
from django.urls import reverse

from people.roles import CONTENT_EDITORS
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db


def password_login(client, username: str):
    return client.post(reverse("login"), {"username": username, "password": "pw"})


def totp_now(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


@pytest.fixture
def editor():
    user = UserFactory(username="eda")
    user.groups.add(Group.objects.get(name=CONTENT_EDITORS))
    return user


def test_the_admin_waits_for_two_factor_after_a_password_sign_in(client, editor):
    assert password_login(client, "eda").status_code == 302
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_activate_totp"))
    assert client.get("/admin/pages/").status_code == 302  # every admin page, not just home
    assert client.get("/me/").status_code == 200  # the portal itself is open


def test_setting_up_totp_opens_the_admin_and_recovery_codes_work_next_time(client, editor):
    password_login(client, "eda")
    # Changing how one signs in asks for the password once more (allauth's reauthentication).
    ask = client.get(reverse("mfa_activate_totp"))
    assert ask["Location"].startswith(reverse("account_reauthenticate"))
    confirmed = client.post(ask["Location"], {"password": "pw"})
    assert confirmed["Location"] == reverse("mfa_activate_totp")
    page = client.get(reverse("mfa_activate_totp")).content.decode()
    secret = re.search(r'id="authenticator_secret">([A-Z2-7]+)<', page).group(1)
    activated = client.post(reverse("mfa_activate_totp"), {"code": totp_now(secret)})
    assert activated.status_code == 302
    codes_page = client.get(activated["Location"]).content.decode()
    codes = re.search(r'id="recovery_codes"[^>]*>([^<]+)<', codes_page).group(1).split()
    assert len(codes) == 10
    assert client.get("/admin/").status_code == 200

    client.post(reverse("logout"))
    stage = password_login(client, "eda")
    assert stage["Location"].startswith(reverse("mfa_authenticate"))  # not signed in yet
    assert client.get("/admin/").status_code == 302
    wrong = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert wrong.status_code == 200 and "_auth_user_id" not in client.session
    assert client.post(reverse("mfa_authenticate"), {"code": codes[0]}).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_employees_without_admin_access_are_never_asked(client):
    UserFactory(username="ana")
    assert password_login(client, "ana")["Location"] == "/"
    assert client.get("/me/").status_code == 200


def test_the_setting_switches_the_requirement_off(client, editor, settings):
    settings.SSO_ADMIN_MFA = False
    password_login(client, "eda")
    assert client.get("/admin/").status_code == 200


def test_wagtails_own_login_form_is_not_a_way_round(client):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/admin/"


def test_with_password_sign_in_off_only_break_glass_admins_use_a_password(client, settings):
    settings.SSO_PASSWORD_LOGIN = False
    settings.SSO_BREAK_GLASS_USERS = {"root"}
    UserFactory(username="ana")
    UserFactory(username="root")
    refused = password_login(client, "ana")
    assert refused.status_code == 200
    assert "correct username and password" in refused.content.decode()
    assert "_auth_user_id" not in client.session
    assert password_login(client, "root").status_code == 302


def test_password_sign_in_is_on_by_default_for_make_run(client):
    UserFactory(username="ana")
    assert password_login(client, "ana").status_code == 302
