"""Reads for the dashboard: a person's enrolments with progress, and their certificates."""

from dataclasses import dataclass, field

from courses.models import Certificate, Enrolment
from courses.selectors.certificates import certificate_list
from courses.selectors.progress import CourseProgress, progress_for
from people.models import User

# What the step and the panel use of a course: its title, its URL (url_path), where it sits
# in the tree (its lessons and quiz are found under it) and whether it certifies advocates.
# A course page has some forty columns, the rest read only to be dropped.
COURSE_FIELDS = ("title", "url_path", "path", "depth", "certifies_advocates")
_ENROLMENT_FIELDS = tuple(field.name for field in Enrolment._meta.concrete_fields)


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
    enrolments = list(
        Enrolment.objects.filter(user=user, course__live=True)
        .select_related("course", "expired_certificate")
        .only(*_ENROLMENT_FIELDS, *(f"course__{name}" for name in COURSE_FIELDS))
        .order_by("completed_at", "due_on", "enrolled_at")
    )
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
