"""Drawing, grading and every integrity rule of quiz attempts."""

from datetime import timedelta

import pytest
from django.utils import timezone

from courses.models import AttemptAnswer, Certificate, FeedbackMode, QuizAttempt
from courses.quiz_rules import QuestionKind, Refusal, question_is_correct
from courses.services import (
    QuizRefused,
    QuizTimeUp,
    quiz_answer_save,
    quiz_attempt_start,
    quiz_attempt_submit,
    quiz_draw,
)
from leaderboard.models import LedgerEntry, Reason
from tests.courses.factories import question, question_pool
from tests.courses.helpers import answer_all, read_all, right_choices, started_attempt, wrong_choice
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db


# Drawing ------------------------------------------------------------------------------


def test_draw_is_reproducible_from_its_seed_and_differs_across_seeds():
    pool = question_pool(12)
    first = quiz_draw(pool=pool, count=8, shuffle=True, seed=42)
    again = quiz_draw(pool=pool, count=8, shuffle=True, seed=42)
    other = quiz_draw(pool=pool, count=8, shuffle=True, seed=43)
    assert first == again
    assert [q["text"] for q in first] != [q["text"] for q in other]
    assert len(first) == 8 and len({q["key"] for q in first}) == 8


def test_shuffle_off_keeps_pool_order_and_choice_order():
    pool = question_pool(10)
    drawn = quiz_draw(pool=pool, count=5, shuffle=False, seed=7)
    order = [int(q["text"].split()[0][1:]) for q in drawn]
    assert order == sorted(order)
    for q in drawn:
        if q["type"] != QuestionKind.TRUE_FALSE:
            assert [c["text"].rsplit(" ", 1)[1] for c in q["choices"]] == ["0", "1", "2", "3"]


def test_shuffle_on_reorders_choices_for_some_question():
    pool = [question(QuestionKind.SINGLE, text=f"S{i}") for i in range(8)]
    drawn = quiz_draw(pool=pool, count=8, shuffle=True, seed=3)
    orders = [[c["text"][-1] for c in q["choices"]] for q in drawn]
    assert any(order != ["0", "1", "2", "3"] for order in orders)


def test_choice_ids_are_unique_across_the_attempt():
    drawn = quiz_draw(pool=question_pool(10), count=10, shuffle=True, seed=1)
    ids = [c["id"] for q in drawn for c in q["choices"]]
    assert len(ids) == len(set(ids))


# Grading ------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", [QuestionKind.SINGLE, QuestionKind.POLICY_POST])
def test_single_answer_questions_grade_the_one_right_choice(kind):
    [q] = quiz_draw(pool=[question(kind, correct=2)], count=1, shuffle=True, seed=5)
    assert question_is_correct(q, right_choices(q))
    assert not question_is_correct(q, wrong_choice(q))


def test_true_false_grades_true_and_false_statements():
    [true_q] = quiz_draw(
        pool=[question(QuestionKind.TRUE_FALSE, correct=0)], count=1, shuffle=True, seed=1
    )
    [false_q] = quiz_draw(
        pool=[question(QuestionKind.TRUE_FALSE, correct=1)], count=1, shuffle=True, seed=1
    )
    assert [c["text"] for c in true_q["choices"]] == ["True", "False"]
    assert question_is_correct(true_q, [true_q["choices"][0]["id"]])
    assert question_is_correct(false_q, [false_q["choices"][1]["id"]])
    assert not question_is_correct(false_q, [false_q["choices"][0]["id"]])


def test_multiple_choice_needs_exactly_the_right_set():
    [q] = quiz_draw(
        pool=[question(QuestionKind.MULTIPLE, correct=[0, 2])], count=1, shuffle=True, seed=9
    )
    right = right_choices(q)
    assert question_is_correct(q, right)
    assert not question_is_correct(q, right[:1])
    assert not question_is_correct(q, right + wrong_choice(q))


def test_submit_scores_passes_at_the_mark_and_certifies(course_tree, learner):
    _, lessons, quiz = course_tree
    attempt = answer_all(learner, started_attempt(learner, lessons, quiz), right=3)
    attempt, graded = quiz_attempt_submit(user=learner, attempt_id=attempt.pk)
    assert graded and attempt.score == 75 and attempt.passed
    certificate = Certificate.objects.get(user=learner)
    assert certificate.attempt == attempt and len(certificate.code) == 14
    reasons = set(LedgerEntry.objects.filter(user=learner).values_list("reason", flat=True))
    assert reasons == {Reason.LESSON_COMPLETED, Reason.COURSE_COMPLETED, Reason.CERTIFIED}


def test_submit_below_the_mark_fails_without_certificate(course_tree, learner):
    _, lessons, quiz = course_tree
    attempt = answer_all(learner, started_attempt(learner, lessons, quiz), right=2)
    attempt, _ = quiz_attempt_submit(user=learner, attempt_id=attempt.pk)
    assert attempt.score == 50 and attempt.passed is False
    assert not Certificate.objects.exists()
    assert list(attempt.answers.values_list("correct", flat=True)) == [True, True, False, False]


def test_certificate_expiry_follows_course_validity(course_tree, learner):
    course, lessons, quiz = course_tree
    course.certificate_validity_months = 12
    course.save()
    attempt = answer_all(learner, started_attempt(learner, lessons, quiz), right=4)
    quiz_attempt_submit(user=learner, attempt_id=attempt.pk)
    certificate = Certificate.objects.get(user=learner)
    issued = timezone.localtime(certificate.issued_at).date()
    assert certificate.expires_on.year == issued.year + 1
    assert certificate.expires_on.month == issued.month


# Integrity ----------------------------------------------------------------------------


def _nothing_saved(attempt):
    attempt.refresh_from_db()
    return attempt.position == 0 and not AttemptAnswer.objects.filter(attempt=attempt).exists()


def test_an_answer_for_a_question_the_attempt_does_not_have_is_refused(course_tree, learner):
    _, lessons, quiz = course_tree
    attempt = started_attempt(learner, lessons, quiz)
    with pytest.raises(QuizRefused, match="does not have"):
        quiz_answer_save(
            user=learner,
            attempt_id=attempt.pk,
            position=attempt.total,
            choice_ids=right_choices(attempt.questions[0]),
        )
    assert _nothing_saved(attempt)


def test_answering_out_of_order_moves_on_to_the_first_unanswered_then_the_review(
    course_tree, learner
):
    _, lessons, quiz = course_tree
    attempt = started_attempt(learner, lessons, quiz)
    for position, expected_next in [(2, 3), (3, 0), (0, 1), (1, 4)]:
        attempt, _ = quiz_answer_save(
            user=learner,
            attempt_id=attempt.pk,
            position=position,
            choice_ids=right_choices(attempt.questions[position]),
        )
        assert attempt.position == expected_next
    assert attempt.position == attempt.total  # the review step


def test_a_choice_from_another_question_is_refused(course_tree, learner):
    _, lessons, quiz = course_tree
    attempt = started_attempt(learner, lessons, quiz)
    with pytest.raises(QuizRefused, match="does not belong"):
        quiz_answer_save(
            user=learner,
            attempt_id=attempt.pk,
            position=0,
            choice_ids=[attempt.questions[1]["choices"][0]["id"]],
        )
    assert _nothing_saved(attempt)


def test_two_choices_for_a_single_choice_question_are_refused(course_tree, learner):
    _, lessons, quiz = course_tree
    quiz.questions = [question(QuestionKind.SINGLE) for _ in range(6)]
    quiz.save_revision().publish()
    attempt = started_attempt(learner, lessons, quiz)
    ids = [c["id"] for c in attempt.questions[0]["choices"][:2]]
    with pytest.raises(QuizRefused, match="exactly one"):
        quiz_answer_save(user=learner, attempt_id=attempt.pk, position=0, choice_ids=ids)
    assert _nothing_saved(attempt)


def test_changing_an_answer_replaces_it_and_a_retry_has_one_effect(course_tree, learner):
    _, lessons, quiz = course_tree
    attempt = started_attempt(learner, lessons, quiz)
    first = right_choices(attempt.questions[0])
    start = timezone.now()
    quiz_answer_save(user=learner, attempt_id=attempt.pk, position=0, choice_ids=first, now=start)
    changed = wrong_choice(attempt.questions[0])
    for _ in range(2):  # the change, and its retry
        attempt, _ = quiz_answer_save(
            user=learner,
            attempt_id=attempt.pk,
            position=0,
            choice_ids=changed,
            now=start + timedelta(minutes=3),
        )
    answer = AttemptAnswer.objects.get(attempt=attempt)
    assert answer.choice_ids == changed
    assert answer.answered_at == start  # when it was first answered: the speed check
    assert attempt.position == 1


def test_with_feedback_after_each_answer_a_judged_answer_cannot_change(course_tree, learner):
    _, lessons, quiz = course_tree
    quiz.feedback = FeedbackMode.EACH
    quiz.save_revision().publish()
    attempt = started_attempt(learner, lessons, quiz)
    first = right_choices(attempt.questions[0])
    quiz_answer_save(user=learner, attempt_id=attempt.pk, position=0, choice_ids=first)
    quiz_answer_save(user=learner, attempt_id=attempt.pk, position=0, choice_ids=first)
    with pytest.raises(QuizRefused, match="seen the feedback"):
        quiz_answer_save(
            user=learner,
            attempt_id=attempt.pk,
            position=0,
            choice_ids=wrong_choice(attempt.questions[0]),
        )
    assert AttemptAnswer.objects.get(attempt=attempt).choice_ids == first


def test_another_persons_attempt_is_refused(course_tree, learner):
    _, lessons, quiz = course_tree
    attempt = started_attempt(learner, lessons, quiz)
    intruder = UserFactory()
    with pytest.raises(QuizRefused, match="belongs to someone else"):
        quiz_answer_save(
            user=intruder,
            attempt_id=attempt.pk,
            position=0,
            choice_ids=right_choices(attempt.questions[0]),
        )
    with pytest.raises(QuizRefused):
        quiz_attempt_submit(user=intruder, attempt_id=attempt.pk)
    assert _nothing_saved(attempt)
    assert attempt.is_open


def test_a_submitted_attempt_takes_no_more_answers(course_tree, learner):
    _, lessons, quiz = course_tree
    attempt = started_attempt(learner, lessons, quiz)
    quiz_attempt_submit(user=learner, attempt_id=attempt.pk)
    with pytest.raises(QuizRefused, match="already submitted"):
        quiz_answer_save(
            user=learner,
            attempt_id=attempt.pk,
            position=0,
            choice_ids=right_choices(attempt.questions[0]),
        )
    assert not AttemptAnswer.objects.exists()


def test_after_the_deadline_answers_are_refused_and_the_attempt_graded_as_it_stood(
    course_tree, learner
):
    _, lessons, quiz = course_tree
    quiz.time_limit_minutes = 10
    quiz.save_revision().publish()
    start = timezone.now() - timedelta(minutes=30)
    attempt = started_attempt(learner, lessons, quiz, now=start)
    assert attempt.deadline == start + timedelta(minutes=10)
    for position in range(3):
        quiz_answer_save(
            user=learner,
            attempt_id=attempt.pk,
            position=position,
            choice_ids=right_choices(attempt.questions[position]),
            now=start + timedelta(minutes=position + 1),
        )
    with pytest.raises(QuizTimeUp):
        quiz_answer_save(
            user=learner,
            attempt_id=attempt.pk,
            position=3,
            choice_ids=right_choices(attempt.questions[3]),
        )
    assert AttemptAnswer.objects.filter(attempt=attempt).count() == 3
    attempt, _ = quiz_attempt_submit(user=learner, attempt_id=attempt.pk)
    assert attempt.timed_out and attempt.score == 75 and attempt.passed


def test_attempt_limit_is_enforced(course_tree, learner):
    _, lessons, quiz = course_tree
    quiz.attempts_allowed = 2
    quiz.save_revision().publish()
    read_all(learner, lessons)
    for _ in range(2):
        attempt = quiz_attempt_start(user=learner, quiz=quiz)
        quiz_attempt_submit(user=learner, attempt_id=attempt.pk)
    with pytest.raises(QuizRefused, match="used all 2 attempts") as refusal:
        quiz_attempt_start(user=learner, quiz=quiz)
    assert refusal.value.code == Refusal.NO_ATTEMPTS
    assert QuizAttempt.objects.filter(user=learner).count() == 2


def test_waiting_time_between_attempts_is_enforced(course_tree, learner):
    _, lessons, quiz = course_tree
    quiz.wait_minutes = 30
    quiz.save_revision().publish()
    read_all(learner, lessons)
    start = timezone.now()
    attempt = quiz_attempt_start(user=learner, quiz=quiz, now=start)
    quiz_attempt_submit(user=learner, attempt_id=attempt.pk, now=start + timedelta(minutes=1))
    with pytest.raises(QuizRefused, match="try again from") as refusal:
        quiz_attempt_start(user=learner, quiz=quiz, now=start + timedelta(minutes=20))
    assert refusal.value.code == Refusal.WAIT
    second = quiz_attempt_start(user=learner, quiz=quiz, now=start + timedelta(minutes=32))
    assert second.number == 2


def test_a_passed_quiz_cannot_be_started_again_while_certified(course_tree, learner):
    _, lessons, quiz = course_tree
    attempt = answer_all(learner, started_attempt(learner, lessons, quiz), right=4)
    quiz_attempt_submit(user=learner, attempt_id=attempt.pk)
    with pytest.raises(QuizRefused, match="already passed|have passed"):
        quiz_attempt_start(user=learner, quiz=quiz)


def test_submitting_twice_grades_once(course_tree, learner):
    _, lessons, quiz = course_tree
    attempt = answer_all(learner, started_attempt(learner, lessons, quiz), right=4)
    first, graded_first = quiz_attempt_submit(user=learner, attempt_id=attempt.pk)
    second, graded_second = quiz_attempt_submit(user=learner, attempt_id=attempt.pk)
    assert (graded_first, graded_second) == (True, False)
    assert first.submitted_at == second.submitted_at
    assert Certificate.objects.count() == 1
    assert LedgerEntry.objects.filter(reason=Reason.CERTIFIED).count() == 1


def test_editing_the_quiz_mid_attempt_changes_neither_questions_nor_grading(course_tree, learner):
    _, lessons, quiz = course_tree
    attempt = started_attempt(learner, lessons, quiz)
    before = attempt.questions
    attempt = answer_all(learner, attempt, right=4)
    # The editor rewrites every question and flips which answers are right.
    quiz.questions = [question(QuestionKind.SINGLE, text=f"New {i}", correct=3) for i in range(6)]
    quiz.pass_mark = 100
    quiz.save_revision().publish()
    attempt.refresh_from_db()
    assert attempt.questions == before
    attempt, _ = quiz_attempt_submit(user=learner, attempt_id=attempt.pk)
    assert attempt.score == 100 and attempt.passed and attempt.pass_mark == 75
