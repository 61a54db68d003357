"""Reads for training: progress, status, quiz state, certificates.

Every selector here runs a fixed number of queries, however many lessons, questions,
courses or people there are.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
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


# Certificates -----------------------------------------------------------------------


def _valid_certificates(*, user: User, today: date | None = None):
    today = today or timezone.localdate()
    return Certificate.objects.filter(user=user, course__certifies_advocates=True).filter(
        Q(expires_on__isnull=True) | Q(expires_on__gte=today)
    )


def certificate_current(*, user: User) -> Certificate | None:
    """The person's valid advocate certificate (newest first), or None. A certificate from a
    course that certifies advocates counts until its expiry date, inclusive."""
    if not getattr(user, "is_authenticated", False):
        return None
    return _valid_certificates(user=user).order_by("-issued_at").first()


def advocate_is_certified(*, user: User) -> bool:
    """Is this person a certified advocate right now? One query."""
    if not getattr(user, "is_authenticated", False):
        return False
    return _valid_certificates(user=user).exists()


def certificate_list(*, user: User) -> list[Certificate]:
    today = timezone.localdate()
    certificates = list(Certificate.objects.filter(user=user).order_by("-issued_at"))
    for certificate in certificates:
        certificate.valid = certificate.is_valid_on(today)
    return certificates


# Progress ---------------------------------------------------------------------------


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


# Quiz -------------------------------------------------------------------------------


@dataclass
class QuizState:
    quiz: QuizPage
    course: CoursePage
    lessons_left: int
    attempts: list[QuizAttempt]
    open_attempt: QuizAttempt | None
    next_allowed_at: datetime | None
    certificate: Certificate | None
    block_code: str = ""
    block_message: str = ""

    @property
    def attempts_used(self) -> int:
        return len(self.attempts)

    @property
    def attempts_left(self) -> int | None:
        if self.quiz.attempts_allowed is None:
            return None
        return max(0, self.quiz.attempts_allowed - len(self.attempts))

    @property
    def best_score(self) -> int | None:
        scores = [a.score for a in self.attempts if a.score is not None]
        return max(scores) if scores else None

    @property
    def passed(self) -> bool:
        return any(a.passed for a in self.attempts)

    @property
    def locked(self) -> bool:
        return self.lessons_left > 0

    @property
    def can_start(self) -> bool:
        return not self.block_code


def quiz_state(
    *, user: User, quiz: QuizPage, course: CoursePage | None = None, now: datetime | None = None
) -> QuizState:
    """Where a person stands with a quiz and whether they may start an attempt now; the
    block message says why not. quiz_attempt_start enforces the same rules under a lock."""
    now = now or timezone.now()
    course = course or CoursePage.objects.parent_of(quiz).get()
    lessons = list(LessonPage.objects.live().child_of(course).values_list("pk", flat=True))
    lessons_left = (
        len(lessons) - LessonCompletion.objects.filter(user=user, lesson_id__in=lessons).count()
    )
    attempts = list(QuizAttempt.objects.filter(user=user, quiz=quiz).order_by("number"))
    open_attempt = next((a for a in attempts if a.is_open), None)
    certificate = Certificate.objects.filter(user=user, course=course).first()
    state = QuizState(
        quiz=quiz,
        course=course,
        lessons_left=lessons_left,
        attempts=attempts,
        open_attempt=open_attempt,
        next_allowed_at=None,
        certificate=certificate,
    )
    submitted = [a for a in attempts if not a.is_open]
    if open_attempt is not None:
        return state
    if lessons_left:
        state.block_code = "locked"
        state.block_message = (
            f"Finish the {lessons_left} remaining lesson{'s' if lessons_left != 1 else ''} "
            "first; then the quiz unlocks."
        )
    elif state.passed and (
        not course.certifies_advocates
        or (certificate and certificate.is_valid_on(timezone.localdate(now)))
    ):
        state.block_code = "passed"
        state.block_message = "You have passed this quiz."
    elif quiz.attempts_allowed is not None and len(attempts) >= quiz.attempts_allowed:
        state.block_code = "no_attempts"
        state.block_message = (
            f"You have used all {quiz.attempts_allowed} attempts for this quiz. "
            "Please contact the People team."
        )
    elif submitted and quiz.wait_minutes:
        last = max(a.submitted_at for a in submitted)
        allowed_at = last + timedelta(minutes=quiz.wait_minutes)
        if now < allowed_at:
            state.next_allowed_at = allowed_at
            local = timezone.localtime(allowed_at)
            state.block_code = "wait"
            state.block_message = (
                f"You can try again from {local:%-d %B at %H:%M}: the quiz asks you to wait "
                f"{quiz.wait_minutes} minutes between attempts, so take the time to review "
                "the lessons."
            )
    return state


def attempt_question(*, attempt: QuizAttempt, position: int) -> dict:
    """The public view of one drawn question: never says which choices are correct."""
    question = attempt.questions[position]
    return {
        "position": position,
        "number": position + 1,
        "total": attempt.total,
        "type": question["type"],
        "text": question["text"],
        "multiple": question["type"] == "multiple",
        "choices": [{"id": c["id"], "text": c["text"]} for c in question["choices"]],
    }


def attempt_answer_feedback(*, attempt: QuizAttempt, position: int, choice_ids: list[str]) -> dict:
    """Feedback on an answer already saved (for quizzes that give it after each answer)."""
    from courses.services.quiz import question_is_correct

    question = attempt.questions[position]
    return {
        "number": position + 1,
        "correct": question_is_correct(question, choice_ids),
        "explanation": question["explanation"],
    }


def attempt_review(*, attempt: QuizAttempt) -> list[dict]:
    """Per-question feedback for a submitted attempt."""
    if attempt.is_open:
        return []
    answers = {a.position: a for a in attempt.answers.all()}
    review = []
    for position, question in enumerate(attempt.questions):
        answer = answers.get(position)
        chosen = set(answer.choice_ids) if answer else set()
        review.append(
            {
                "number": position + 1,
                "text": question["text"],
                "type": question["type"],
                "answered": answer is not None,
                "correct": bool(answer and answer.correct),
                "explanation": question["explanation"],
                "choices": [
                    {"text": c["text"], "chosen": c["id"] in chosen, "correct": c["correct"]}
                    for c in question["choices"]
                ],
            }
        )
    return review
