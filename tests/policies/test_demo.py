import io

import pytest

from people.demo import seed as people_seed
from people.models import User
from policies.demo import seed
from policies.models import Acknowledgement, PolicyPage
from policies.selectors import policies_pending

pytestmark = pytest.mark.django_db


def test_demo_policy_has_two_real_versions_and_varied_acknowledgements():
    out = io.StringIO()
    people_seed(stdout=out)
    assert seed(stdout=out) > 0
    policy = PolicyPage.objects.get(slug="policy")
    assert policy.live and policy.version == 2
    assert list(policy.versions.values_list("number", flat=True)) == [1, 2]
    assert "AI tools" in policy.what_changed
    guide = PolicyPage.objects.get(slug="brand-guidelines")
    assert guide.live and not guide.acknowledgement_required

    newhire = User.objects.get(username="newhire")
    advocate = User.objects.get(username="advocate")
    assert not Acknowledgement.objects.filter(user=newhire).exists()
    assert policies_pending(user=advocate) == []
    assert [p.version for p in policies_pending(user=newhire)] == [2]

    employees = User.objects.filter(is_active=True).count()
    v2 = Acknowledgement.objects.filter(policy=policy, version=2).count()
    only_v1 = (
        Acknowledgement.objects.filter(policy=policy, version=1)
        .exclude(user__in=Acknowledgement.objects.filter(version=2).values("user"))
        .count()
    )
    assert v2 > employees / 2  # most
    assert only_v1 >= 3  # some

    assert seed(stdout=out) == 0  # a second run changes nothing
