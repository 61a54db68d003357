"""/me/: display name, networks, consents — with htmx and without JavaScript."""

import pytest
from django.urls import reverse

from people.models import ConsentRecord, SocialNetwork
from people.selectors import consent_current
from tests.people.factories import SocialNetworkFactory, UserFactory

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def user(client):
    user = UserFactory(username="nia", first_name="Nia", last_name="Hollis")
    client.force_login(user)
    return user


def network_data(**overrides):
    return {
        "platform": "linkedin",
        "handle": "in/nia-hollis",
        "audience": "professional",
        "followers": "320",
        **overrides,
    }


def test_me_page_shows_everything_off_by_default(client, user):
    html = client.get(reverse("people:me")).content.decode()
    assert "My networks" in html
    assert html.count('data-state="off"') == 3
    assert "What Chorus records about me" in html


def test_display_name_saves_and_shows_in_the_header(client, user):
    response = client.post(reverse("people:profile"), {"display_name": "Nia H."}, follow=True)
    assert "Your display name was saved." in response.content.decode()
    user.refresh_from_db()
    assert user.display_name == "Nia H."
    assert '<span class="whoami">Nia H.</span>' in response.content.decode()


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("<b>Nia</b>", "Use letters, numbers"),
        ("x" * 81, "at most 80 characters"),
    ],
)
def test_bad_display_name_is_refused_next_to_the_field(client, user, value, message):
    response = client.post(reverse("people:profile"), {"display_name": value})
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'id="id_display_name_error"' in html
    user.refresh_from_db()
    assert user.display_name == ""


def test_add_network_without_javascript_redirects_back_with_it_listed(client, user):
    response = client.post(reverse("people:network_add"), network_data(), follow=True)
    assert response.redirect_chain == [(reverse("people:me"), 302)]
    html = response.content.decode()
    assert "Network added." in html
    assert "in/nia-hollis" in html
    network = SocialNetwork.objects.get(user=user)
    assert (network.platform, network.audience, network.followers) == (
        "linkedin",
        "professional",
        320,
    )


def test_add_network_with_htmx_returns_only_the_networks_fragment(client, user):
    response = client.post(reverse("people:network_add"), network_data(), **HTMX)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith('<section class="card" id="networks"')
    assert "<html" not in html
    assert "in/nia-hollis" in html
    assert response.headers["Vary"].count("HX-Request") == 1


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"followers": "-5"}, "greater than or equal to 0"),
        ({"followers": "lots"}, "whole number"),
        ({"platform": "myspace"}, "Select a valid choice"),
        ({"handle": "<script>alert(1)</script>"}, "A handle may start with @"),
        ({"handle": ""}, "This field is required"),
        ({"audience": "everyone"}, "Select a valid choice"),
    ],
)
def test_bad_network_input_shows_a_message_and_saves_nothing(client, user, overrides, message):
    for headers, status in (({}, 400), (HTMX, 422)):
        response = client.post(reverse("people:network_add"), network_data(**overrides), **headers)
        assert response.status_code == status
        assert message in response.content.decode()
    assert not SocialNetwork.objects.exists()


def test_same_handle_twice_is_refused(client, user):
    client.post(reverse("people:network_add"), network_data())
    response = client.post(reverse("people:network_add"), network_data())
    assert response.status_code == 400
    assert "already added this handle" in response.content.decode()
    assert SocialNetwork.objects.count() == 1


def test_remove_network_with_and_without_htmx(client, user):
    first = SocialNetworkFactory(user=user, handle="@one")
    second = SocialNetworkFactory(user=user, handle="@two", platform="x")
    response = client.post(reverse("people:network_remove", args=[first.pk]), **HTMX)
    assert "@one" not in response.content.decode()
    assert "@two" in response.content.decode()
    response = client.post(reverse("people:network_remove", args=[second.pk]), follow=True)
    assert "Network removed." in response.content.decode()
    assert not SocialNetwork.objects.filter(user=user).exists()


def test_cannot_remove_someone_elses_network(client, user):
    other = SocialNetworkFactory()
    response = client.post(reverse("people:network_remove", args=[other.pk]), follow=True)
    assert "nothing was removed" in response.content.decode()
    assert SocialNetwork.objects.filter(pk=other.pk).exists()


def test_handles_with_html_are_shown_as_text(client, user):
    SocialNetwork.objects.create(
        user=user, platform="x", handle="<img src=x onerror=alert(1)>", audience="personal"
    )
    html = client.get(reverse("people:me")).content.decode()
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_consent_toggle_keeps_every_change_as_a_record(client, user):
    url = reverse("people:consent", args=["advocacy"])
    client.post(url, {"granted": "1"})
    client.post(url, {"granted": "1"})  # a double click records nothing more
    client.post(url, {"granted": "0"}, **HTMX)
    client.post(url, {"granted": "1"}, **HTMX)
    records = list(
        ConsentRecord.objects.filter(user=user)
        .order_by("created_at", "id")
        .values_list("kind", "granted", "source")
    )
    assert records == [
        ("advocacy", True, "me-page"),
        ("advocacy", False, "me-page"),
        ("advocacy", True, "me-page"),
    ]
    assert consent_current(user=user) == {
        "advocacy": True,
        "leaderboard": False,
        "email_alerts": False,
    }


def test_consents_are_independent(client, user):
    client.post(reverse("people:consent", args=["leaderboard"]), {"granted": "1"})
    assert consent_current(user=user) == {
        "advocacy": False,
        "leaderboard": True,
        "email_alerts": False,
    }


def test_consent_htmx_response_is_the_fragment_showing_the_new_state(client, user):
    response = client.post(
        reverse("people:consent", args=["email_alerts"]), {"granted": "1"}, **HTMX
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<section class="card" id="consents"')
    assert html.count('data-state="on"') == 1
    assert "Turn off" in html


def test_consent_change_without_javascript_says_what_changed(client, user):
    response = client.post(
        reverse("people:consent", args=["advocacy"]), {"granted": "1"}, follow=True
    )
    assert "“Take part in advocacy” is now on." in response.content.decode()


def test_consent_is_post_only(client, user):
    assert client.get(reverse("people:consent", args=["advocacy"])).status_code == 405
    assert not ConsentRecord.objects.exists()


def test_consent_requires_csrf(user):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(user)
    response = strict.post(reverse("people:consent", args=["advocacy"]), {"granted": "1"})
    assert response.status_code == 403
    assert not ConsentRecord.objects.exists()


@pytest.mark.parametrize(
    ("kind", "granted", "status"),
    [
        ("spam", "1", 400),  # no such choice: refused outright
        ("advocacy", "yes", 302),  # a real choice, a garbled value: back to /me/ with a message
    ],
)
def test_bad_consent_input_changes_nothing(client, user, kind, granted, status):
    response = client.post(reverse("people:consent", args=[kind]), {"granted": granted})
    assert response.status_code == status
    assert not ConsentRecord.objects.exists()
