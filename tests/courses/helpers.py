"""Test helpers that drive the real services."""

from courses.models import QuizAttempt
from courses.services import lesson_complete, quiz_answer_save, quiz_attempt_start


def publish_edit(page, **changes) -> None:
    """Edit and publish the way the admin does: a revision of the latest draft, published."""
    draft = type(page).objects.get(pk=page.pk).get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(draft, name, value)
    draft.save_revision().publish()


def read_all(user, lessons) -> None:
    for lesson in lessons:
        lesson_complete(user=user, lesson=lesson)


def right_choices(question: dict) -> list[str]:
    return [c["id"] for c in question["choices"] if c["correct"]]


def wrong_choice(question: dict) -> list[str]:
    return [next(c["id"] for c in question["choices"] if not c["correct"])]


def answer_all(user, attempt: QuizAttempt, *, right: int, now=None) -> QuizAttempt:
    for position, question in enumerate(attempt.questions):
        choices = right_choices(question) if position < right else wrong_choice(question)
        attempt, _ = quiz_answer_save(
            user=user, attempt_id=attempt.pk, position=position, choice_ids=choices, now=now
        )
    return attempt


def started_attempt(user, lessons, quiz, **kwargs) -> QuizAttempt:
    read_all(user, lessons)
    return quiz_attempt_start(user=user, quiz=quiz, **kwargs)
