"""What two parts of a page both read is read once per request, and a write in the same
request is seen by what comes after it."""

import pytest
from django.test import RequestFactory

from policies.selectors import policies_pending
from policies.services import policy_acknowledge
from portal.request_memo import RequestMemoMiddleware, forget, memoised
from tests.people.factories import UserFactory
from tests.policies.factories import PolicyPageFactory


def _in_a_request(fn):
    """Run `fn()` the way a view runs: inside the memo's middleware."""
    seen = []
    RequestMemoMiddleware(lambda request: seen.append(fn()))(RequestFactory().get("/"))
    return seen[0]


def _counter():
    calls = []
    return calls, lambda: calls.append(1) or len(calls)


def test_outside_a_request_nothing_is_kept():
    calls, compute = _counter()
    assert memoised(("k",), compute) == 1
    assert memoised(("k",), compute) == 2


def test_within_a_request_once_per_key_until_forgotten():
    calls, compute = _counter()

    def page():
        first = memoised(("k", 1, "day"), compute), memoised(("k", 1, "day"), compute)
        other = memoised(("k", 2, "day"), compute)
        forget(("k", 1))
        return first, other, memoised(("k", 1, "day"), compute), memoised(("k", 2, "day"), compute)

    assert _in_a_request(page) == ((1, 1), 2, 3, 2)
    assert _in_a_request(lambda: memoised(("k", 1, "day"), compute)) == 4  # a new request


@pytest.mark.django_db
def test_an_acknowledgement_is_seen_later_in_the_same_request(django_assert_num_queries):
    policy = PolicyPageFactory()
    user = UserFactory()
    policies_pending(user=user)  # warms the cache of current versions

    def acknowledge():
        with django_assert_num_queries(1):
            before = [p.policy_id for p in policies_pending(user=user)]
            assert [p.policy_id for p in policies_pending(user=user)] == before
        policy_acknowledge(user=user, policy_id=policy.pk, version=policy.version)
        return before, policies_pending(user=user)

    assert _in_a_request(acknowledge) == ([policy.pk], [])
