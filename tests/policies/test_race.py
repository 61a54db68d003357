"""Two tabs or a double click acknowledging at the same moment make one row (PostgreSQL)."""

import threading

from django.db import connection
from django.test import Client
from django.urls import reverse

from leaderboard.models import LedgerEntry
from policies.models import Acknowledgement
from tests.people.factories import UserFactory
from tests.policies.factories import PolicyPageFactory


def test_simultaneous_acknowledgements_make_one_row_and_one_award(postgres):
    policy = PolicyPageFactory()
    url = reverse("policies:acknowledge", args=[policy.pk])
    data = {"confirm": "on", "version": 1, "revision": policy.live_revision_id}
    people = [UserFactory() for _ in range(4)]
    for user in people:
        barrier = threading.Barrier(3)
        statuses, errors = [], []

        def submit(user=user, barrier=barrier, statuses=statuses, errors=errors):
            try:
                client = Client()
                client.force_login(user)
                barrier.wait()
                statuses.append(client.post(url, data, HTTP_HX_REQUEST="true").status_code)
            except Exception as error:  # surfaced below
                errors.append(error)
            finally:
                connection.close()

        threads = [threading.Thread(target=submit) for _ in range(3)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert not errors
        assert statuses == [200, 200, 200]  # every tab is told it is done
        assert Acknowledgement.objects.filter(user=user).count() == 1
        assert LedgerEntry.objects.filter(user=user, reason="policy_acknowledged").count() == 1
