"""How report figures read: thousands separators, the median days to complete, and the
advocacy figures that split opted-in and certified people so the parts add up."""

import datetime

import pytest
from django.test import Client

from courses.models import Enrolment
from reports.templatetags.report_tags import figure
from reports.training import training_report
from sharing.models import Share
from tests.courses.factories import CoursePageFactory
from tests.people.factories import EditorFactory, SocialNetworkFactory, UserFactory
from tests.reports.helpers import at
from tests.sharing.factories import post_create

pytestmark = pytest.mark.django_db

START, END = datetime.date(2026, 3, 1), datetime.date(2026, 3, 31)
TODAY = datetime.date(2026, 3, 31)
MONDAY = datetime.date(2026, 3, 2)


@pytest.fixture
def hr():
    client = Client()
    client.force_login(EditorFactory())
    return client


def _enrol(course, *, days: float | None, enrolled=MONDAY):
    start = at(enrolled)
    completed = start + datetime.timedelta(days=days) if days is not None else None
    return Enrolment.objects.create(
        user=UserFactory(), course=course, enrolled_at=start, completed_at=completed
    )


def test_median_days_to_complete_counts_the_days_people_took(hr):
    course = CoursePageFactory(title="Basics")
    for days in (0, 3, 10):
        _enrol(course, days=days)
    _enrol(course, days=None)  # not finished: not in the median
    [row] = next(t for t in training_report(start=START, end=END, today=TODAY).tables).rows
    assert row["median_days"] == 3.0
    response = hr.get("/admin/reports/training/", {"start": START, "end": END})
    assert '<td class="num">3.0</td>' in response.content.decode()


def test_a_completion_recorded_before_its_enrolment_is_left_out_not_counted_as_zero():
    course = CoursePageFactory(title="Basics")
    for days in (3, 10):
        _enrol(course, days=days)
    # History imported after the fact: completed "before" the enrolment was made. It used
    # to count as 0 days, and enough of them made the median 0.
    for _ in range(3):
        _enrol(course, days=-5)
    [row] = next(t for t in training_report(start=START, end=END, today=TODAY).tables).rows
    assert row["completed"] == 5
    assert row["median_days"] == 6.5


def test_large_numbers_have_thousands_separators_on_screen_not_in_exports(hr):
    advocate = UserFactory()
    SocialNetworkFactory(user=advocate, platform="linkedin", followers=12_480)
    post = post_create(title="Launch")
    Share.objects.create(
        user=advocate,
        post=post,
        post_title=post.title,
        platform="linkedin",
        code="big1",
        caption="c",
        created_at=at(datetime.date(2026, 3, 10)),
    )
    params = {"start": "2026-03-01", "end": "2026-03-31"}
    html = hr.get("/admin/reports/advocacy/", params).content.decode()
    assert "<dd>12,480</dd>" in html  # the estimated reach figure
    assert '<td class="num">12,480</td>' in html  # and in the top posts table
    csv = hr.get("/admin/reports/advocacy/", {**params, "export": "csv"}).content.decode()
    assert "12480" in csv and "12,480" not in csv


@pytest.mark.parametrize(
    ("value", "shown"),
    [(1234567, "1,234,567"), (999, "999"), (12480.5, "12,480.5"), (None, "—"), ("7 %", "7 %")],
)
def test_the_figure_filter(value, shown):
    assert figure(value) == shown


def test_true_and_dates_are_not_numbers():
    day = datetime.date(2026, 3, 2)
    assert figure(day) is day and figure(True) is True
