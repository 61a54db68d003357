"""The acknowledgement report: numbers against a constructed data set, filters, exports."""

import csv
import io
import re

import openpyxl
import pytest
from django.urls import reverse

from policies.report import acknowledgement_summary
from policies.services import policy_acknowledge
from tests.people.factories import DepartmentFactory, EditorFactory, UserFactory
from tests.policies.factories import PolicyPageFactory, policy_publish

pytestmark = pytest.mark.django_db
URL = "/admin/reports/policy-acknowledgements/"


@pytest.fixture
def world():
    """Sales: 3 people, Engineering: 2, plus an inactive one and the HR editor (Comms).

    v1: ann, bob, cat (sales) and dan (engineering). v2: ann and dan only.
    """
    sales = DepartmentFactory(name="Sales", slug="sales")
    eng = DepartmentFactory(name="Engineering", slug="engineering")
    comms = DepartmentFactory(name="Comms", slug="comms")
    people = {
        "ann": UserFactory(username="ann", department=sales),
        "bob": UserFactory(username="bob", department=sales),
        "cat": UserFactory(username="cat", department=sales),
        "dan": UserFactory(username="dan", department=eng),
        "eve": UserFactory(username="eve", department=eng),
    }
    UserFactory(username="gone", department=sales, is_active=False)
    hr = EditorFactory(username="hr", department=comms)
    policy = PolicyPageFactory()
    PolicyPageFactory(slug="brand-guidelines", acknowledgement_required=False)
    for name in ("ann", "bob", "cat", "dan"):
        policy_acknowledge(user=people[name], policy_id=policy.pk, version=1)
    policy = policy_publish(policy, material=True)
    for name in ("ann", "dan"):
        policy_acknowledge(user=people[name], policy_id=policy.pk, version=2)
    return {"policy": policy, "sales": sales, "eng": eng, "hr": hr, **people}


def cells(html):
    return {
        re.sub(r"\s+", " ", cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", html, re.S)
    }


def numbers(rows):
    return [(row.version, row.acknowledged, row.employees, row.current) for row in rows]


def test_summary_counts_per_version_and_department(world, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        rows = acknowledgement_summary()
    assert numbers(rows) == [(2, 2, 6, True), (1, 4, 6, False)]
    assert numbers(acknowledgement_summary(department_id=world["sales"].pk)) == [
        (2, 1, 3, True),
        (1, 3, 3, False),
    ]
    assert numbers(acknowledgement_summary(department_id=world["eng"].pk)) == [
        (2, 1, 2, True),
        (1, 1, 2, False),
    ]


def test_report_page_shows_n_of_m_and_who_is_missing(client, world):
    client.force_login(world["hr"])
    response = client.get(URL, {"status": "missing"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Social media policy, version 2: 2 of 6 acknowledged" in html
    listed = cells(html)
    assert {"bob", "cat", "eve", "hr"} <= listed
    assert "ann" not in listed and "gone" not in listed


def test_report_department_filter_and_earlier_version(client, world):
    client.force_login(world["hr"])
    policy = world["policy"]
    html = client.get(
        URL, {"version": f"{policy.pk}:1", "department": world["sales"].pk}
    ).content.decode()
    assert "Social media policy, version 1: 3 of 3 acknowledged" in html


def test_results_fragment_for_filter_refreshes(client, world):
    client.force_login(world["hr"])
    response = client.get(URL + "results/", {"department": world["eng"].pk})
    html = response.content.decode()
    assert "version 2: 1 of 2 acknowledged" in html
    assert "<html" not in html


def test_csv_export_lists_everyone_with_status(client, world):
    client.force_login(world["hr"])
    response = client.get(URL, {"export": "csv", "department": world["sales"].pk})
    assert response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(body)))
    by_user = {row["Username"]: row for row in rows}
    assert set(by_user) == {"ann", "bob", "cat"}
    assert by_user["ann"]["Status"] == "Acknowledged"
    assert by_user["ann"]["Version"] == "2"
    assert by_user["ann"]["Acknowledged at"]
    assert by_user["bob"]["Status"] == "Still to acknowledge"
    assert by_user["bob"]["Acknowledged at"] == ""
    assert by_user["bob"]["Department"] == "Sales"


def test_xlsx_export_lists_everyone_with_status(client, world):
    client.force_login(world["hr"])
    response = client.get(URL, {"export": "xlsx", "status": "missing"})
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(workbook.active.iter_rows(values_only=True))
    header, data = rows[0], rows[1:]
    assert header[:3] == ("Name", "Username", "Department")
    usernames = sorted(row[1] for row in data)
    assert usernames == ["bob", "cat", "eve", "hr"]
    assert {row[5] for row in data} == {"Still to acknowledge"}


def test_employees_without_admin_access_cannot_open_the_report(client, world):
    client.force_login(world["bob"])
    response = client.get(URL)
    assert response.status_code == 403
    assert b"Still to acknowledge" not in response.content


def test_report_is_in_the_reports_menu(client, world):
    client.force_login(world["hr"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert URL in html


HOSTILE = {
    "+1": '=HYPERLINK("http://evil.example/","Open")',
    "@SUM(A1)": "@SUM(A1)",
    "-2+3": "-2+3",
}


@pytest.fixture
def hostile(world):
    """People in their own department whose usernames and display names are formulas."""
    department = DepartmentFactory(name="=1+2", slug="hostile")
    for username, display_name in HOSTILE.items():
        UserFactory(username=username, display_name=display_name, department=department)
    return department


def test_csv_export_writes_formulas_as_text(client, world, hostile):
    client.force_login(world["hr"])
    response = client.get(URL, {"export": "csv", "department": hostile.pk})
    body = b"".join(response.streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(body)))
    assert sorted((row["Username"], row["Name"]) for row in rows) == sorted(
        ("'" + username, "'" + name) for username, name in HOSTILE.items()
    )
    assert {row["Department"] for row in rows} == {"'=1+2"}
    assert {row["Version"] for row in rows} == {"2"}  # a number, not text: no prefix


def test_xlsx_export_writes_formulas_as_string_cells(client, world, hostile):
    client.force_login(world["hr"])
    response = client.get(URL, {"export": "xlsx", "department": hostile.pk})
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(workbook.active.iter_rows())[1:]
    assert sorted((row[1].value, row[0].value) for row in rows) == sorted(HOSTILE.items())
    assert {row[2].value for row in rows} == {"=1+2"}
    assert {cell.data_type for row in rows for cell in row[:3]} == {"s"}
    assert {(row[4].value, row[4].data_type) for row in rows} == {(2, "n")}
