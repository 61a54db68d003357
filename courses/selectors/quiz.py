"""Reads for quizzes: where a person stands, and the public view of an attempt."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils import timezone

from courses.models import (
    Certificate,
    CoursePage,
    LessonCompletion,
    LessonPage,
    QuizAttempt,
    QuizPage,
)
from courses.quiz_rules import QuestionKind, Refusal, question_is_correct
from people.models import User


@dataclass
class QuizState:
    quiz: QuizPage
    course: CoursePage
    lessons_left: int
    attempts: list[QuizAttempt]
    open_attempt: QuizAttempt | None
    next_allowed_at: datetime | None
    certificate: Certificate | None
    block_code: Refusal | None = None
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
        return self.block_code is None


def _refusal(*, state: QuizState, now: datetime) -> tuple[Refusal | None, str, datetime | None]:
    """Why the person may not start an attempt now, the message saying so, and (while
    they must wait) from when they may; (None, "", None) when they may."""
    quiz, course, certificate = state.quiz, state.course, state.certificate
    if state.lessons_left:
        left = state.lessons_left
        return (
            Refusal.LOCKED,
            f"Finish the {left} remaining lesson{'s' if left != 1 else ''} first; then the "
            "quiz unlocks.",
            None,
        )
    if state.passed and (
        not course.certifies_advocates
        or (certificate and certificate.is_valid_on(timezone.localdate(now)))
    ):
        return Refusal.PASSED, "You have passed this quiz.", None
    if quiz.attempts_allowed is not None and state.attempts_used >= quiz.attempts_allowed:
        return (
            Refusal.NO_ATTEMPTS,
            f"You have used all {quiz.attempts_allowed} attempts for this quiz. "
            "Please contact the People team.",
            None,
        )
    submitted = [a.submitted_at for a in state.attempts if not a.is_open]
    if submitted and quiz.wait_minutes:
        allowed_at = max(submitted) + timedelta(minutes=quiz.wait_minutes)
        if now < allowed_at:
            return (
                Refusal.WAIT,
                f"You can try again from {timezone.localtime(allowed_at):%-d %B at %H:%M}: "
                f"the quiz asks you to wait {quiz.wait_minutes} minutes between attempts, "
                "so take the time to review the lessons.",
                allowed_at,
            )
    return None, "", None


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
    state = QuizState(
        quiz=quiz,
        course=course,
        lessons_left=lessons_left,
        attempts=attempts,
        open_attempt=next((a for a in attempts if a.is_open), None),
        next_allowed_at=None,
        certificate=Certificate.objects.filter(user=user, course=course).first(),
    )
    if state.open_attempt is None:
        state.block_code, state.block_message, state.next_allowed_at = _refusal(
            state=state, now=now
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
        "multiple": question["type"] == QuestionKind.MULTIPLE,
        "sample_posts": question["type"] == QuestionKind.POLICY_POST,  # choices shown as posts
        "choices": [{"id": c["id"], "text": c["text"]} for c in question["choices"]],
    }


def attempt_answer_feedback(*, attempt: QuizAttempt, position: int, choice_ids: list[str]) -> dict:
    """Feedback on an answer already saved (for quizzes that give it after each answer)."""
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
