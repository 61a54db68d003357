"""Who still has to acknowledge what; the banner, the dashboard step and the records."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory

from home.selectors import dashboard_steps
from people.records import personal_data_export
from policies.models import Acknowledgement
from policies.panels import policy_banner
from policies.selectors import policies_pending
from policies.services import policy_acknowledge
from tests.people.factories import UserFactory
from tests.policies.factories import PolicyPageFactory, acknowledge_current, policy_publish

pytestmark = pytest.mark.django_db


def test_pending_follows_required_live_policies_and_their_current_version():
    user = UserFactory()
    assert policies_pending(user=user) == []  # nothing published yet
    policy = PolicyPageFactory()
    PolicyPageFactory(slug="brand-guidelines", acknowledgement_required=False)
    PolicyPageFactory(slug="draft-policy", live=False)
    assert [p.policy_id for p in policies_pending(user=user)] == [policy.pk]
    assert policies_pending(user=user)
    acknowledge_current(user)
    assert policies_pending(user=user) == []
    policy_publish(policy, material=True)
    assert [(p.policy_id, p.version) for p in policies_pending(user=user)] == [(policy.pk, 2)]
    policy_publish(policy, material=False, title="Typo fixed")
    assert policies_pending(user=user)[0].title == "Typo fixed"
    acknowledge_current(user)
    assert policies_pending(user=user) == []


def test_unpublishing_a_policy_takes_it_out_of_pending():
    user = UserFactory()
    policy = PolicyPageFactory()
    assert policies_pending(user=user)
    policy.unpublish()
    assert policies_pending(user=user) == []


def test_someone_elses_acknowledgement_does_not_count():
    policy = PolicyPageFactory()
    user, other = UserFactory(), UserFactory()
    policy_acknowledge(user=other, policy_id=policy.pk, version=1)
    assert policies_pending(user=user)


@pytest.mark.parametrize("policies", [1, 4])
def test_banner_costs_a_fixed_number_of_queries(client, django_assert_max_num_queries, policies):
    user = UserFactory()
    for n in range(policies):
        PolicyPageFactory(slug=f"policy-{n}", title=f"Policy {n}")
    client.force_login(user)
    client.get("/me/")  # warms the cache of current versions
    request = RequestFactory().get("/me/")
    request.user = user
    with django_assert_max_num_queries(1):
        panel = policy_banner(request)
    assert len(panel.context["pending"]) == policies
    acknowledge_current(user)
    with django_assert_max_num_queries(1):
        assert policy_banner(request) is None


def test_banner_appears_on_portal_pages_and_links_to_the_policy(client):
    user = UserFactory()
    client.force_login(user)
    policy = PolicyPageFactory()
    html = client.get("/me/").content.decode()
    assert 'id="policy-banner"' in html
    assert f'href="{policy.url}"' in html
    acknowledge_current(user)
    assert 'id="policy-banner"' not in client.get("/me/").content.decode()


def test_dashboard_step_is_to_do_then_done():
    user = UserFactory()
    PolicyPageFactory()
    step = next(s for s in dashboard_steps(user=user) if s.key == "policy")
    assert not step.done and step.url == "/policy/"
    acknowledge_current(user)
    step = next(s for s in dashboard_steps(user=user) if s.key == "policy")
    assert step.done


def test_acknowledgements_are_in_the_personal_data_export_and_only_ones_own():
    policy = PolicyPageFactory()
    user, other = UserFactory(), UserFactory()
    acknowledge_current(user)
    acknowledge_current(other)
    exported = personal_data_export(user=user)["policy_acknowledgements"]
    assert exported == [
        {
            "policy": "Social media policy",
            "version": 1,
            "revision": policy.live_revision_id,
            "at": Acknowledgement.objects.get(user=user).created_at.isoformat(),
            "again": False,  # True for a re-acknowledgement (tests/policies/test_reack…)
        }
    ]


def test_acknowledgements_refuse_edits_and_deletes():
    PolicyPageFactory()
    user = UserFactory()
    acknowledge_current(user)
    ack = Acknowledgement.objects.get(user=user)
    ack.version = 7
    with pytest.raises(PermissionDenied):
        ack.save()
    with pytest.raises(PermissionDenied):
        ack.delete()
    with pytest.raises(PermissionDenied):
        Acknowledgement.objects.filter(pk=ack.pk).update(version=7)
    with pytest.raises(PermissionDenied):
        Acknowledgement.objects.all().delete()
    assert Acknowledgement.objects.get(pk=ack.pk).version == 1
