"""Who the other apps' actions notify, end to end through notification_send."""

import pytest
from django.core import mail

from notifications.models import Notification
from policies.notices import POLICY_VERSION
from sharing.models import Share
from sharing.notices import RETRACTION, SUGGESTION_DECIDED
from sharing.services import post_retract, suggestion_create, suggestion_decline
from tests.notifications.factories import advocate
from tests.people.factories import EditorFactory, UserFactory
from tests.policies.factories import PolicyPageFactory, policy_publish
from tests.sharing.factories import post_create

pytestmark = pytest.mark.django_db


def test_retraction_tells_everyone_who_shared_it_and_nobody_else(
    django_capture_on_commit_callbacks,
):
    post = post_create(title="Old news")
    keen, quiet, bystander = advocate(), advocate(alerts=False), advocate()
    for i, user in enumerate((keen, quiet)):
        Share.objects.create(
            user=user,
            post=post,
            post_title=post.title,
            platform="linkedin",
            code=f"t{i}",
            caption="c",
        )
    with django_capture_on_commit_callbacks(execute=True):
        post_retract(post=post, by=EditorFactory())
    told = Notification.objects.filter(kind=RETRACTION.key)
    assert sorted(told.values_list("user_id", flat=True)) == sorted([keen.pk, quiet.pk])
    assert not Notification.objects.filter(user=bystander).exists()
    # Required: emailed even to the person with email alerts off, saying why.
    assert sorted(m.to[0] for m in mail.outbox) == sorted([keen.email, quiet.email])
    assert all("because you shared this post" in m.body for m in mail.outbox)


def test_suggestion_decision_goes_to_the_suggester(django_capture_on_commit_callbacks):
    suggester = UserFactory()
    suggestion = suggestion_create(user=suggester, url="https://example.com/a", note="Nice")
    with django_capture_on_commit_callbacks(execute=True):
        suggestion_decline(suggestion=suggestion, by=EditorFactory(), reason="Not public yet")
    [notification] = Notification.objects.filter(kind=SUGGESTION_DECIDED.key)
    assert notification.user == suggester
    assert notification.body == "Not public yet"
    assert [m.to for m in mail.outbox] == [[suggester.email]]


def test_material_policy_change_tells_every_active_employee(django_capture_on_commit_callbacks):
    staff = [UserFactory(), UserFactory(), UserFactory(is_active=False)]
    page = PolicyPageFactory()
    Notification.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        policy_publish(page, material=True, what_changed="New AI section.")
    told = set(
        Notification.objects.filter(kind=POLICY_VERSION.key).values_list("user_id", flat=True)
    )
    assert staff[0].pk in told and staff[1].pk in told
    assert staff[2].pk not in told
