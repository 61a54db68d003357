"""Writes for quiz attempts: start (draw), answer (or change an answer), submit (grade).

Integrity: an attempt keeps its own copy of the drawn questions, so editing the quiz never
changes a running attempt; every write locks the attempt (or the enrolment, for a start)
so two requests at once have exactly one effect, and the same answer sent twice (a retry,
a double click, a stale tab) leaves the attempt as one sending would.
"""

import secrets
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from courses.models import (
    AttemptAnswer,
    Certificate,
    CoursePage,
    Enrolment,
    EnrolmentSource,
    FeedbackMode,
    QuizAttempt,
    QuizPage,
)
from courses.quiz_rules import SINGLE_ANSWER_KINDS, Refusal, question_is_correct
from courses.selectors import attempt_answers, quiz_state
from courses.services.draw import quiz_draw
from courses.services.enrolments import course_complete, enrolment_create
from people.models import User


class QuizRefused(Exception):
    """An action the rules do not allow; the message says why, in plain words."""

    def __init__(self, message: str, *, code: Refusal = Refusal.REFUSED):
        super().__init__(message)
        self.message = message
        self.code = code


class QuizTimeUp(QuizRefused):
    def __init__(self):
        super().__init__(
            "Time is up for this attempt, so that answer was not saved. "
            "The attempt was graded as it stood.",
            code=Refusal.TIME_UP,
        )


def _locked_attempt(*, user: User, attempt_id: int) -> QuizAttempt:
    """The attempt, its row locked, with its answers so far in `answer_list` (read once
    the lock is held, for the service and for the view that shows them)."""
    # Two plain reads rather than prefetch_related: the same queries, less work to build.
    attempt = next(iter(QuizAttempt.objects.select_for_update().filter(pk=attempt_id)), None)
    if attempt is None or attempt.user_id != user.pk:
        raise QuizRefused(
            "That quiz attempt does not exist or belongs to someone else.", code=Refusal.NOT_FOUND
        )
    attempt.answer_list = list(AttemptAnswer.objects.filter(attempt_id=attempt.pk))
    return attempt


def _grade(attempt: QuizAttempt, *, now: datetime) -> Certificate | None:
    answers = attempt_answers(attempt=attempt)
    correct_count = 0
    for position, question in enumerate(attempt.questions):
        answer = answers.get(position)
        if answer is None:
            continue
        answer.correct = question_is_correct(question, answer.choice_ids)
        correct_count += answer.correct
    AttemptAnswer.objects.bulk_update(answers.values(), ["correct"])
    attempt.timed_out = attempt.deadline is not None and now > attempt.deadline
    attempt.submitted_at = now
    attempt.correct_count = correct_count
    attempt.score = round(100 * correct_count / attempt.total) if attempt.total else 0
    attempt.passed = attempt.score >= attempt.pass_mark
    attempt.save(update_fields=["submitted_at", "correct_count", "score", "passed", "timed_out"])
    if attempt.passed:
        return course_complete(attempt=attempt)
    return None


def _expire_open(*, user: User, quiz: QuizPage, now: datetime) -> None:
    for attempt in QuizAttempt.objects.select_for_update().filter(
        user=user, quiz=quiz, submitted_at__isnull=True, deadline__lt=now
    ):
        _grade(attempt, now=now)


def quiz_attempt_start(*, user: User, quiz: QuizPage, now: datetime | None = None) -> QuizAttempt:
    """Start an attempt (or return the open one) after checking the rules: lessons done,
    attempts left, waiting time over, not already passed. Draws and keeps the questions."""
    now = now or timezone.now()
    course = CoursePage.objects.parent_of(quiz).get()
    with transaction.atomic():
        enrolment_create(user=user, course=course, source=EnrolmentSource.SELF)
        # One start at a time per person and course: the enrolment row is the lock.
        Enrolment.objects.select_for_update().get(user=user, course=course)
        _expire_open(user=user, quiz=quiz, now=now)
        open_attempt = QuizAttempt.objects.filter(
            user=user, quiz=quiz, submitted_at__isnull=True
        ).first()
        if open_attempt is not None:
            return open_attempt
        state = quiz_state(user=user, quiz=quiz, course=course, now=now)
        if state.block_code:
            raise QuizRefused(state.block_message, code=state.block_code)
        previous = state.attempts
        seed = secrets.randbelow(2**31)
        pool = list(quiz.questions.raw_data)
        seen = {q["key"]: a.number for a in previous for q in a.questions}
        try:
            with transaction.atomic():
                return QuizAttempt.objects.create(
                    user=user,
                    quiz=quiz,
                    course=course,
                    number=len(previous) + 1,
                    seed=seed,
                    questions=quiz_draw(
                        pool=pool,
                        count=quiz.draw_count,
                        shuffle=quiz.shuffle,
                        seed=seed,
                        seen=seen,
                    ),
                    pass_mark=quiz.pass_mark,
                    feedback=quiz.feedback,
                    started_at=now,
                    deadline=(
                        now + timedelta(minutes=quiz.time_limit_minutes)
                        if quiz.time_limit_minutes
                        else None
                    ),
                )
        except IntegrityError:
            return QuizAttempt.objects.get(user=user, quiz=quiz, submitted_at__isnull=True)


def _next_position(*, total: int, answered: set[int], after: int) -> int:
    """The first unanswered question after `after`, else the first unanswered one, else
    `total`: the review before submitting."""
    for position in [*range(after + 1, total), *range(after + 1)]:
        if position not in answered:
            return position
    return total


def quiz_answer_save(
    *,
    user: User,
    attempt_id: int,
    position: int,
    choice_ids: list[str],
    now: datetime | None = None,
) -> tuple[QuizAttempt, AttemptAnswer]:
    """Save (or change) the answer to one question of an open attempt and move on to the
    next unanswered question, or to the review once all are answered. A change keeps when
    the question was first answered (the report's speed check reads it). Where feedback
    follows each answer, an answer once seen judged cannot change. Anything else (a
    question not in the attempt, a foreign choice, someone else's or a submitted attempt,
    past the deadline) raises QuizRefused and changes nothing."""
    now = now or timezone.now()
    with transaction.atomic():
        attempt = _locked_attempt(user=user, attempt_id=attempt_id)
        if not attempt.is_open:
            raise QuizRefused("This attempt was already submitted.", code=Refusal.SUBMITTED)
        if attempt.deadline is not None and now > attempt.deadline:
            raise QuizTimeUp()
        if not 0 <= position < attempt.total:
            raise QuizRefused(
                "That answer was for a question this attempt does not have, so it was not "
                "saved. Here is your current question.",
                code=Refusal.POSITION,
            )
        question = attempt.questions[position]
        valid = {choice["id"] for choice in question["choices"]}
        chosen = list(dict.fromkeys(choice_ids))
        if not chosen:
            raise QuizRefused("Choose an answer before you continue.", code=Refusal.EMPTY)
        if not set(chosen) <= valid:
            raise QuizRefused(
                "That choice does not belong to this question; nothing was saved.",
                code=Refusal.CHOICE,
            )
        if question["type"] in SINGLE_ANSWER_KINDS and len(chosen) != 1:
            raise QuizRefused("Choose exactly one answer.", code=Refusal.CHOICE)
        answers = attempt_answers(attempt=attempt)
        answer = answers.get(position)
        if answer is None:
            answer = AttemptAnswer.objects.create(
                attempt=attempt, position=position, choice_ids=chosen, answered_at=now
            )
            answers[position] = answer
            attempt.answer_list.append(answer)  # the view shows the answers as they now are
        elif set(answer.choice_ids) != set(chosen):
            if attempt.feedback == FeedbackMode.EACH:
                raise QuizRefused(
                    "You have seen the feedback on this question, so its answer stays.",
                    code=Refusal.ANSWERED,
                )
            answer.choice_ids = chosen
            answer.save(update_fields=["choice_ids"])
        attempt.position = _next_position(
            total=attempt.total, answered=set(answers), after=position
        )
        QuizAttempt.objects.filter(pk=attempt.pk).update(position=attempt.position)  # no signals
    return attempt, answer


def quiz_attempt_submit(
    *, user: User, attempt_id: int, now: datetime | None = None
) -> tuple[QuizAttempt, bool]:
    """Grade the attempt against its own copy of the questions (unanswered = wrong) and,
    on a pass, complete the course and certify. Twice at once grades once.
    Returns (attempt, graded_now)."""
    now = now or timezone.now()
    with transaction.atomic():
        attempt = _locked_attempt(user=user, attempt_id=attempt_id)
        if not attempt.is_open:
            return attempt, False
        _grade(attempt, now=now)
    return attempt, True
