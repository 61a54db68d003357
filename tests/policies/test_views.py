"""The policy page and its acknowledgement form, with and without htmx, and every bad input."""

import pytest
from django.urls import reverse

from leaderboard.models import LedgerEntry
from policies.models import Acknowledgement
from tests.people.factories import UserFactory
from tests.policies.factories import PolicyPageFactory, acknowledge_current, policy_publish

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def policy():
    return PolicyPageFactory()


@pytest.fixture
def person(client):
    user = UserFactory()
    client.force_login(user)
    return user


def ack_url(policy):
    return reverse("policies:acknowledge", args=[policy.pk])


def form_data(policy, **overrides):
    data = {"confirm": "on", "version": policy.version, "revision": policy.live_revision_id}
    data.update(overrides)
    return data


def test_policy_page_has_contents_version_and_the_form(client, person, policy):
    response = client.get("/policy/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Version 1" in html
    assert '<a href="#what-you-may-share">What you may share</a>' in html
    assert '<h2 id="what-you-may-share">What you may share</h2>' in html
    assert "I have read and understood this policy" in html
    assert 'id="policy-banner"' in html  # still to acknowledge


def test_acknowledge_without_javascript_redirects_and_records_once(client, person, policy):
    response = client.post(ack_url(policy), form_data(policy), follow=True)
    assert response.redirect_chain[-1][0].startswith("/policy/")
    html = response.content.decode()
    assert "You acknowledged version 1 on" in html
    assert 'id="policy-banner"' not in html
    ack = Acknowledgement.objects.get(user=person)
    assert (ack.version, ack.revision_id) == (1, policy.live_revision_id)
    # A double submission changes nothing and awards nothing twice.
    client.post(ack_url(policy), form_data(policy))
    assert Acknowledgement.objects.filter(user=person).count() == 1
    entries = LedgerEntry.objects.filter(user=person, reason="policy_acknowledged")
    assert entries.count() == 1


def test_acknowledge_with_htmx_swaps_the_block_and_clears_the_banner(client, person, policy):
    response = client.post(ack_url(policy), form_data(policy), **HTMX)
    assert response.status_code == 200
    html = response.content.decode()
    assert "You acknowledged version 1 on" in html
    assert "<html" not in html
    assert 'id="policy-banner"' in html and 'hx-swap-oob="true"' in html
    assert "Please read and acknowledge" not in html
    assert "HX-Request" in response["Vary"]


@pytest.mark.parametrize("htmx", [False, True])
def test_without_the_box_ticked_nothing_is_recorded(client, person, policy, htmx):
    data = form_data(policy)
    del data["confirm"]
    response = client.post(ack_url(policy), data, **(HTMX if htmx else {}))
    assert response.status_code == (422 if htmx else 400)
    assert "Tick the box to confirm" in response.content.decode()
    assert not Acknowledgement.objects.exists()


@pytest.mark.parametrize("htmx", [False, True])
def test_a_version_that_is_no_longer_current_is_refused(client, person, policy, htmx):
    seen = form_data(policy)
    policy_publish(policy, material=True, what_changed="A new rule.")
    response = client.post(ack_url(policy), seen, **(HTMX if htmx else {}))
    html = response.content.decode()
    assert response.status_code == (422 if htmx else 400)
    assert "changed while you were reading it" in html
    assert "now version 2" in html
    assert not Acknowledgement.objects.exists()


def test_get_to_the_acknowledge_url_records_nothing(client, person, policy):
    response = client.get(ack_url(policy))
    assert response.status_code == 405
    assert "Nothing was recorded" in response.content.decode()
    assert not Acknowledgement.objects.exists()


def test_a_forged_policy_id_records_nothing(client, person, policy):
    response = client.post(
        reverse("policies:acknowledge", args=[policy.pk + 999]), form_data(policy)
    )
    assert response.status_code == 404
    assert "does not exist" in response.content.decode()
    assert not Acknowledgement.objects.exists()


def test_a_forged_revision_records_nothing(client, person, policy):
    other = PolicyPageFactory(slug="brand", title="Brand guidelines")
    response = client.post(ack_url(policy), form_data(policy, revision=other.live_revision_id))
    assert response.status_code == 400
    assert "did not come from this policy" in response.content.decode()
    assert not Acknowledgement.objects.exists()


def test_a_page_without_required_acknowledgement_refuses_and_shows_no_form(client, person):
    guide = PolicyPageFactory(slug="brand-guidelines", acknowledgement_required=False)
    html = client.get("/brand-guidelines/").content.decode()
    assert "does not ask for an acknowledgement" in html
    assert "I have read and understood" not in html
    response = client.post(ack_url(guide), form_data(guide))
    assert response.status_code == 400
    assert not Acknowledgement.objects.exists()


def test_after_a_material_change_what_changed_comes_first(client, person, policy):
    acknowledge_current(person)
    policy = policy_publish(policy, material=True, what_changed="Customers: only once public.")
    html = client.get("/policy/").content.decode()
    assert html.index("What changed in version 2") < html.index('id="toc-heading"')
    assert "Customers: only once public." in html
    assert "Your acknowledgement of version 1 on" in html
    assert "was for an earlier version" in html
    assert 'id="policy-banner"' in html
    client.post(ack_url(policy), form_data(policy))
    html = client.get("/policy/").content.decode()
    assert "You acknowledged version 2 on" in html
    assert 'id="policy-banner"' not in html
    assert html.index("What changed in version 2") > html.index('id="toc-heading"')
