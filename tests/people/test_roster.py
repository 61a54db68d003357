"""Roster import: a 10,000-row file, bad rows named by line, re-imports that change only
what changed, XLSX and the template."""

import csv
import io
import time
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from people.models import Department, User
from people.roster.reading import roster_read, roster_template
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db

HEADER = "email,first_name,last_name,department,job_title,joined_on,left_on"


def write(tmp_path, lines: list[str], name="roster.csv"):
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *lines]) + "\n")
    return path


def run(path, *args) -> str:
    out = io.StringIO()
    call_command("roster_import", str(path), *args, stdout=out)
    return out.getvalue()


def big_roster(tmp_path, n: int, *, title="Engineer"):
    path = tmp_path / f"big-{title}.csv"
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER.split(","))
        for i in range(n):
            writer.writerow(
                [
                    f"p{i}@corp.example",
                    f"First{i}",
                    f"Last{i}",
                    f"Dept {i % 7}",
                    title,
                    "2025-03-03",
                    "",
                ]
            )
    return path


def test_ten_thousand_rows_import_then_reimport_unchanged(tmp_path):
    before = User.objects.count()
    path = big_roster(tmp_path, 10_000)
    started = time.monotonic()
    assert "created 10000, updated 0, unchanged 0, refused 0" in run(path)
    assert time.monotonic() - started < 60  # the bound, on this machine
    assert User.objects.count() == before + 10_000
    assert Department.objects.filter(name__startswith="Dept ").count() == 7
    person = User.objects.get(email="p4242@corp.example")
    assert (person.first_name, person.department.name, str(person.joined_on)) == (
        "First4242",
        "Dept 0",
        "2025-03-03",
    )
    assert not person.has_usable_password()

    assert "created 0, updated 0, unchanged 10000, refused 0" in run(path)


def test_reimport_changes_only_what_changed(tmp_path):
    first = write(
        tmp_path,
        [
            "ada@corp.example,Ada,Lovelace,Research,Analyst,2025-01-06,",
            "alan@corp.example,Alan,Turing,Research,Analyst,2025-01-06,",
        ],
    )
    assert "created 2, updated 0, unchanged 0, refused 0" in run(first)
    alan = User.objects.get(email="alan@corp.example")
    alan.display_name = "Al"  # his own choice: the roster has no say in it
    alan.save()
    second = write(
        tmp_path,
        [
            "ADA@corp.example,Ada,Lovelace,Research,Analyst,2025-01-06,",
            "alan@corp.example,Alan,Turing,Codebreaking,,2025-01-06,",
        ],
        name="second.csv",
    )
    assert "created 0, updated 1, unchanged 1, refused 0" in run(second)
    alan.refresh_from_db()
    assert (alan.department.name, alan.job_title, alan.display_name) == (
        "Codebreaking",
        "Analyst",  # an empty cell never erases
        "Al",
    )


def test_bad_rows_are_refused_with_their_line(tmp_path):
    UserFactory(username="twin1", email="twin@corp.example")
    UserFactory(username="twin2", email="twin@corp.example")
    path = write(
        tmp_path,
        [
            "good@corp.example,Good,Row,Sales,,2025-01-06,",
            "not-an-email,Bad,Email,Sales,,2025-01-06,",
            "date@corp.example,Bad,Date,Sales,,06/01/2025,",
            "order@corp.example,Left,Early,Sales,,2025-02-01,2025-01-01",
            "good@corp.example,Again,Twice,Sales,,2025-01-06,",
            "twin@corp.example,Two,Accounts,Sales,,2025-01-06,",
            "long@corp.example,Long,Title,Sales," + "x" * 121 + ",2025-01-06,",
        ],
    )
    out = run(path)
    assert "created 1, updated 0, unchanged 0, refused 6" in out
    assert "line 3: email 'not-an-email' is not an email address." in out
    assert "line 4: joined_on '06/01/2025' is not a date like 2025-01-31." in out
    assert "line 5: left_on is before joined_on." in out
    assert "line 6: email good@corp.example is already on line 2." in out
    assert "line 7: 2 accounts have the email twin@corp.example." in out
    assert "line 8: job_title is longer than 120 characters." in out
    assert not User.objects.filter(email__in=["date@corp.example", "order@corp.example"]).exists()
    assert User.objects.get(email="good@corp.example").first_name == "Good"


def test_dry_run_saves_nothing(tmp_path):
    path = write(tmp_path, ["dry@corp.example,Dry,Run,Nowhere,,2025-01-06,"])
    out = run(path, "--dry-run")
    assert "Dry run, nothing saved: would have created 1" in out
    assert not User.objects.filter(email="dry@corp.example").exists()
    assert not Department.objects.filter(name="Nowhere").exists()


def test_a_passed_leaving_date_deactivates(tmp_path):
    person = UserFactory(email="leaver@corp.example")
    yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()
    path = write(tmp_path, [f"leaver@corp.example,,,,,,{yesterday}"])
    assert "updated 1" in run(path)
    person.refresh_from_db()
    assert not person.is_active and str(person.left_on) == yesterday


def test_unreadable_files_are_refused_whole(tmp_path):
    wrong = tmp_path / "roster.csv"
    wrong.write_text("mail,name\nx@y.z,X\n")
    with pytest.raises(CommandError, match="email is missing"):
        run(wrong)
    with pytest.raises(CommandError, match="Upload a .csv or .xlsx"):
        run(write(tmp_path, [], name="roster.txt"))


def test_xlsx_and_the_template(tmp_path):
    path = tmp_path / "roster.xlsx"
    path.write_bytes(roster_template(kind="xlsx"))
    assert "created 1, updated 0, unchanged 0, refused 0" in run(path)
    ada = User.objects.get(email="ada@example.com")
    assert (ada.department.name, str(ada.joined_on)) == ("Research", "2025-01-06")
    rows = roster_read(data=roster_template(kind="csv"), filename="t.csv")
    assert [r.values["email"] for r in rows] == ["ada@example.com"]


def test_new_people_are_enrolled_by_the_onboarding_rules(tmp_path):
    from courses.models import Enrolment
    from courses.services import onboarding_rule_create
    from tests.courses.factories import make_course

    course, _, _ = make_course(lessons=1)
    sales = Department.objects.create(name="Sales", slug="sales")
    onboarding_rule_create(course=course, due_days=14, department=sales)
    path = write(
        tmp_path,
        [
            "seller@corp.example,Sam,Seller,Sales,,2030-01-07,",
            "maker@corp.example,Mo,Maker,Making,,2030-01-07,",
        ],
    )
    assert "created 2" in run(path)
    enrolment = Enrolment.objects.get(user__email="seller@corp.example")
    assert (enrolment.course_id, str(enrolment.due_on)) == (course.pk, "2030-01-21")
    assert not Enrolment.objects.filter(user__email="maker@corp.example").exists()
