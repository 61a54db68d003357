"""Writes for quiz attempts: start (draw), answer, submit (grade).

Integrity: an attempt keeps its own copy of the drawn questions, so editing the quiz never
changes a running attempt; every write locks the attempt (or the enrolment, for a start)
so two requests at once have exactly one effect.
"""

import random
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
    QuizAttempt,
    QuizPage,
)
from courses.quiz_rules import SINGLE_ANSWER_KINDS, QuestionKind, Refusal, question_is_correct
from courses.selectors import quiz_state
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


def _choice_items(raw_choices) -> list[dict]:
    # ListBlock raw data is a list of {"type": "item", "value": ..., "id": ...} dicts.
    return [item.get("value", item) for item in raw_choices]


def quiz_draw(*, pool: list[dict], count: int, shuffle: bool, seed: int) -> list[dict]:
    """Draw `count` questions from the raw question pool with a seeded random source and
    return the attempt's own copy: [{"key", "type", "text", "explanation", "choices":
    [{"id", "text", "correct"}]}]. Same pool and seed, same draw."""
    rng = random.Random(seed)  # noqa: S311 - fairness, not secrecy: the seed is server-side
    indices = rng.sample(range(len(pool)), min(count, len(pool)))
    if not shuffle:
        indices.sort()
    used_ids: set[str] = set()
    drawn = []
    for index in indices:
        block = pool[index]
        kind, value = block["type"], block["value"]
        if kind == QuestionKind.TRUE_FALSE:
            truth = value["correct"] == "true"
            choices = [("True", truth), ("False", not truth)]
        else:
            choices = [
                (item["text"], bool(item.get("correct")))
                for item in _choice_items(value["choices"])
            ]
            if shuffle:
                rng.shuffle(choices)
        snapshot_choices = []
        for text, correct in choices:
            choice_id = f"c{rng.getrandbits(32):08x}"
            while choice_id in used_ids:
                choice_id = f"c{rng.getrandbits(32):08x}"
            used_ids.add(choice_id)
            snapshot_choices.append({"id": choice_id, "text": text, "correct": correct})
        drawn.append(
            {
                "key": block.get("id") or str(index),
                "type": kind,
                "text": value["text"],
                "explanation": value.get("explanation", ""),
                "choices": snapshot_choices,
            }
        )
    return drawn


def _locked_attempt(*, user: User, attempt_id: int) -> QuizAttempt:
    attempt = QuizAttempt.objects.select_for_update().filter(pk=attempt_id).first()
    if attempt is None or attempt.user_id != user.pk:
        raise QuizRefused(
            "That quiz attempt does not exist or belongs to someone else.", code=Refusal.NOT_FOUND
        )
    return attempt


def _grade(attempt: QuizAttempt, *, now: datetime) -> Certificate | None:
    answers = {answer.position: answer for answer in attempt.answers.all()}
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
        try:
            with transaction.atomic():
                return QuizAttempt.objects.create(
                    user=user,
                    quiz=quiz,
                    course=course,
                    number=len(previous) + 1,
                    seed=seed,
                    questions=quiz_draw(
                        pool=pool, count=quiz.draw_count, shuffle=quiz.shuffle, seed=seed
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


def quiz_answer_save(
    *,
    user: User,
    attempt_id: int,
    position: int,
    choice_ids: list[str],
    now: datetime | None = None,
) -> tuple[QuizAttempt, AttemptAnswer]:
    """Save the answer to the attempt's current question and move to the next one.
    Anything else (another question, a foreign choice, a replay, someone else's or a
    submitted attempt, past the deadline) raises QuizRefused and changes nothing."""
    now = now or timezone.now()
    with transaction.atomic():
        attempt = _locked_attempt(user=user, attempt_id=attempt_id)
        if not attempt.is_open:
            raise QuizRefused("This attempt was already submitted.", code=Refusal.SUBMITTED)
        if attempt.deadline is not None and now > attempt.deadline:
            raise QuizTimeUp()
        if position != attempt.position or position >= attempt.total:
            raise QuizRefused(
                "That answer was for a different question than the one you are on, so it "
                "was not saved. Here is your current question.",
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
        answer = AttemptAnswer.objects.create(
            attempt=attempt, position=position, choice_ids=chosen, answered_at=now
        )
        attempt.position = position + 1
        attempt.save(update_fields=["position"])
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
