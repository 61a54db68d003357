"""The dashboard costs a fixed number of queries, however much a person has: courses,
policies, campaigns, shares, badges and notifications (issue #12)."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from courses.services import enrolment_create, lesson_complete
from leaderboard.models import BadgeAward, Reason
from leaderboard.services import points_award
from notifications.models import Notification
from people.services import consent_set
from sharing.captions import code_new
from sharing.models import Campaign, GoalKind, Share
from tests.courses.factories import make_certified, make_course
from tests.leaderboard.factories import BadgeFactory
from tests.people.factories import DepartmentFactory, SocialNetworkFactory, UserFactory
from tests.policies.factories import PolicyPageFactory, acknowledge_current
from tests.sharing.factories import post_create

pytestmark = pytest.mark.django_db

# The session; the person, with their department and whether they may open the admin;
# the page; the training step and panel (enrolments; completions and attempts, in one
# query; certificates; the courses' lessons and quizzes come from the cache); the
# policies still to acknowledge (once, for the step and the banner); advocacy (opted in
# with a network, in one query); the running campaigns' progress (the campaigns
# themselves come from the cache); sharing (totals with this week's and the cap, in one
# query); badges and points, in one query; the bell.
DASHBOARD_QUERIES = 12


def _person_with(n: int):
    """Someone who has `n` of everything the dashboard shows."""
    user = UserFactory(department=DepartmentFactory(), job_title="Account Executive")
    today = timezone.localdate()
    for i in range(n):
        course, lessons, _ = make_course(lessons=2)
        enrolment_create(user=user, course=course, due_on=today + timedelta(days=5))
        lesson_complete(user=user, lesson=lessons[0])
        if i == 0:
            make_certified(user, course=course)
        PolicyPageFactory(slug=f"policy-{i}", title=f"Policy {i}")
        SocialNetworkFactory(user=user, platform=("linkedin", "x", "xing", "mastodon")[i])
        campaign = Campaign.objects.create(
            name=f"Campaign {i}",
            slug=f"campaign-{i}",
            goal_kind=GoalKind.SHARES,
            target=10,
            starts_on=today - timedelta(days=3),
            ends_on=today + timedelta(days=3),
        )
        post = post_create(campaign=campaign)
        Share.objects.create(
            user=user,
            post=post,
            post_title=post.title,
            platform="linkedin",
            code=code_new(),
            caption="Worth a read.",
            earned_points=True,
        )
        BadgeAward.objects.create(badge=BadgeFactory(), user=user)
        points_award(user=user, reason=Reason.CORRECTION, key=f"dashboard-test-{i}", points=5)
        Notification.objects.create(user=user, kind="test", title=f"Note {i}", key=f"note-{i}")
    acknowledge_current(user)
    consent_set(user=user, kind="advocacy", granted=True, source="test")
    return user


@pytest.mark.parametrize("n", [1, 4])
def test_dashboard_costs_a_fixed_number_of_queries(client, django_assert_num_queries, n):
    user = _person_with(n)
    client.force_login(user)
    client.get("/")  # warms the caches of current policies, sections and routes
    with django_assert_num_queries(DASHBOARD_QUERIES):
        html = client.get("/").content.decode()
    assert "Account Executive · " in html
    assert f"Campaign {n - 1}" in html


@pytest.mark.parametrize("n", [1, 4])
def test_the_admin_link_costs_no_query_of_its_own(client, n):
    """Whether the navigation shows Admin comes with the person's own row, however many
    groups and permissions they hold: an editor's page costs what an employee's does."""
    access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    editor, direct, employee = UserFactory(), UserFactory(), UserFactory()
    for i in range(n):
        group = Group.objects.create(name=f"Editors {i}")
        group.permissions.add(access)
        editor.groups.add(group)
    direct.user_permissions.add(access)
    counts = []
    for person, shown in ((editor, True), (direct, True), (employee, False)):
        client.force_login(person)
        client.get("/")
        with CaptureQueriesContext(connection) as queries:
            html = client.get("/").content.decode()
        counts.append(len(queries))
        assert ('href="/admin/"' in html) is shown
    assert counts[0] == counts[1] == counts[2]


def test_a_campaign_saved_or_deleted_shows_on_the_dashboard_at_once(client):
    user = _person_with(1)
    client.force_login(user)
    assert "Campaign 0" in client.get("/").content.decode()
    campaign = Campaign.objects.get(slug="campaign-0")
    campaign.name = "Spring fair"
    campaign.save()
    html = client.get("/").content.decode()
    assert "Spring fair" in html and "Campaign 0" not in html
    campaign.ends_on = timezone.localdate() - timedelta(days=1)
    campaign.save()
    assert "Spring fair" not in client.get("/").content.decode()
    later = Campaign.objects.create(
        name="Autumn fair",
        slug="autumn-fair",
        goal_kind=GoalKind.SHARES,
        target=5,
        starts_on=timezone.localdate(),
    )
    assert "Autumn fair" in client.get("/").content.decode()
    later.delete()
    assert "Autumn fair" not in client.get("/").content.decode()
