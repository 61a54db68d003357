"""Training figures: per course, completions over time, and who is overdue.

Training is required, so naming people who are overdue is appropriate here (and only
here and in the policy report).
"""

import datetime
from collections import Counter, defaultdict
from statistics import median

from django.utils import timezone

from courses.selectors import certificates_expiring
from courses.selectors.reports import (
    EnrolmentRow,
    certificate_holders,
    certificate_issue_times,
    course_starts,
    enrolment_completion_times,
    enrolments_for_report,
    enrolments_overdue,
)
from people.models import Department
from portal.periods import week_start, week_starts_between
from reports.base import Column, Figure, Report, Table, aware_range, percent, week_labels
from reports.charts import line_chart

COURSE_COUNTS = ("enrolled", "started", "completed", "overdue", "certified")


def _course_rows(cohort: list[EnrolmentRow], *, today: datetime.date) -> list[dict]:
    """Per course of the cohort: how many enrolled, started, completed, are overdue and
    hold its certificate; the certification rate and median days to complete."""
    user_ids = {e["user_id"] for e in cohort}
    course_ids = {e["course_id"] for e in cohort}
    started = course_starts(user_ids=user_ids, course_ids=course_ids)
    certified = certificate_holders(user_ids=user_ids, course_ids=course_ids)
    rows: dict[int, dict] = {}
    durations: dict[int, list[float]] = defaultdict(list)
    for e in cohort:
        row = rows.setdefault(
            e["course_id"], {"course": e["course_title"], **dict.fromkeys(COURSE_COUNTS, 0)}
        )
        pair = (e["user_id"], e["course_id"])
        completed_at, due_on = e["completed_at"], e["due_on"]
        row["enrolled"] += 1
        row["started"] += bool(completed_at or pair in started)
        row["completed"] += bool(completed_at)
        row["overdue"] += bool(not completed_at and due_on and due_on < today)
        row["certified"] += pair in certified
        # A completion recorded before its enrolment (history imported or backdated after
        # the fact) has no known duration: it is left out, not counted as 0 days.
        if completed_at and completed_at >= e["enrolled_at"]:
            days = (completed_at - e["enrolled_at"]).total_seconds() / 86400
            durations[e["course_id"]].append(days)
    for course_id, row in rows.items():
        row["certification_rate"] = percent(row["certified"], row["enrolled"])
        spans = durations[course_id]
        row["median_days"] = round(median(spans), 1) if spans else None
    return list(rows.values())


def _courses_table(rows: list[dict]) -> Table:
    return Table(
        "courses",
        "Courses",
        [
            Column("course", "Course"),
            Column("enrolled", "Enrolled", True),
            Column("started", "Started", True),
            Column("completed", "Completed", True),
            Column("overdue", "Overdue", True),
            Column("certified", "Certified", True),
            Column("certification_rate", "Certification rate (%)", True),
            Column("median_days", "Median days to complete", True),
        ],
        rows,
        note="People enrolled in the period. Certified: holds a certificate from the "
        "course (at any time). Median days to complete: from enrolment to completion, "
        "over those who completed (blank when nobody has).",
        empty="Nobody was enrolled in this period.",
    )


def _weekly_table(
    *,
    weeks: list[datetime.date],
    since: datetime.datetime,
    until: datetime.datetime,
    department: Department | None,
) -> Table:
    completions = Counter(
        map(week_start, enrolment_completion_times(since=since, until=until, department=department))
    )
    certificates = Counter(
        map(week_start, certificate_issue_times(since=since, until=until, department=department))
    )
    rows = [
        {"week": week, "completions": completions[week], "certificates": certificates[week]}
        for week in weeks
    ]
    return Table(
        "weekly",
        "Completions and certificates per week",
        [
            Column("week", "Week starting"),
            Column("completions", "Courses completed", True),
            Column("certificates", "Certificates issued", True),
        ],
        rows,
        chart=line_chart(
            title="Completions and certificates per week",
            labels=week_labels(weeks),
            series={
                "Courses completed": [r["completions"] for r in rows],
                "Certificates issued": [r["certificates"] for r in rows],
            },
        ),
    )


def _overdue_rows(*, today: datetime.date, department: Department | None) -> list[dict]:
    return [
        {
            "name": e.user.name,
            "department": e.user.department.name if e.user.department else "",
            "course": e.course.title,
            "due_on": e.due_on,
            "days_overdue": (today - e.due_on).days,
        }
        for e in enrolments_overdue(today=today, department=department)
    ]


def _overdue_table(rows: list[dict]) -> Table:
    return Table(
        "overdue",
        "People with overdue training (today)",
        [
            Column("name", "Name"),
            Column("department", "Department"),
            Column("course", "Course"),
            Column("due_on", "Due"),
            Column("days_overdue", "Days overdue", True),
        ],
        rows,
        note="Required training, so names are shown. Every unfinished enrolment past "
        "its due date, whatever the date range above.",
        empty="Nobody is overdue.",
    )


def _figures(courses: list[dict], overdue: list[dict], expiring) -> list[Figure]:
    return [
        Figure("Enrolments in the period", sum(r["enrolled"] for r in courses)),
        Figure("Completed", sum(r["completed"] for r in courses)),
        Figure("Overdue today", len(overdue), "all enrolments, whatever the dates"),
        Figure("Certificates expiring in the next 30 days", expiring.next_30_days, "not renewed"),
        Figure("Certificates expiring in the next 90 days", expiring.next_90_days, "not renewed"),
    ]


def training_report(
    *,
    start: datetime.date,
    end: datetime.date,
    department: Department | None = None,
    today: datetime.date | None = None,
) -> Report:
    """Enrolments made in [start, end] (the cohort), per course; completions and
    certificates per week in [start, end]; everyone overdue today."""
    today = today or timezone.localdate()
    since, until = aware_range(start, end)
    cohort = enrolments_for_report(since=since, until=until, department=department)
    courses = _course_rows(cohort, today=today)
    overdue = _overdue_rows(today=today, department=department)
    return Report(
        figures=_figures(
            courses, overdue, certificates_expiring(today=today, department=department)
        ),
        tables=[
            _courses_table(courses),
            _weekly_table(
                weeks=week_starts_between(start, end),
                since=since,
                until=until,
                department=department,
            ),
            _overdue_table(overdue),
        ],
    )
