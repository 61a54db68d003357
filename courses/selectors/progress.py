"""Reads for progress and status: per course, per person, for the dashboard and pages.

Every selector here runs a fixed number of queries, however many lessons or courses.
"""

from dataclasses import dataclass, field
from datetime import date
from functools import reduce
from operator import or_

from django.db.models import Count, Max, Q
from django.utils import timezone

from courses.models import (
    Certificate,
    CoursePage,
    Enrolment,
    LessonCompletion,
    LessonPage,
    QuizAttempt,
    QuizPage,
)
from courses.selectors.certificates import certificate_list
from people.models import User

NOT_STARTED, IN_PROGRESS, COMPLETED, OVERDUE = "not_started", "in_progress", "completed", "overdue"
STATUS_LABELS = {
    NOT_STARTED: "Not started",
    IN_PROGRESS: "In progress",
    COMPLETED: "Completed",
    OVERDUE: "Overdue",
}


def page_url(url_path: str) -> str:
    """A page's URL from its url_path, for the one site whose root is the home page."""
    parts = url_path.split("/", 2)
    return "/" + (parts[2] if len(parts) > 2 else "")


@dataclass
class LessonItem:
    pk: int
    title: str
    url: str
    minutes: int
    done: bool


@dataclass
class CourseProgress:
    course: CoursePage
    lessons: list[LessonItem]
    quiz: dict | None
    quiz_passed: bool
    enrolment: Enrolment | None
    today: date
    attempted: bool = False

    @property
    def lessons_done(self) -> int:
        return sum(lesson.done for lesson in self.lessons)

    @property
    def total_steps(self) -> int:
        return len(self.lessons) + (1 if self.quiz else 0)

    @property
    def done_steps(self) -> int:
        return self.lessons_done + (1 if self.quiz_passed else 0)

    @property
    def percent(self) -> int:
        return round(100 * self.done_steps / self.total_steps) if self.total_steps else 0

    @property
    def lessons_complete(self) -> bool:
        return self.lessons_done == len(self.lessons)

    @property
    def due_on(self) -> date | None:
        return self.enrolment.due_on if self.enrolment else None

    @property
    def completed(self) -> bool:
        return bool(self.enrolment and self.enrolment.completed_at) or (
            self.quiz_passed and self.lessons_complete
        )

    @property
    def status(self) -> str:
        return enrolment_status(
            completed=self.completed,
            started=self.lessons_done > 0 or self.attempted,
            due_on=self.due_on,
            today=self.today,
        )

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def next_step(self) -> tuple[str, str]:
        """(label, url) of the next unfinished step."""
        for lesson in self.lessons:
            if not lesson.done:
                return lesson.title, lesson.url
        if self.quiz and not self.quiz_passed:
            return self.quiz["title"], self.quiz["url"]
        return self.course.title, page_url(self.course.url_path)

    @property
    def next_url(self) -> str:
        return self.next_step[1]


def enrolment_status(*, completed: bool, started: bool, due_on: date | None, today: date) -> str:
    """Completed wins; a missed due date shows as overdue even when work has started."""
    if completed:
        return COMPLETED
    if due_on is not None and due_on < today:
        return OVERDUE
    return IN_PROGRESS if started else NOT_STARTED


def _children_of(courses: list[CoursePage]) -> Q:
    return reduce(
        or_, (Q(path__startswith=c.path, depth=c.depth + 1) for c in courses), Q(pk__in=[])
    )


def progress_for(
    *, user: User, courses: list[CoursePage], enrolments: dict[int, Enrolment] | None = None
) -> dict[int, CourseProgress]:
    """Progress in each course, in four queries whatever the number of courses or lessons."""
    if not courses:
        return {}
    today = timezone.localdate()
    children = _children_of(courses)
    lessons = list(
        LessonPage.objects.live()
        .filter(children)
        .order_by("path")
        .values("pk", "title", "url_path", "path", "estimated_minutes")
    )
    quizzes = list(
        QuizPage.objects.live()
        .filter(children)
        .order_by("path")
        .values("pk", "title", "url_path", "path")
    )
    course_ids = [course.pk for course in courses]
    done = set(
        LessonCompletion.objects.filter(user=user, course_id__in=course_ids).values_list(
            "lesson_id", flat=True
        )
    )
    attempts = {
        row["course_id"]: row
        for row in QuizAttempt.objects.filter(user=user, course_id__in=course_ids)
        .values("course_id")
        .annotate(passed=Count("pk", filter=Q(passed=True)), best=Max("score"))
    }
    if enrolments is None:
        enrolments = {
            e.course_id: e for e in Enrolment.objects.filter(user=user, course_id__in=course_ids)
        }
    result = {}
    for course in courses:
        prefix = course.path
        course_quiz = next((q for q in quizzes if q["path"].startswith(prefix)), None)
        attempt_row = attempts.get(course.pk)
        result[course.pk] = CourseProgress(
            course=course,
            lessons=[
                LessonItem(
                    pk=row["pk"],
                    title=row["title"],
                    url=page_url(row["url_path"]),
                    minutes=row["estimated_minutes"],
                    done=row["pk"] in done,
                )
                for row in lessons
                if row["path"].startswith(prefix)
            ],
            quiz=(
                {**course_quiz, "url": page_url(course_quiz["url_path"])} if course_quiz else None
            ),
            quiz_passed=bool(attempt_row and attempt_row["passed"]),
            attempted=attempt_row is not None,
            enrolment=enrolments.get(course.pk),
            today=today,
        )
    return result


def course_progress(*, user: User, course: CoursePage) -> CourseProgress:
    return progress_for(user=user, courses=[course])[course.pk]


def catalogue_for(*, user: User, index) -> list[CourseProgress]:
    courses = list(CoursePage.objects.live().child_of(index).order_by("path"))
    progress = progress_for(user=user, courses=courses)
    return [progress[course.pk] for course in courses]


@dataclass
class TrainingOverview:
    rows: list[CourseProgress] = field(default_factory=list)
    certificates: list[Certificate] = field(default_factory=list)


def training_overview(*, user: User) -> TrainingOverview:
    """A person's enrolments with progress and their certificates; memoised on the user
    object so the dashboard step and panel share one computation per request."""
    cached = getattr(user, "_courses_overview", None)
    if cached is not None:
        return cached
    enrolments = list(
        Enrolment.objects.filter(user=user, course__live=True)
        .select_related("course")
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


def lesson_context(*, user: User, lesson: LessonPage) -> dict:
    """What a lesson page shows around its content: course, position, previous/next,
    whether this person has completed it."""
    course = CoursePage.objects.parent_of(lesson).get()
    progress = course_progress(user=user, course=course)
    index = next((i for i, item in enumerate(progress.lessons) if item.pk == lesson.pk), 0)
    previous = progress.lessons[index - 1] if index > 0 else None
    following = progress.lessons[index + 1] if index + 1 < len(progress.lessons) else None
    current = progress.lessons[index] if progress.lessons else None
    return {
        "course": course,
        "training_url": page_url(course.url_path.rstrip("/").rsplit("/", 1)[0] + "/"),
        "progress": progress,
        "lesson_number": index + 1,
        "previous_lesson": previous,
        "next_lesson": following,
        "completed": bool(current and current.done),
    }
