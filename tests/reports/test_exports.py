"""Exports never carry a live formula: text a spreadsheet would run is written as text."""

import csv
import datetime
import io

import pytest
from django.test import Client, RequestFactory
from openpyxl import load_workbook

from courses.models import Enrolment
from portal.exports import csv_text
from reports.base import ChorusReportView, Column, Table
from tests.courses.factories import CoursePageFactory
from tests.people.factories import DepartmentFactory, EditorFactory, UserFactory
from tests.reports.helpers import at, csv_sections

HOSTILE = [
    '=HYPERLINK("http://evil.example/","Open")',
    "+1",
    "@SUM(A1)",
    "-2+3",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_csv_text_prefixes_text_a_spreadsheet_would_run(value):
    assert csv_text(value) == "'" + value


@pytest.mark.parametrize("value", ["Ann", "", "3", "a=b", " =1", -3, 2.5, None])
def test_csv_text_leaves_everything_else(value):
    assert csv_text(value) == value


def _view():
    view = ChorusReportView()
    view.setup(RequestFactory().get("/admin/reports/x/"))
    view.slug = "x"
    return view


def _tables():
    columns = [Column("text", "Text"), Column("number", "Number", numeric=True)]
    rows = [{"text": value, "number": -3} for value in HOSTILE]
    rows.append({"text": "-3", "number": -2.5})
    rows.append({"text": "plain", "number": datetime.date(2026, 3, 2)})
    return [Table(key="t", title="=Title", columns=[*columns, Column("none", "-None")], rows=rows)]


def test_report_csv_prefixes_text_and_keeps_numbers():
    body = _view().write_csv_response(_tables()).content.decode()
    [title, heading, *rows] = list(csv.reader(io.StringIO(body)))
    assert title == ["'=Title"]
    assert heading == ["Text", "Number", "'-None"]
    assert rows[: len(HOSTILE)] == [["'" + value, "-3", ""] for value in HOSTILE]
    # The rule goes by type: text "-3" is prefixed, the numbers -3 and -2.5 are not.
    assert rows[len(HOSTILE)] == ["'-3", "-2.5", ""]
    assert rows[-1] == ["plain", "2026-03-02", ""]


def test_report_xlsx_writes_text_as_string_cells_and_numbers_as_numbers():
    response = _view().write_xlsx_response(_tables())
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows())
    assert [(c.value, c.data_type) for c in rows[0]] == [
        ("Text", "s"),
        ("Number", "s"),
        ("-None", "s"),
    ]
    for value, row in zip(HOSTILE, rows[1:], strict=False):
        # Some XML parsers read a bare carriage return back as a line feed (lxml 6 keeps
        # it); either way the cell is text with the original characters, never a formula.
        assert row[0].data_type == "s"
        assert row[0].value in {value, value.replace("\r", "\n")}
        assert (row[1].value, row[1].data_type) == (-3, "n")
    assert (rows[len(HOSTILE) + 1][0].value, rows[len(HOSTILE) + 1][0].data_type) == ("-3", "s")
    assert rows[len(HOSTILE) + 1][1].value == -2.5
    assert rows[-1][1].value == datetime.date(2026, 3, 2)


NAMES = ['=HYPERLINK("http://evil.example/","Open")', "+1", "@SUM(A1)", "-2+3"]


@pytest.mark.django_db
def test_training_report_exports_hostile_names_as_text():
    """Display names a person chooses for themselves, in the overdue table."""
    department = DepartmentFactory(name="Alpha", slug="alpha")
    course = CoursePageFactory(title="Basics")
    for name in NAMES:
        Enrolment.objects.create(
            user=UserFactory(department=department, display_name=name),
            course=course,
            enrolled_at=at(datetime.date(2026, 3, 2)),
            due_on=datetime.date(2026, 3, 10),
        )
    client = Client()
    client.force_login(EditorFactory())
    params = {"start": "2026-03-01", "end": "2026-03-31", "department": department.pk}
    title = "People with overdue training (today)"

    response = client.get("/admin/reports/training/", {**params, "export": "csv"})
    assert response.status_code == 200
    overdue = csv_sections(response.content)[title]
    column = overdue[0].index("Name")
    assert sorted(row[column] for row in overdue[1:]) == sorted("'" + name for name in NAMES)

    response = client.get("/admin/reports/training/", {**params, "export": "xlsx"})
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = workbook[title[:31].strip()]
    rows = list(sheet.iter_rows())
    column = [c.value for c in rows[0]].index("Name")
    cells = [row[column] for row in rows[1:]]
    assert sorted(c.value for c in cells) == sorted(NAMES)
    assert {c.data_type for c in cells} == {"s"}
