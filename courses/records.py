"""What training records about a person, for /me/ and the personal data export."""

from typing import Any

from courses.models import Enrolment, LessonCompletion, QuizAttempt
from courses.selectors import certificate_list
from people.records import RecordSection


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def _quiz_attempt(attempt: QuizAttempt) -> dict[str, Any]:
    """One attempt with the answers given (correctness only once it was submitted)."""
    return {
        "quiz": attempt.quiz.title,
        "number": attempt.number,
        "started_at": _iso(attempt.started_at),
        "submitted_at": _iso(attempt.submitted_at),
        "score_percent": attempt.score,
        "passed": attempt.passed,
        "answers": [
            {
                "question": attempt.questions[answer.position]["text"],
                "chosen": [
                    c["text"]
                    for c in attempt.questions[answer.position]["choices"]
                    if c["id"] in answer.choice_ids
                ],
                "answered_at": _iso(answer.answered_at),
                "correct": answer.correct if attempt.submitted_at else None,
            }
            for answer in attempt.answers.all()
        ],
    }


def collect(user) -> dict[str, Any]:
    return {
        "enrolments": [
            {
                "course": e.course.title,
                "source": e.source,
                "enrolled_at": _iso(e.enrolled_at),
                "due_on": _iso(e.due_on),
                "completed_at": _iso(e.completed_at),
                # Recertification: enrolled again when this certificate expired.
                "reenrolled_after_certificate": (
                    e.expired_certificate.code if e.expired_certificate_id else None
                ),
                "reenrolled_at": _iso(e.cycle_started_at),
            }
            for e in Enrolment.objects.filter(user=user).select_related(
                "course", "expired_certificate"
            )
        ],
        "lessons_completed": [
            {"lesson": c.lesson.title, "completed_at": _iso(c.completed_at)}
            for c in LessonCompletion.objects.filter(user=user)
            .select_related("lesson")
            .order_by("completed_at")
        ],
        "quiz_attempts": [
            _quiz_attempt(a)
            for a in QuizAttempt.objects.filter(user=user)
            .select_related("quiz")
            .prefetch_related("answers")
            .order_by("started_at")
        ],
        "certificates": [
            {
                "course": c.course_title,
                "issued_at": _iso(c.issued_at),
                "expires_on": _iso(c.expires_on),
                "verification_code": c.code,
                "status": "valid" if c.valid else "expired",
                "renewed": c.renewed,
            }
            for c in reversed(certificate_list(user=user))
        ],
    }


SECTION = RecordSection(
    "training",
    "Your training",
    "The courses you are enrolled in and their due dates, the lessons you marked as complete, "
    "every quiz attempt with the answers you gave and its score, and your certificates with "
    "their verification codes, whether each is valid or expired, and any re-enrolment "
    "after one expired.",
    collect,
)
