"""Deleting a policy page never deletes its versions or anyone's acknowledgement: the admin
says why it cannot delete such a page and offers to unpublish it instead."""

import pytest
from django.db.models import ProtectedError
from django.urls import reverse
from wagtail.models import Page

from policies.models import Acknowledgement, PolicyPage, PolicyVersion
from tests.people.factories import UserFactory
from tests.policies.factories import PolicyPageFactory, acknowledge_current, home_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def _delete_url(page) -> str:
    return reverse("wagtailadmin_pages:delete", args=[page.pk])


def test_an_acknowledged_policy_is_not_deleted_and_the_editor_is_told_why(admin_client):
    policy = PolicyPageFactory()
    for _ in range(2):
        acknowledge_current(UserFactory())
    response = admin_client.get(_delete_url(policy))
    html = response.content.decode()
    assert response.status_code == 200
    assert (
        "“Social media policy” cannot be deleted: 2 people have acknowledged it, and its "
        "version history (1 version) is kept with those acknowledgements"
    ) in html
    assert "records are never deleted with a page" in html
    assert "Unpublish it instead" in html and "Yes, delete it" not in html

    response = admin_client.post(_delete_url(policy))
    assert response.status_code == 409
    assert PolicyPage.objects.filter(pk=policy.pk).exists()
    assert Acknowledgement.objects.filter(policy=policy).count() == 2
    assert PolicyVersion.objects.filter(policy=policy).count() == 1


def test_a_published_policy_nobody_acknowledged_keeps_its_version_history(admin_client):
    policy = PolicyPageFactory(slug="brand-guidelines", title="Brand guidelines")
    html = admin_client.get(_delete_url(policy)).content.decode()
    assert (
        "“Brand guidelines” cannot be deleted: its version history (1 version) records what "
        "was in effect and when"
    ) in html
    assert admin_client.post(_delete_url(policy)).status_code == 409
    assert PolicyVersion.objects.filter(policy=policy).exists()


def test_the_page_above_a_policy_with_records_is_not_deleted(admin_client):
    policy = PolicyPageFactory()
    acknowledge_current(UserFactory())
    home = home_page()
    html = admin_client.get(_delete_url(home)).content.decode()
    assert "1 person has acknowledged the policies below it" in html
    assert admin_client.post(_delete_url(home)).status_code == 409
    assert Page.objects.filter(pk__in=[home.pk, policy.pk]).count() == 2
    assert Acknowledgement.objects.filter(policy=policy).count() == 1


def test_a_policy_that_never_went_live_still_deletes(admin_client):
    draft = PolicyPageFactory(slug="draft-policy", live=False)
    assert "Yes, delete it" in admin_client.get(_delete_url(draft)).content.decode()
    assert admin_client.post(_delete_url(draft)).status_code == 302
    assert not Page.objects.filter(pk=draft.pk).exists()


def test_versions_protect_their_policy_outside_the_admin_too():
    policy = PolicyPageFactory()
    with pytest.raises(ProtectedError):
        Page.objects.get(pk=policy.pk).delete()
    assert PolicyVersion.objects.filter(policy=policy).exists()
