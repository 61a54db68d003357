"""Two tabs or a double click acknowledging at the same moment make one row (PostgreSQL)."""

from django.test import Client
from django.urls import reverse

from leaderboard.models import LedgerEntry, Reason
from policies.models import Acknowledgement
from tests.people.factories import UserFactory
from tests.policies.factories import PolicyPageFactory
from tests.threads import run_together


def test_simultaneous_acknowledgements_make_one_row_and_one_award(postgres):
    policy = PolicyPageFactory()
    url = reverse("policies:acknowledge", args=[policy.pk])
    data = {"confirm": "on", "version": 1, "revision": policy.live_revision_id}
    people = [UserFactory() for _ in range(4)]
    for user in people:
        clients = [Client() for _ in range(3)]  # one browser tab each
        for client in clients:
            client.force_login(user)

        def submit(client):
            return lambda: client.post(url, data, HTTP_HX_REQUEST="true").status_code

        statuses = run_together(*[submit(client) for client in clients])
        assert statuses == [200, 200, 200]  # every tab is told it is done
        assert Acknowledgement.objects.filter(user=user).count() == 1
        assert LedgerEntry.objects.filter(user=user, reason=Reason.POLICY_ACKNOWLEDGED).count() == 1
