"""What training records about a person, for /me/ and the personal data export."""

from typing import Any

from courses.models import Certificate, Enrolment, LessonCompletion, QuizAttempt
from people.records import RecordSection


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def collect(user) -> dict[str, Any]:
    return {
        "enrolments": [
            {
                "course": e.course.title,
                "source": e.source,
                "enrolled_at": _iso(e.enrolled_at),
                "due_on": _iso(e.due_on),
                "completed_at": _iso(e.completed_at),
            }
            for e in Enrolment.objects.filter(user=user).select_related("course")
        ],
        "lessons_completed": [
            {"lesson": c.lesson.title, "completed_at": _iso(c.completed_at)}
            for c in LessonCompletion.objects.filter(user=user)
            .select_related("lesson")
            .order_by("completed_at")
        ],
        "quiz_attempts": [
            {
                "quiz": a.quiz.title,
                "number": a.number,
                "started_at": _iso(a.started_at),
                "submitted_at": _iso(a.submitted_at),
                "score_percent": a.score,
                "passed": a.passed,
                "answers": [
                    {
                        "question": a.questions[answer.position]["text"],
                        "chosen": [
                            c["text"]
                            for c in a.questions[answer.position]["choices"]
                            if c["id"] in answer.choice_ids
                        ],
                        "answered_at": _iso(answer.answered_at),
                        "correct": answer.correct if a.submitted_at else None,
                    }
                    for answer in a.answers.all()
                ],
            }
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
            }
            for c in Certificate.objects.filter(user=user).order_by("issued_at")
        ],
    }


SECTION = RecordSection(
    "training",
    "Your training",
    "The courses you are enrolled in and their due dates, the lessons you marked as complete, "
    "every quiz attempt with the answers you gave and its score, and your certificates with "
    "their verification codes.",
    collect,
)
