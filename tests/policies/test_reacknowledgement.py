"""A policy that asks everyone to acknowledge it again every N months (off by default):
when someone's turn comes the banner, the policy page and the sharing gate ask again, and
acknowledging records a renewal once."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from policies.models import Acknowledgement, AcknowledgementRenewal
from policies.selectors import (
    acknowledgement_list,
    months_after,
    policies_cache_clear,
    policies_pending,
)
from policies.services import policy_acknowledge
from sharing.gate import GateStepKey, sharing_gate
from tests.people.factories import UserFactory
from tests.policies.factories import PolicyPageFactory

pytestmark = pytest.mark.django_db


def _policy(months=None):
    policy = PolicyPageFactory(reacknowledge_months=months)
    policies_cache_clear()
    return policy


def _acknowledged(user, policy, *, days_ago: int):
    at = timezone.now() - timedelta(days=days_ago)
    ack, _ = policy_acknowledge(user=user, policy_id=policy.pk, version=policy.version, now=at)
    return ack


def test_off_by_default_an_old_acknowledgement_still_counts():
    policy = _policy()
    user = UserFactory()
    _acknowledged(user, policy, days_ago=5 * 365)
    assert policies_pending(user=user) == []


def test_after_n_months_the_person_is_asked_again_and_sharing_waits(client):
    policy = _policy(months=12)
    fresh, due = UserFactory(), UserFactory()
    _acknowledged(fresh, policy, days_ago=300)
    _acknowledged(due, policy, days_ago=370)
    assert policies_pending(user=fresh) == []
    [pending] = policies_pending(user=due)
    assert pending.policy_id == policy.pk and pending.renewal_due

    step = next(s for s in sharing_gate(user=due).steps if s.key == GateStepKey.POLICY)
    assert not step.done and step.title == "Acknowledge the social media policy again"

    client.force_login(due)
    html = client.get("/policy/").content.decode()
    assert "It asks everyone to acknowledge it again every 12 months" in html
    assert "Please acknowledge the social media policy again" in html  # the banner
    assert 'name="confirm"' in html  # the form is back

    data = {"confirm": "on", "version": policy.version, "revision": policy.live_revision_id}
    response = client.post(reverse("policies:acknowledge", args=[policy.pk]), data)
    assert response.status_code == 302
    assert policies_pending(user=due) == []
    assert sharing_gate(user=due).steps[1].done
    [renewal] = AcknowledgementRenewal.objects.filter(user=due)
    assert renewal.version == policy.version
    assert Acknowledgement.objects.filter(user=due).count() == 1  # one per version still

    # A double click or a retry records nothing more.
    _, created = policy_acknowledge(user=due, policy_id=policy.pk, version=policy.version)
    assert not created and AcknowledgementRenewal.objects.filter(user=due).count() == 1
    html = client.get("/policy/").content.decode()
    next_due = months_after(timezone.localdate(), 12)
    assert f"you will be asked again on {next_due:%-d %B %Y}" in html

    # The export lists both.
    assert [row["again"] for row in acknowledgement_list(user=due)] == [True, False]


def test_a_fresh_acknowledgement_is_not_a_renewal():
    policy = _policy(months=12)
    user = UserFactory()
    _acknowledged(user, policy, days_ago=10)
    _, created = policy_acknowledge(user=user, policy_id=policy.pk, version=policy.version)
    assert not created and not AcknowledgementRenewal.objects.exists()
