"""Reads for the Chorus reports: training cohorts, completions, overdue work, quiz attempts.

Every selector runs one query (`course_starts`: two), however many people or courses.
Periods are half-open: at or after `since`, before `until` (aware datetimes).
"""

from datetime import date, datetime
from typing import Any, TypedDict

from django.db.models import F, Q, QuerySet

from courses.models import AttemptAnswer, Certificate, Enrolment, LessonCompletion, QuizAttempt
from courses.models import QuizPage as QuizPage
from people.models import Department

Pair = tuple[int, int]


class EnrolmentRow(TypedDict):
    user_id: int
    course_id: int
    course_title: str
    enrolled_at: datetime
    completed_at: datetime | None
    due_on: date | None


class AttemptRow(TypedDict):
    pk: int
    quiz_id: int
    quiz_title: str
    questions: list[dict[str, Any]]
    passed: bool | None
    user_id: int
    number: int
    score: int | None
    started_at: datetime
    submitted_at: datetime
    fast_answer_seconds: int  # the quiz's threshold for the speed flag


class AnswerRow(TypedDict):
    choice_ids: list[str]
    correct: bool | None
    answered_at: datetime  # first answered (see AttemptAnswer)


def _in_department(department: Department | None) -> Q:
    return Q(user__department=department) if department else Q()


def enrolments_for_report(
    *, since: datetime, until: datetime, department: Department | None = None
) -> list[EnrolmentRow]:
    """Enrolments made in the period (optionally of one department's members), by course
    title then in the order they were made."""
    return list(
        Enrolment.objects.filter(
            _in_department(department), enrolled_at__gte=since, enrolled_at__lt=until
        )
        .order_by("course__title", "pk")
        .values(
            "user_id",
            "course_id",
            "enrolled_at",
            "completed_at",
            "due_on",
            course_title=F("course__title"),
        )
    )


def course_starts(*, user_ids: set[int], course_ids: set[int]) -> set[Pair]:
    """(user id, course id) of each of these people who completed a lesson or attempted
    the quiz of each of these courses."""
    lessons = LessonCompletion.objects.filter(user_id__in=user_ids, course_id__in=course_ids)
    attempts = QuizAttempt.objects.filter(user_id__in=user_ids, course_id__in=course_ids)
    return set(lessons.values_list("user_id", "course_id").distinct()) | set(
        attempts.values_list("user_id", "course_id").distinct()
    )


def certificate_holders(*, user_ids: set[int], course_ids: set[int]) -> set[Pair]:
    """(user id, course id) of each of these people holding a certificate (valid or not)
    from each of these courses."""
    return set(
        Certificate.objects.filter(user_id__in=user_ids, course_id__in=course_ids)
        .values_list("user_id", "course_id")
        .distinct()
    )


def enrolment_completion_times(
    *, since: datetime, until: datetime, department: Department | None = None
) -> list[datetime]:
    """When each enrolment completed in the period was completed."""
    return list(
        Enrolment.objects.filter(
            _in_department(department), completed_at__gte=since, completed_at__lt=until
        ).values_list("completed_at", flat=True)
    )


def certificate_issue_times(
    *, since: datetime, until: datetime, department: Department | None = None
) -> list[datetime]:
    """When each certificate issued in the period was issued."""
    return list(
        Certificate.objects.filter(
            _in_department(department), issued_at__gte=since, issued_at__lt=until
        ).values_list("issued_at", flat=True)
    )


def enrolments_overdue(*, today: date, department: Department | None = None) -> QuerySet[Enrolment]:
    """Unfinished enrolments due before `today`, with person, department and course, the
    longest overdue first. Closed ones (the person left) are not overdue."""
    return (
        Enrolment.objects.filter(
            _in_department(department),
            completed_at__isnull=True,
            closed_at__isnull=True,
            due_on__lt=today,
        )
        .select_related("user", "user__department", "course")
        .order_by("due_on", "user__last_name", "user__username")
    )


def quizzes_for_report() -> QuerySet[QuizPage]:
    """Every quiz, by title: the choices of the report's quiz filter."""
    return QuizPage.objects.order_by("title")


def quiz_attempts_submitted(
    *, since: datetime, until: datetime, quiz: QuizPage | None = None
) -> list[AttemptRow]:
    """Attempts submitted in the period (optionally at one quiz), by quiz title then in the
    order they were made. `questions` is the attempt's draw (see QuizAttempt)."""
    attempts = QuizAttempt.objects.filter(submitted_at__gte=since, submitted_at__lt=until)
    if quiz is not None:
        attempts = attempts.filter(quiz=quiz)
    return list(
        attempts.order_by("quiz__title", "pk").values(
            "pk",
            "quiz_id",
            "questions",
            "passed",
            "user_id",
            "number",
            "score",
            "started_at",
            "submitted_at",
            quiz_title=F("quiz__title"),
            fast_answer_seconds=F("quiz__fast_answer_seconds"),
        )
    )


def attempt_answers_by_position(*, attempt_ids: list[int]) -> dict[Pair, AnswerRow]:
    """The answers given in these attempts, by (attempt id, question position); a question
    left unanswered has none."""
    answers = AttemptAnswer.objects.filter(attempt_id__in=attempt_ids)
    return {
        (a["attempt_id"], a["position"]): {
            "choice_ids": a["choice_ids"],
            "correct": a["correct"],
            "answered_at": a["answered_at"],
        }
        for a in answers.values("attempt_id", "position", "choice_ids", "correct", "answered_at")
    }
