"""Races that only a real database shows: threads behind a barrier on PostgreSQL."""

import threading

from django.db import connection

from courses.models import AttemptAnswer, Certificate, QuizAttempt
from courses.services import QuizRefused, quiz_answer_save, quiz_attempt_start, quiz_attempt_submit
from leaderboard.models import LedgerEntry
from tests.courses.factories import make_course
from tests.courses.helpers import answer_all, read_all, right_choices
from tests.people.factories import UserFactory


def _run_together(count, action):
    barrier = threading.Barrier(count)
    results, errors = [], []

    def run():
        try:
            barrier.wait()
            results.append(action())
        except Exception as error:  # noqa: BLE001 - collected and asserted below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, errors


def test_two_submits_at_once_grade_once_and_certify_once(postgres):
    _, lessons, quiz = make_course(lessons=2, pool=6, draw=4)
    user = UserFactory()
    read_all(user, lessons)
    attempt = answer_all(user, quiz_attempt_start(user=user, quiz=quiz), right=4)

    results, errors = _run_together(
        4, lambda: quiz_attempt_submit(user=user, attempt_id=attempt.pk)
    )
    assert errors == []
    assert sorted(graded for _, graded in results) == [False, False, False, True]
    assert len({a.submitted_at for a, _ in results}) == 1
    assert Certificate.objects.filter(user=user).count() == 1
    assert LedgerEntry.objects.filter(user=user, reason="certified").count() == 1
    assert LedgerEntry.objects.filter(user=user, reason="course_completed").count() == 1


def test_two_answers_to_the_same_question_at_once_save_one(postgres):
    _, lessons, quiz = make_course(lessons=1, pool=6, draw=4)
    user = UserFactory()
    read_all(user, lessons)
    attempt = quiz_attempt_start(user=user, quiz=quiz)
    choice = right_choices(attempt.questions[0])

    results, errors = _run_together(
        3,
        lambda: quiz_answer_save(user=user, attempt_id=attempt.pk, position=0, choice_ids=choice),
    )
    assert len(results) == 1 and all(isinstance(e, QuizRefused) for e in errors)
    assert AttemptAnswer.objects.filter(attempt=attempt).count() == 1
    attempt.refresh_from_db()
    assert attempt.position == 1


def test_two_starts_at_once_open_one_attempt(postgres):
    _, lessons, quiz = make_course(lessons=1, pool=6, draw=4)
    user = UserFactory()
    read_all(user, lessons)
    results, errors = _run_together(3, lambda: quiz_attempt_start(user=user, quiz=quiz))
    assert errors == []
    assert len({attempt.pk for attempt in results}) == 1
    assert QuizAttempt.objects.filter(user=user).count() == 1
