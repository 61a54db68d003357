"""The team chat screens: Programme admins only; a bad address refused and why; the test
button; failures listed with the platform's answer."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from people import roles
from tests.people.factories import EditorFactory, UserFactory
from tests.webhooks.factories import destination_make
from webhooks.models import Delivery, Destination, Event, Status
from webhooks.services import destination_test_send

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _roles():
    roles.roles_sync()


def client_for(*role_names: str) -> Client:
    user = UserFactory()
    user.groups.add(*Group.objects.filter(name__in=role_names))
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def admin_client_():
    return client_for(roles.PROGRAMME_ADMINS)


def form(**fields) -> dict:
    data = {
        "name": "#advocacy",
        "kind": "slack",
        "url": "https://hooks.slack.com/services/T000/B000/XXXX",
        "priority_posts": "on",
        "campaigns": "on",
        "active": "on",
    }
    data.update(fields)
    return data


def opens(client, url: str) -> bool:
    response = client.get(url, follow=True)
    last = response.redirect_chain[-1][0] if response.redirect_chain else url
    return response.status_code == 200 and last != "/admin/"


# Permissions


def test_programme_admins_see_the_screens_in_the_settings_menu(admin_client_):
    html = admin_client_.get("/admin/").content.decode()
    assert "Team chat channels" in html and "Team chat deliveries" in html
    assert opens(admin_client_, reverse("webhook_destinations:index"))
    assert opens(admin_client_, reverse("webhook_deliveries:index"))
    response = admin_client_.post(reverse("webhook_destinations:add"), form())
    assert response.status_code == 302
    assert Destination.objects.get().host == "hooks.slack.com"


@pytest.mark.parametrize("role", [roles.CONTENT_EDITORS, roles.MODERATORS, roles.REPORT_VIEWERS])
def test_other_roles_cannot_open_add_or_test_channels(role, receiver):
    destination = destination_make(receiver)
    client = client_for(role)
    assert "Team chat" not in client.get("/admin/").content.decode()
    for url in (
        reverse("webhook_destinations:index"),
        reverse("webhook_destinations:edit", args=[destination.pk]),
        reverse("webhook_destinations:test", args=[destination.pk]),
        reverse("webhook_deliveries:index"),
    ):
        assert not opens(client, url), url
    client.post(reverse("webhook_destinations:add"), form(name="Sneaky"))
    client.post(reverse("webhook_destinations:test", args=[destination.pk]))
    assert list(Destination.objects.values_list("name", flat=True)) == [destination.name]
    assert receiver.requests == []


def test_the_editors_group_gets_nothing_here_either(receiver):
    destination = destination_make(receiver)
    client = Client()
    client.force_login(EditorFactory())
    assert not opens(client, reverse("webhook_destinations:index"))
    client.post(reverse("webhook_destinations:test", args=[destination.pk]))
    assert receiver.requests == []


def test_deliveries_are_a_record_nobody_edits(admin_client_, receiver):
    delivery = destination_test_send(destination=destination_make(receiver))
    assert opens(admin_client_, reverse("webhook_deliveries:inspect", args=[delivery.pk]))
    assert not opens(admin_client_, reverse("webhook_deliveries:add"))
    for name in ("edit", "delete"):
        assert not opens(admin_client_, reverse(f"webhook_deliveries:{name}", args=[delivery.pk]))
    admin_client_.post(reverse("webhook_deliveries:delete", args=[delivery.pk]))
    assert Delivery.objects.filter(pk=delivery.pk).exists()


# Addresses


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://hooks.slack.com/services/T0/B0/X", "must start with https://"),
        ("ftp://hooks.slack.com/x", "starts with https://"),
        ("https://10.1.2.3/hook", "private network"),
        ("https://user:pw@hooks.slack.com/x", "user name or password"),
        ("not a url", "Enter a valid URL"),
    ],
)
def test_a_bad_address_is_refused_with_a_clear_message(admin_client_, url, message):
    response = admin_client_.post(reverse("webhook_destinations:add"), form(url=url))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Destination.objects.exists()


def test_plain_http_to_this_machine_is_refused_outside_development(admin_client_, settings):
    settings.WEBHOOKS_ALLOW_LOOPBACK_HTTP = False
    response = admin_client_.post(
        reverse("webhook_destinations:add"), form(url="http://127.0.0.1:9/hook")
    )
    assert "on this machine or a private network" in response.content.decode()
    assert not Destination.objects.exists()


def test_an_address_no_longer_allowed_is_not_posted_to(
    receiver, settings, django_capture_on_commit_callbacks
):
    destination = destination_make(receiver)
    settings.WEBHOOKS_ALLOW_LOOPBACK_HTTP = False  # e.g. the same data, now in production
    with django_capture_on_commit_callbacks(execute=True):
        delivery = destination_test_send(destination=destination)
    delivery.refresh_from_db()
    assert receiver.requests == []
    assert delivery.status == Status.FAILED
    assert delivery.last_error.startswith("Not sent: This address is on this machine")


def test_the_listing_does_not_show_the_secret_address(admin_client_, receiver):
    destination_make(receiver, url="https://hooks.slack.com/services/T0/B0/SECRETTOKEN")
    html = admin_client_.get(reverse("webhook_destinations:index")).content.decode()
    assert "hooks.slack.com" in html
    assert "SECRETTOKEN" not in html


# The test button and the failures


# Transactional: the view commits and the send follows, as in production.
@pytest.mark.django_db(transaction=True)
def test_the_test_button_asks_then_sends_and_says_so(admin_client_, receiver):
    destination = destination_make(receiver, weekly_summary=False)
    url = reverse("webhook_destinations:test", args=[destination.pk])
    index = admin_client_.get(reverse("webhook_destinations:index")).content.decode()
    assert url in index  # in the channel's more-buttons
    edit = admin_client_.get(reverse("webhook_destinations:edit", args=[destination.pk]))
    assert url in edit.content.decode()

    page = admin_client_.get(url)
    assert page.status_code == 200 and b"Send test message" in page.content
    assert receiver.requests == []  # asking sends nothing

    response = admin_client_.post(url, follow=True)
    [request] = receiver.requests
    assert "Chorus is connected" in request.json["text"]
    assert (
        "priority posts when they go live, campaign starts and milestones" in request.json["text"]
    )
    html = response.content.decode()
    assert "Test message sent to “#advocacy on slack”" in html
    delivery = Delivery.objects.get()
    assert (delivery.event, delivery.status) == (Event.TEST, Status.SENT)

    admin_client_.post(url)
    assert len(receiver.requests) == 2  # each press is a new message


# Transactional: the view commits and the send follows, as in production.
@pytest.mark.django_db(transaction=True)
def test_a_failed_test_and_its_answer_are_listed(admin_client_, receiver):
    destination = destination_make(receiver)
    receiver.answer(500, "invalid_token: the webhook was revoked")
    response = admin_client_.post(
        reverse("webhook_destinations:test", args=[destination.pk]), follow=True
    )
    html = response.content.decode()
    assert "failed (HTTP 500: invalid_token: the webhook was revoked)" in html

    listing = admin_client_.get(reverse("webhook_deliveries:index") + "?status=retrying")
    html = listing.content.decode()
    assert "Failed, will retry" in html
    assert "HTTP 500: invalid_token: the webhook was revoked" in html
    delivery = Delivery.objects.get()
    inspect = admin_client_.get(reverse("webhook_deliveries:inspect", args=[delivery.pk]))
    assert "invalid_token: the webhook was revoked" in inspect.content.decode()
    assert "Chorus is connected" in inspect.content.decode()  # the payload as sent
