import pytest
from django.core.exceptions import ValidationError

from people.models import ConsentKind, ConsentRecord, SocialNetwork
from people.selectors import consent_current, users_with_consent
from people.services import consent_set, network_add, user_update_profile
from tests.people.factories import UserFactory
from tests.threads import run_many

pytestmark = pytest.mark.django_db


def test_consent_records_are_never_edited():
    user = UserFactory()
    record = consent_set(user=user, kind="advocacy", granted=True, source="test")
    record.granted = False
    with pytest.raises(ValueError, match="never changed"):
        record.save()


def test_unknown_consent_kind_is_refused():
    with pytest.raises(ValidationError):
        consent_set(user=UserFactory(), kind="marketing", granted=True, source="test")
    assert not ConsentRecord.objects.exists()


def test_users_with_consent_follows_the_newest_record():
    stays, leaves, never = UserFactory(), UserFactory(), UserFactory()
    consent_set(user=stays, kind="leaderboard", granted=True, source="test")
    consent_set(user=leaves, kind="leaderboard", granted=True, source="test")
    consent_set(user=leaves, kind="leaderboard", granted=False, source="test")
    consent_set(user=never, kind="advocacy", granted=True, source="test")
    assert list(users_with_consent(kind="leaderboard")) == [stays]


def test_network_add_validates_before_saving():
    user = UserFactory()
    with pytest.raises(ValidationError) as error:
        network_add(user=user, platform="x", handle="ok", audience="personal", followers=-1)
    assert "followers" in error.value.message_dict
    assert not SocialNetwork.objects.exists()


def test_profile_update_validates():
    user = UserFactory()
    with pytest.raises(ValidationError):
        user_update_profile(user=user, display_name="<script>")
    user.refresh_from_db()
    assert user.display_name == ""


def test_concurrent_opt_ins_record_one_grant(postgres):
    user = UserFactory()
    run_many(
        lambda: consent_set(user=user, kind=ConsentKind.ADVOCACY, granted=True, source="race"),
        8,
    )
    assert ConsentRecord.objects.filter(user=user).count() == 1
    assert consent_current(user=user)["advocacy"] is True
