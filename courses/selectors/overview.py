"""Reads for the dashboard: a person's enrolments with progress, and their certificates."""

from dataclasses import dataclass, field
from functools import cache

from wagtail.models import Page

from courses.models import Certificate, CoursePage, Enrolment
from courses.selectors.certificates import certificate_list
from courses.selectors.progress import CourseProgress, progress_for
from people.models import User
from portal.rows import column, converted, instance, prepared_cursor, selected, table

# What the step and the panel use of a course: its title, its URL (url_path), where it sits
# in the tree (its lessons and quiz are found under it) and whether it certifies advocates.
# A course page has some forty columns, the rest read only to be dropped.
_PAGE_FIELDS = ("id", "title", "url_path", "path", "depth")  # of its page
_COURSE_FIELDS = ("page_ptr_id", "certifies_advocates")  # of its course
_ENROLMENT_FIELDS = tuple(field.attname for field in Enrolment._meta.concrete_fields)
_READ = [
    (Enrolment, "e", _ENROLMENT_FIELDS),
    (Page, "p", _PAGE_FIELDS),
    (CoursePage, "k", _COURSE_FIELDS),
    (Certificate, "x", tuple(field.attname for field in Certificate._meta.concrete_fields)),
]


@dataclass
class TrainingOverview:
    rows: list[CourseProgress] = field(default_factory=list)
    certificates: list[Certificate] = field(default_factory=list)

    @property
    def certified(self) -> bool:
        """A certified advocate today (as advocate_is_certified, from the certificates
        already read)."""
        return any(c.valid and c.certifies_advocates for c in self.certificates)


def training_overview(*, user: User) -> TrainingOverview:
    """A person's enrolments in live courses with progress, and their certificates.

    Memoised on the user object, so the dashboard's step and panel share one computation
    per request. Built without a request (the step has none): URLs are each page's
    `get_url()`."""
    cached = getattr(user, "_courses_overview", None)
    if cached is not None:
        return cached
    enrolments = enrolments_with_courses(user=user)
    progress = progress_for(
        user=user,
        courses=[e.course for e in enrolments],
        enrolments={e.course_id: e for e in enrolments},
    )
    overview = TrainingOverview(
        rows=[progress[e.course_id] for e in enrolments], certificates=certificate_list(user=user)
    )
    user._courses_overview = overview
    return overview


@cache
def _enrolments_sql() -> tuple[str, list]:
    columns, converters = selected(_READ)
    enrolment = column(Enrolment, "course", "e")
    return (
        f"SELECT {columns} FROM {table(Enrolment)} e "  # noqa: S608 - names from the models
        f"JOIN {table(Page)} p ON {column(Page, 'id', 'p')} = {enrolment} "
        f"JOIN {table(CoursePage)} k ON {column(CoursePage, 'page_ptr', 'k')} = {enrolment} "
        f"LEFT JOIN {table(Certificate)} x ON {column(Certificate, 'id', 'x')} = "
        f"{column(Enrolment, 'expired_certificate', 'e')} "
        f"WHERE {column(Enrolment, 'user', 'e')} = %s AND {column(Page, 'live', 'p')} "
        f"ORDER BY {column(Enrolment, 'completed_at', 'e')}, {column(Enrolment, 'due_on', 'e')}, "
        f"{column(Enrolment, 'enrolled_at', 'e')}"
    ), converters


def enrolments_with_courses(*, user: User) -> list[Enrolment]:
    """`user`'s enrolments in live courses, oldest completion first, each with its course
    (those fields only, the rest deferred) and expired certificate on it. Written by hand,
    on every dashboard: the ORM's select_related over a page with only() took longer to
    compile and build than PostgreSQL took to answer."""
    sql, converters = _enrolments_sql()
    with prepared_cursor() as cursor:
        cursor.execute(sql, [user.pk])
        rows = cursor.fetchall()
    enrolments = []
    for row in rows:
        values, page, course, certificate = converted(row, converters, _READ)
        enrolment = instance(Enrolment, _READ[0][2], values)
        enrolment.course = instance(CoursePage, (*_READ[1][2], *_READ[2][2]), (*page, *course))
        enrolment.expired_certificate = (
            instance(Certificate, _READ[3][2], certificate) if certificate[0] is not None else None
        )
        enrolments.append(enrolment)
    return enrolments
