"""Reads for quizzes: where a person stands, and the public view of an attempt."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.utils import timezone

from courses.models import (
    AttemptAnswer,
    Certificate,
    CoursePage,
    Enrolment,
    FeedbackMode,
    LessonCompletion,
    LessonPage,
    QuizAttempt,
    QuizPage,
)
from courses.quiz_rules import QuestionKind, Refusal, question_is_correct
from courses.selectors.certificates import RENEWAL_WINDOW_DAYS
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
    # Recertification: attempts started before this (an expired certificate re-enrolled
    # the person) no longer count as passed or against the attempt limit.
    cycle_started_at: datetime | None = None
    today: date | None = None

    @property
    def cycle_attempts(self) -> list[QuizAttempt]:
        if self.cycle_started_at is None:
            return self.attempts
        return [a for a in self.attempts if a.started_at >= self.cycle_started_at]

    @property
    def attempts_used(self) -> int:
        return len(self.cycle_attempts)

    @property
    def attempts_left(self) -> int | None:
        if self.quiz.attempts_allowed is None:
            return None
        return max(0, self.quiz.attempts_allowed - self.attempts_used)

    @property
    def best_score(self) -> int | None:
        scores = [a.score for a in self.cycle_attempts if a.score is not None]
        return max(scores) if scores else None

    @property
    def passed(self) -> bool:
        return any(a.passed for a in self.cycle_attempts)

    @property
    def renewal_open(self) -> bool:
        """The certificate expired, or expires within the renewal window: passing again
        issues a new one."""
        certificate = self.certificate
        if not self.course.certifies_advocates or certificate is None:
            return False
        if certificate.expires_on is None or self.today is None:
            return False
        return (certificate.expires_on - self.today).days <= RENEWAL_WINDOW_DAYS

    @property
    def renewing(self) -> bool:
        """What the quiz page says above the start button: this attempt renews."""
        return self.renewal_open and self.can_start

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
        or (
            certificate
            and certificate.is_valid_on(timezone.localdate(now))
            and not state.renewal_open
        )
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
    cycle_started_at = (
        Enrolment.objects.filter(user=user, course=course)
        .values_list("cycle_started_at", flat=True)
        .first()
    )
    state = QuizState(
        quiz=quiz,
        course=course,
        lessons_left=lessons_left,
        attempts=attempts,
        open_attempt=next((a for a in attempts if a.is_open), None),
        next_allowed_at=None,
        certificate=Certificate.objects.filter(user=user, course=course).first(),
        cycle_started_at=cycle_started_at,
        today=timezone.localdate(now),
    )
    if state.open_attempt is None:
        state.block_code, state.block_message, state.next_allowed_at = _refusal(
            state=state, now=now
        )
    return state


def attempt_question(
    *, attempt: QuizAttempt, position: int, answers: dict[int, AttemptAnswer] | None = None
) -> dict:
    """The public view of one drawn question: never says which choices are correct. With
    the attempt's `answers` (by position) it says what the person chose, whether the
    answer may still change, and whether saving it completes the attempt."""
    question = attempt.questions[position]
    answers = answers or {}
    answer = answers.get(position)
    chosen = set(answer.choice_ids) if answer else set()
    return {
        "position": position,
        "number": position + 1,
        "total": attempt.total,
        "answered_count": len(answers),
        "type": question["type"],
        "text": question["text"],
        "multiple": question["type"] == QuestionKind.MULTIPLE,
        "sample_posts": question["type"] == QuestionKind.POLICY_POST,  # choices shown as posts
        "choices": [
            {"id": c["id"], "text": c["text"], "chosen": c["id"] in chosen}
            for c in question["choices"]
        ],
        "answered": answer is not None,
        # Feedback after each answer has judged it: changing it then would game the grade.
        "locked": answer is not None and attempt.feedback == FeedbackMode.EACH,
        "completes": set(answers) | {position} == set(range(attempt.total)),
    }


def attempt_answers(*, attempt: QuizAttempt) -> dict[int, AttemptAnswer]:
    """The answers given so far, by question position: those the quiz services read with
    the attempt under its lock (`answer_list`), when they did, else from the database."""
    answers = getattr(attempt, "answer_list", None)
    if answers is None:
        answers = attempt.answers.all()
    return {answer.position: answer for answer in answers}


def attempt_overview(*, attempt: QuizAttempt, answers: dict[int, AttemptAnswer]) -> list[dict]:
    """The review before submitting: every question with the answer given (choice texts,
    never whether they are right) or none, and whether it may still change."""
    rows = []
    for position, question in enumerate(attempt.questions):
        answer = answers.get(position)
        chosen = set(answer.choice_ids) if answer else set()
        rows.append(
            {
                "number": position + 1,
                "text": question["text"],
                "answer": [c["text"] for c in question["choices"] if c["id"] in chosen],
                "answered": answer is not None,
                "changeable": answer is None or attempt.feedback != FeedbackMode.EACH,
            }
        )
    return rows


def attempt_topics(*, attempt: QuizAttempt) -> list[dict]:
    """The lessons to revisit after an attempt: those teaching the questions answered
    wrong or not at all, in course order, as {"title", "url", "questions"}. Lessons no
    longer live are left out."""
    right = {a.position for a in attempt.answers.all() if a.correct}
    counts: dict[int, int] = {}
    for position, question in enumerate(attempt.questions):
        if position not in right and question.get("lesson"):
            counts[question["lesson"]] = counts.get(question["lesson"], 0) + 1
    lessons = LessonPage.objects.live().filter(pk__in=counts).order_by("path")
    return [
        {"title": lesson.title, "url": lesson.get_url(), "questions": counts[lesson.pk]}
        for lesson in lessons.only("title", "url_path", "path", "depth")
    ]


def answers_are_shown(*, attempt: QuizAttempt) -> bool:
    """Whether the result page shows the right answers: never once feedback is off, and
    with answers_after_pass (the default) only for a passed attempt."""
    if attempt.is_open or attempt.feedback == FeedbackMode.NEVER:
        return False
    return bool(attempt.passed) or not attempt.quiz.answers_after_pass


def attempt_answer_feedback(*, attempt: QuizAttempt, position: int, choice_ids: list[str]) -> dict:
    """Feedback on an answer already saved (for quizzes that give it after each answer).
    While answers are kept until a pass, a wrong answer's explanation (which would give the
    answer away) is left out."""
    question = attempt.questions[position]
    correct = question_is_correct(question, choice_ids)
    hidden = not correct and attempt.quiz.answers_after_pass
    return {
        "number": position + 1,
        "correct": correct,
        "explanation": "" if hidden else question["explanation"],
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
