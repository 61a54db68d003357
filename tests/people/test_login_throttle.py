"""Failed password sign-ins lock that username from that client for a while (django-axes)."""

import re

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import Group
from django.urls import reverse

from people.roles import PROGRAMME_ADMINS, roles_sync
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db


def fail(client, username: str, times: int, address="10.0.0.1"):
    response = None
    for _ in range(times):
        response = client.post(
            reverse("login"),
            {"username": username, "password": "wrong"},
            REMOTE_ADDR=address,
        )
    return response


def body(response) -> str:
    """The page without its per-request parts (CSRF token, CSP nonce)."""
    html = response.content.decode()
    html = re.sub(r'"X-CSRFToken": "[^"]*"', "", html)
    return re.sub(r'(value|nonce|content)="[^"]*"', "", html)


def test_after_five_failures_even_the_right_password_is_refused(client, settings):
    UserFactory(username="advocate", password="right-pw")
    assert fail(client, "advocate", 4).status_code == 200  # still the form with its error
    locked = fail(client, "advocate", 1)
    assert locked.status_code == 429
    assert "try again in 15 minutes" in locked.content.decode()
    right = client.post(
        reverse("login"), {"username": "advocate", "password": "right-pw"}, REMOTE_ADDR="10.0.0.1"
    )
    assert right.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lockout_reads_the_same_for_an_unknown_username(client):
    UserFactory(username="advocate", password="right-pw")
    known = fail(client, "advocate", 5)
    unknown = fail(client, "nobody-here", 5)
    assert known.status_code == unknown.status_code == 429
    assert body(known) == body(unknown)
    # And before the lockout, the wrong-password answer is the same too.
    assert body(fail(client, "advocate", 1, address="10.0.0.2")) == body(
        fail(client, "nobody-at-all", 1, address="10.0.0.2")
    )


def test_the_lock_is_per_username_and_client(client):
    UserFactory(username="advocate", password="right-pw")
    UserFactory(username="other", password="other-pw")
    fail(client, "advocate", 5)
    elsewhere = client.post(
        reverse("login"), {"username": "advocate", "password": "right-pw"}, REMOTE_ADDR="10.9.9.9"
    )
    assert elsewhere.status_code == 302  # the same person from another address
    client.post(reverse("logout"))
    other = client.post(
        reverse("login"), {"username": "other", "password": "other-pw"}, REMOTE_ADDR="10.0.0.1"
    )
    assert other.status_code == 302  # someone else from the locked address


def test_a_programme_admin_unlocks_in_the_admin(client):
    roles_sync()  # as after migrate
    UserFactory(username="advocate", password="right-pw")
    fail(client, "advocate", 5)
    attempt = AccessAttempt.objects.get(username="advocate")
    admin = UserFactory()
    admin.groups.add(Group.objects.get(name=PROGRAMME_ADMINS))
    client.force_login(admin)
    listing = client.get(reverse("sign_in_lockouts:index"))
    assert listing.status_code == 200 and "advocate" in listing.content.decode()
    response = client.post(reverse("sign_in_lockouts:delete", args=[attempt.pk]))
    assert response.status_code == 302
    client.post(reverse("logout"))
    again = client.post(
        reverse("login"), {"username": "advocate", "password": "right-pw"}, REMOTE_ADDR="10.0.0.1"
    )
    assert again.status_code == 302


def test_an_employee_cannot_unlock(client):
    UserFactory(username="advocate", password="right-pw")
    fail(client, "advocate", 5)
    client.force_login(UserFactory())
    attempt = AccessAttempt.objects.get(username="advocate")
    client.post(reverse("sign_in_lockouts:delete", args=[attempt.pk]))
    assert AccessAttempt.objects.filter(pk=attempt.pk).exists()


def test_password_reset_requests_are_rate_limited(client, mailoutbox):
    UserFactory(username="advocate", email="advocate@example.com")
    statuses = [
        client.post(reverse("password_reset"), {"email": "advocate@example.com"}).status_code
        for _ in range(5)
    ]
    assert statuses[0] == 302
    assert 429 in statuses
    assert len(mailoutbox) <= 3
