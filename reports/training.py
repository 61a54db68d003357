"""Training figures: per course, completions over time, and who is overdue.

Training is required, so naming people who are overdue is appropriate here (and only
here and in the policy report).
"""

import datetime
from collections import Counter, defaultdict
from statistics import median

from django.db.models import Q
from django.utils import timezone

from courses.models import Certificate, Enrolment, LessonCompletion, QuizAttempt
from people.models import Department
from reports.base import (
    Column,
    Figure,
    Report,
    Table,
    aware_range,
    percent,
    week_of,
    week_starts,
)
from reports.charts import line_chart


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
    begin, stop = aware_range(start, end)
    people = Q(user__department=department) if department else Q()
    cohort = list(
        Enrolment.objects.filter(people, enrolled_at__gte=begin, enrolled_at__lt=stop)
        .select_related("course")
        .order_by("course__title", "pk")
    )
    user_ids = {e.user_id for e in cohort}
    course_ids = {e.course_id for e in cohort}
    started = set(
        LessonCompletion.objects.filter(user_id__in=user_ids, course_id__in=course_ids)
        .values_list("user_id", "course_id")
        .distinct()
    ) | set(
        QuizAttempt.objects.filter(user_id__in=user_ids, course_id__in=course_ids)
        .values_list("user_id", "course_id")
        .distinct()
    )
    certified = set(
        Certificate.objects.filter(user_id__in=user_ids, course_id__in=course_ids)
        .values_list("user_id", "course_id")
        .distinct()
    )

    per_course: dict[int, dict] = {}
    durations: dict[int, list[float]] = defaultdict(list)
    for e in cohort:
        row = per_course.setdefault(
            e.course_id,
            {
                "course": e.course.title,
                "enrolled": 0,
                "started": 0,
                "completed": 0,
                "overdue": 0,
                "certified": 0,
            },
        )
        pair = (e.user_id, e.course_id)
        row["enrolled"] += 1
        row["started"] += bool(e.completed_at or pair in started)
        row["completed"] += bool(e.completed_at)
        row["overdue"] += bool(not e.completed_at and e.due_on and e.due_on < today)
        row["certified"] += pair in certified
        if e.completed_at:
            days = (e.completed_at - e.enrolled_at).total_seconds() / 86400
            durations[e.course_id].append(max(days, 0))
    courses = []
    for course_id, row in per_course.items():
        row["certification_rate"] = percent(row["certified"], row["enrolled"])
        row["median_days"] = (
            round(median(durations[course_id]), 1) if durations[course_id] else None
        )
        courses.append(row)

    weeks = week_starts(start, end)
    completions = Counter(
        week_of(at)
        for at in Enrolment.objects.filter(
            people, completed_at__gte=begin, completed_at__lt=stop
        ).values_list("completed_at", flat=True)
    )
    certificates = Counter(
        week_of(at)
        for at in Certificate.objects.filter(
            people, issued_at__gte=begin, issued_at__lt=stop
        ).values_list("issued_at", flat=True)
    )
    weekly = [
        {"week": week, "completions": completions[week], "certificates": certificates[week]}
        for week in weeks
    ]
    labels = [f"{w:%d %b}" for w in weeks]

    overdue = (
        Enrolment.objects.filter(people, completed_at__isnull=True, due_on__lt=today)
        .select_related("user", "user__department", "course")
        .order_by("due_on", "user__last_name", "user__username")
    )
    overdue_rows = [
        {
            "name": e.user.name,
            "department": e.user.department.name if e.user.department else "",
            "course": e.course.title,
            "due_on": e.due_on,
            "days_overdue": (today - e.due_on).days,
        }
        for e in overdue
    ]

    enrolled = sum(r["enrolled"] for r in courses)
    return Report(
        figures=[
            Figure("Enrolments in the period", enrolled),
            Figure("Completed", sum(r["completed"] for r in courses)),
            Figure("Overdue today", len(overdue_rows), "all enrolments, whatever the dates"),
        ],
        tables=[
            Table(
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
                courses,
                note="People enrolled in the period. Certified: holds a certificate from the "
                "course (at any time). Median days: from enrolment to completion.",
                empty="Nobody was enrolled in this period.",
            ),
            Table(
                "weekly",
                "Completions and certificates per week",
                [
                    Column("week", "Week starting"),
                    Column("completions", "Courses completed", True),
                    Column("certificates", "Certificates issued", True),
                ],
                weekly,
                chart=line_chart(
                    title="Completions and certificates per week",
                    labels=labels,
                    series={
                        "Courses completed": [r["completions"] for r in weekly],
                        "Certificates issued": [r["certificates"] for r in weekly],
                    },
                ),
            ),
            Table(
                "overdue",
                "People with overdue training (today)",
                [
                    Column("name", "Name"),
                    Column("department", "Department"),
                    Column("course", "Course"),
                    Column("due_on", "Due"),
                    Column("days_overdue", "Days overdue", True),
                ],
                overdue_rows,
                note="Required training, so names are shown. Every unfinished enrolment past "
                "its due date, whatever the date range above.",
                empty="Nobody is overdue.",
            ),
        ],
    )
