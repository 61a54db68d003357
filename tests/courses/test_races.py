"""Races that only a real database shows: threads behind a barrier on PostgreSQL."""

from courses.models import AttemptAnswer, Certificate, QuizAttempt
from courses.services import quiz_answer_save, quiz_attempt_start, quiz_attempt_submit
from leaderboard.models import LedgerEntry, Reason
from tests.courses.factories import make_course
from tests.courses.helpers import answer_all, read_all, right_choices
from tests.people.factories import UserFactory
from tests.threads import race, run_many


def test_two_submits_at_once_grade_once_and_certify_once(postgres):
    _, lessons, quiz = make_course(lessons=2, pool=6, draw=4)
    user = UserFactory()
    read_all(user, lessons)
    attempt = answer_all(user, quiz_attempt_start(user=user, quiz=quiz), right=4)

    results = run_many(lambda: quiz_attempt_submit(user=user, attempt_id=attempt.pk), 4)
    assert sorted(graded for _, graded in results) == [False, False, False, True]
    assert len({a.submitted_at for a, _ in results}) == 1
    assert Certificate.objects.filter(user=user).count() == 1
    assert LedgerEntry.objects.filter(user=user, reason=Reason.CERTIFIED).count() == 1
    assert LedgerEntry.objects.filter(user=user, reason=Reason.COURSE_COMPLETED).count() == 1


def test_two_answers_to_the_same_question_at_once_save_one(postgres):
    _, lessons, quiz = make_course(lessons=1, pool=6, draw=4)
    user = UserFactory()
    read_all(user, lessons)
    attempt = quiz_attempt_start(user=user, quiz=quiz)
    choice = right_choices(attempt.questions[0])

    outcomes = race(
        *[lambda: quiz_answer_save(user=user, attempt_id=attempt.pk, position=0, choice_ids=choice)]
        * 3
    )
    # The same answer three times (a retry, a double click): each is answered, one effect.
    assert len(outcomes) == 3 and not [o for o in outcomes if isinstance(o, Exception)]
    assert AttemptAnswer.objects.filter(attempt=attempt).count() == 1
    attempt.refresh_from_db()
    assert attempt.position == 1


def test_two_different_answers_at_once_leave_one_answer(postgres):
    _, lessons, quiz = make_course(lessons=1, pool=6, draw=4)
    user = UserFactory()
    read_all(user, lessons)
    attempt = quiz_attempt_start(user=user, quiz=quiz)
    ids = [[c["id"]] for c in attempt.questions[0]["choices"][:2]]
    outcomes = race(
        *[
            lambda ids=choice: quiz_answer_save(
                user=user, attempt_id=attempt.pk, position=0, choice_ids=ids
            )
            for choice in ids
        ]
    )
    assert not [o for o in outcomes if isinstance(o, Exception)]
    [answer] = AttemptAnswer.objects.filter(attempt=attempt)
    assert answer.choice_ids in ids


def test_two_starts_at_once_open_one_attempt(postgres):
    _, lessons, quiz = make_course(lessons=1, pool=6, draw=4)
    user = UserFactory()
    read_all(user, lessons)
    results = run_many(lambda: quiz_attempt_start(user=user, quiz=quiz), 3)
    assert len({attempt.pk for attempt in results}) == 1
    assert QuizAttempt.objects.filter(user=user).count() == 1
