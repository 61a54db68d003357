"""The programme overview on the admin home (reports/overview.py): its figures against a
constructed programme, its links, and a query count that does not grow with the data."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from courses.models import Enrolment
from policies.services import policy_acknowledge
from portal.periods import week_start
from reports.overview import overview_rows
from sharing.models import Click, Share, Suggestion, SuggestionState
from tests.courses.factories import CertificateFactory, CoursePageFactory
from tests.people.factories import EditorFactory, UserFactory
from tests.policies.factories import PolicyPageFactory
from tests.reports.helpers import at
from tests.sharing.factories import post_create

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def _programme(size: int) -> dict:
    """`size` of each kind of person and record, so two sizes can be compared."""
    today = timezone.localdate()
    monday = week_start(today)
    course = CoursePageFactory(title="Basics")
    policy = PolicyPageFactory()
    post = post_create(title="Launch")
    codes = iter(range(10_000))
    for i in range(size):
        learning = UserFactory()
        Enrolment.objects.create(user=learning, course=course, due_on=today + 5 * DAY)
        late = UserFactory()
        Enrolment.objects.create(user=late, course=course, due_on=today - DAY)
        left = UserFactory(is_active=False)  # left: counted nowhere
        Enrolment.objects.create(user=left, course=course, due_on=today - DAY)
        done = UserFactory()
        Enrolment.objects.create(user=done, course=course, completed_at=timezone.now())
        CertificateFactory(user=done, course=course, code=f"OV-{size}-{i}-a")
        soon = UserFactory()
        CertificateFactory(
            user=soon, course=course, expires_on=today + 20 * DAY, code=f"OV-{size}-{i}-b"
        )
        lapsed = UserFactory()
        CertificateFactory(
            user=lapsed, course=course, expires_on=today - DAY, code=f"OV-{size}-{i}-c"
        )
        policy_acknowledge(user=done, policy_id=policy.pk, version=policy.version)
        this_week, last_week = at(monday, 0) + datetime.timedelta(minutes=1), at(monday - DAY)
        for when, platform in ((this_week, "linkedin"), (last_week, "x")):
            share = Share.objects.create(
                user=done,
                post=post,
                post_title=post.title,
                platform=platform,
                code=f"ov{size}x{next(codes)}",
                caption="c",
                created_at=when,
            )
            for credited in (True, False):
                Click.objects.create(
                    share=share,
                    at=when,
                    visitor_key=f"v{share.pk}-{credited}",
                    ua_class="person",
                    credited=credited,
                )
        for state in (SuggestionState.PENDING, SuggestionState.ACCEPTED):
            Suggestion.objects.create(user=done, url="https://example.com/a", note="n", state=state)
    return {"policy": policy, "monday": monday, "today": today}


def _by_key(rows):
    return {row.key: row for row in rows}


def test_the_figures_count_what_they_say():
    world = _programme(2)
    rows = _by_key(overview_rows())
    # Active people with open enrolments: 2 learning + 2 overdue (the 2 who left are not).
    assert (rows["onboarding"].value, rows["onboarding"].detail) == (4, "2 people are overdue")
    assert rows["onboarding"].attention
    # Valid advocate certificates: 2 done + 2 expiring soon; the lapsed ones are not.
    assert rows["certified"].value == 4
    assert rows["expiring"].value == 2
    assert rows["expiring"].detail == "in the next 30 days; 2 in the next 90"
    # Every active account must acknowledge: five made per round; two acknowledged.
    policy = rows[f"policy-{world['policy'].pk}"]
    assert policy.label == "Social media policy, version 1"
    assert (policy.value, policy.detail) == ("20 %", "2 of 10 acknowledged; 8 still to do")
    assert policy.url.endswith("&status=missing")
    # This week: the 2 shares made since Monday and their 2 credited clicks.
    assert rows["shares"].value == 2
    assert rows["shares"].detail.startswith("and 2 credited clicks, since Monday")
    assert rows["suggestions"].value == 2


def test_the_admin_home_shows_the_overview_with_links_to_the_reports():
    world = _programme(1)
    client = Client()
    client.force_login(EditorFactory())
    response = client.get("/admin/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Programme overview" in html
    for link in (
        "/admin/reports/training/",
        f"/admin/reports/advocacy/?start={world['monday']}&amp;end={world['today']}",
        f"/admin/reports/policy-acknowledgements/?version={world['policy'].pk}:1",
        "/admin/sharing_suggestion/?state=pending",
    ):
        assert link in html, link
    # Six active people (five made per round, and the editor): one acknowledged.
    assert "1 of 6 acknowledged; 5 still to do" in html
    assert "reports/overview.css" in html


def test_people_without_report_access_get_no_overview():
    admin_only = Group.objects.create(name="Admin only")
    admin_only.permissions.add(Permission.objects.get(codename="access_admin"))
    user = UserFactory()
    user.groups.add(admin_only)
    client = Client()
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200  # the admin home...
    assert b"Programme overview" not in response.content  # ...without the figures


def _queries(size: int) -> int:
    _programme(size)
    with CaptureQueriesContext(connection) as captured:
        overview_rows()
    return len(captured)


@pytest.mark.parametrize("size", [1, 8])
def test_the_overview_runs_eight_queries_whatever_the_size(size):
    assert _queries(size) == 8
