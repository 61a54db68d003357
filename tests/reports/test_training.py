import datetime

import pytest
from django.test import Client

from courses.models import Enrolment, LessonCompletion
from reports.training import training_report
from tests.courses.factories import CertificateFactory, CoursePageFactory, LessonPageFactory
from tests.people.factories import DepartmentFactory, EditorFactory, UserFactory
from tests.reports.helpers import at, csv_sections, xlsx_sheets

pytestmark = pytest.mark.django_db

START, END = datetime.date(2026, 3, 1), datetime.date(2026, 3, 31)
TODAY = datetime.date(2026, 3, 20)
MONDAY = datetime.date(2026, 3, 2)


@pytest.fixture
def data():
    a = DepartmentFactory(name="Alpha", slug="alpha")
    b = DepartmentFactory(name="Beta", slug="beta")
    course = CoursePageFactory(title="Basics")
    lesson = LessonPageFactory(parent=course)
    u1, u2, u5 = (UserFactory(department=a, last_name=n) for n in ("One", "Two", "Five"))
    u3, u4 = (UserFactory(department=b, last_name=n) for n in ("Three", "Four"))
    enrolled = at(MONDAY)

    def enrol(user, *, completed=None, due=None, when=enrolled):
        return Enrolment.objects.create(
            user=user, course=course, enrolled_at=when, completed_at=completed, due_on=due
        )

    enrol(u1, completed=at(MONDAY + datetime.timedelta(days=2)))  # 2.0 days
    enrol(u2, completed=at(MONDAY + datetime.timedelta(days=4)))  # 4.0 days
    enrol(u3, due=datetime.date(2026, 3, 10))  # started, overdue
    LessonCompletion.objects.create(user=u3, lesson=lesson, course=course, completed_at=enrolled)
    enrol(u4, due=datetime.date(2026, 4, 30))  # not started, not yet due
    enrol(u5, due=datetime.date(2026, 2, 15), when=at(datetime.date(2026, 1, 5)))  # before range
    CertificateFactory(user=u1, course=course, issued_at=at(MONDAY + datetime.timedelta(days=2)))
    return {"a": a, "b": b, "users": (u1, u2, u3, u4, u5)}


def _table(report, key):
    return next(t for t in report.tables if t.key == key)


def test_course_figures_hand_computed(data):
    report = training_report(start=START, end=END, today=TODAY)
    [row] = _table(report, "courses").rows
    # Cohort: u1..u4 (u5 enrolled before the range). Started: u1, u2 (completed), u3
    # (a lesson). Overdue: u3. Certified: u1. Median of 2.0 and 4.0 days = 3.0.
    assert row == {
        "course": "Basics",
        "enrolled": 4,
        "started": 3,
        "completed": 2,
        "overdue": 1,
        "certified": 1,
        "certification_rate": 25.0,
        "median_days": 3.0,
    }
    weekly = {r["week"]: r for r in _table(report, "weekly").rows}
    assert weekly[MONDAY] == {"week": MONDAY, "completions": 2, "certificates": 1}
    assert sum(r["completions"] for r in weekly.values()) == 2
    assert min(weekly) == datetime.date(2026, 2, 23)  # the week touching 1 March
    overdue = _table(report, "overdue").rows
    assert [(r["name"], r["days_overdue"]) for r in overdue] == [
        (data["users"][4].name, 33),  # due 15 Feb, still overdue whatever the range
        (data["users"][2].name, 10),
    ]


def test_department_filter(data):
    report = training_report(start=START, end=END, department=data["a"], today=TODAY)
    [row] = _table(report, "courses").rows
    assert (row["enrolled"], row["completed"], row["certified"]) == (2, 2, 1)
    assert row["certification_rate"] == 50.0
    assert [r["name"] for r in _table(report, "overdue").rows] == [data["users"][4].name]


@pytest.fixture
def hr():
    client = Client()
    client.force_login(EditorFactory())
    return client


def test_page_shows_chart_and_table(data, hr):
    response = hr.get("/admin/reports/training/", {"start": "2026-03-01", "end": "2026-03-31"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<svg" in html and "Completions and certificates per week" in html
    assert 'id="data-weekly"' in html and 'id="data-courses"' in html
    assert "cdn" not in html.lower()


def test_csv_and_xlsx_hold_what_is_on_screen(data, hr):
    params = {"start": "2026-03-01", "end": "2026-03-31", "department": data["a"].pk}
    response = hr.get("/admin/reports/training/", {**params, "export": "csv"})
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.csv"')
    sections = csv_sections(response.content)
    assert list(sections) == [
        "Courses",
        "Completions and certificates per week",
        "People with overdue training (today)",
    ]
    assert sections["Courses"][0][:4] == ["Course", "Enrolled", "Started", "Completed"]
    assert sections["Courses"][1][:2] == ["Basics", "2"]
    sheets = xlsx_sheets(hr.get("/admin/reports/training/", {**params, "export": "xlsx"}))
    assert sheets["Courses"][1][:2] == ["Basics", 2]
    assert sheets["Courses"][1][6] == 50.0


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"start": "2026-03-31", "end": "2026-03-01"}, "The end date is before the start date."),
        ({"department": "999999"}, "Select a valid choice"),
        ({"start": "yesterday-ish"}, "Enter a valid date"),
    ],
)
def test_bad_filters_say_so(data, hr, params, message):
    response = hr.get("/admin/reports/training/", params)
    assert response.status_code == 400
    assert message in response.content.decode()
    export = hr.get("/admin/reports/training/", {**params, "export": "csv"})
    assert export.status_code == 400  # no export of a report that could not be built


def test_employees_cannot_open_reports(data):
    client = Client()
    client.force_login(UserFactory())
    assert client.get("/admin/reports/training/").status_code == 403
    assert client.get("/admin/reports/training/?export=csv").status_code == 403
