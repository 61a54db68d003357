"""A quiz that teaches and can't be memorised: answers only once passed, topics to revisit,
fresh questions on a retry, a review step with changes, the wait shown as a time, and time
estimates from the content."""

import math
import re
import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from courses.models import AttemptAnswer, QuizAttempt
from courses.quiz_rules import moment_label
from courses.services import due_notifications_send, quiz_attempt_start, quiz_attempt_submit
from courses.services.quiz import quiz_draw
from notifications.models import Notification
from tests.courses.factories import LessonPageFactory, make_course, question_pool
from tests.courses.helpers import answer_all, read_all, right_choices, started_attempt

pytestmark = pytest.mark.django_db
HX = {"HTTP_HX_REQUEST": "true"}


def _taught_by(quiz, lessons) -> None:
    """Each question of the pool names the lesson teaching it (lesson i % 3)."""
    pool = list(quiz.questions.raw_data)
    for index, block in enumerate(pool):
        block["value"]["lesson"] = lessons[index % len(lessons)].pk
    quiz.questions = pool
    quiz.save_revision().publish()


def _failed(learner, lessons, quiz, *, right=1) -> QuizAttempt:
    attempt = answer_all(learner, started_attempt(learner, lessons, quiz), right=right)
    attempt, _ = quiz_attempt_submit(user=learner, attempt_id=attempt.pk)
    return attempt


def test_a_failed_result_names_the_lessons_to_revisit_and_hides_the_answers(
    learner_client, learner, course_tree
):
    _, lessons, quiz = course_tree
    _taught_by(quiz, lessons)
    attempt = _failed(learner, lessons, quiz, right=1)
    html = learner_client.get(f"/training/attempts/{attempt.pk}/").content.decode()
    assert "Not passed" in html and "Topics to revisit" in html
    missed = {q["lesson"] for q in attempt.questions[1:]}
    for lesson in lessons:
        assert (f'href="{lesson.get_url()}"' in html.split("Topics to revisit")[1]) is (
            lesson.pk in missed
        )
    assert "(right answer)" not in html
    assert all(q["explanation"] not in html for q in attempt.questions)
    assert "shown once you pass" in html


def test_a_passed_result_shows_the_answers(learner_client, learner, course_tree):
    _, lessons, quiz = course_tree
    attempt = answer_all(learner, started_attempt(learner, lessons, quiz), right=4)
    quiz_attempt_submit(user=learner, attempt_id=attempt.pk)
    html = learner_client.get(f"/training/attempts/{attempt.pk}/").content.decode()
    assert "Passed" in html and "(right answer)" in html and "Topics to revisit" not in html


def test_a_retry_draws_questions_not_seen_while_the_pool_allows(learner, db):
    _, lessons, quiz = make_course(lessons=1, pool=8, draw=4)
    first = _failed(learner, lessons, quiz)
    second = _failed(learner, lessons, quiz)
    keys = [{q["key"] for q in attempt.questions} for attempt in (first, second)]
    assert not keys[0] & keys[1]
    # The pool is used up: the third attempt repeats those seen longest ago (the first's).
    third = quiz_attempt_start(user=learner, quiz=quiz)
    assert {q["key"] for q in third.questions} == keys[0]


def test_the_draw_prefers_unseen_then_longest_ago_and_stays_reproducible():
    pool = question_pool(6)
    keys = [block["id"] for block in pool]
    seen = {keys[0]: 2, keys[1]: 2, keys[2]: 1, keys[3]: 1}
    drawn = quiz_draw(pool=pool, count=3, shuffle=True, seed=9, seen=seen)
    picked = {q["key"] for q in drawn}
    assert {keys[4], keys[5]} <= picked and picked & {keys[2], keys[3]}
    assert drawn == quiz_draw(pool=pool, count=3, shuffle=True, seed=9, seen=seen)


def test_review_step_lists_every_question_and_changes_work_without_javascript(
    learner_client, learner, course_tree
):
    _, lessons, quiz = course_tree
    attempt = started_attempt(learner, lessons, quiz)
    url = f"/training/attempts/{attempt.pk}/"
    for position in (0, 2):  # question 2 and 4 left open
        learner_client.post(
            url + "answer/",
            {"position": position, "choice": right_choices(attempt.questions[position])},
        )
    review = learner_client.get(url + "?review").content.decode()
    assert "Review your answers" in review and "2 of 4 questions not answered" in review
    for number, question in enumerate(attempt.questions, start=1):
        assert question["text"] in review and f'href="?q={number}"' in review
    assert review.count("Not answered") == 2 and "Submit quiz" in review

    # Change the first answer from the review; the next screen is the first unanswered one.
    question_page = learner_client.get(url + "?q=1").content.decode()
    chosen = right_choices(attempt.questions[0])[0]
    assert re.search(rf'value="{chosen}" id="{chosen}" checked', question_page)
    wrong = next(c["id"] for c in attempt.questions[0]["choices"] if c["id"] != chosen)
    response = learner_client.post(url + "answer/", {"position": 0, "choice": wrong}, follow=True)
    assert "Question 2 of 4" in response.content.decode()
    assert AttemptAnswer.objects.get(attempt=attempt, position=0).choice_ids == [wrong]
    # The grade reads the changed answer.
    learner_client.post(url + "submit/")
    attempt.refresh_from_db()
    assert not attempt.is_open and attempt.correct_count == 1


def test_back_button_and_review_swap_in_place_with_htmx(learner_client, learner, course_tree):
    _, lessons, quiz = course_tree
    attempt = started_attempt(learner, lessons, quiz)
    url = f"/training/attempts/{attempt.pk}/"
    answered = learner_client.post(
        url + "answer/", {"position": 0, "choice": right_choices(attempt.questions[0])}, **HX
    )
    html = answered.content.decode()
    assert "<html" not in html and "Question 2 of 4" in html
    assert 'rel="prev" href="?q=1"' in html and "← Previous question" in html
    assert 'id="quiz-status"' in html and 'hx-swap-oob="true"' in html  # announced once
    assert answered["HX-Replace-Url"] == url
    back = learner_client.get(url + "?q=1", **HX).content.decode()
    assert "<html" not in back and "Question 1 of 4" in back and "Previous question" not in back
    review = learner_client.get(url + "?review", **HX).content.decode()
    assert "Review your answers" in review and "<html" not in review


def test_after_a_fail_the_wait_is_a_clock_time_with_a_countdown_everywhere(
    client, learner, course_tree
):
    course, lessons, quiz = course_tree
    quiz.wait_minutes = 30
    quiz.save_revision().publish()
    attempt = _failed(learner, lessons, quiz)
    client.force_login(learner)
    allowed = attempt.submitted_at + timedelta(minutes=30)
    label = moment_label(allowed)
    result = client.get(f"/training/attempts/{attempt.pk}/").content.decode()
    assert (
        f'You can try again from <time datetime="{timezone.localtime(allowed):%Y-%m-%dT%H:%M:%S}'
        in result
    )
    assert f">{label}</time>" in result and "courses/countdown.js" in result
    quiz_page = client.get(quiz.get_url()).content.decode()
    assert "data-countdown" in quiz_page and "courses/countdown.js" in quiz_page
    course_page = client.get(course.get_url()).content.decode()
    assert f"Next attempt from {label}" in course_page
    assert "Unlimited; after a failed attempt, wait 30 minutes" in course_page
    dashboard = client.get("/").content.decode()
    assert f"Next attempt from {label}" in dashboard
    assert ">Continue<" not in dashboard


def test_time_estimates_come_from_the_words_and_agree_everywhere(client, learner, settings, db):
    settings.TRAINING_WORDS_PER_MINUTE, settings.TRAINING_SECONDS_PER_QUESTION = 100, 60
    course, _, quiz = make_course(lessons=0, pool=6, draw=4)
    words = "word " * 250
    long = LessonPageFactory(
        parent=course,
        title="Long",
        intro="",
        body=[{"type": "text", "value": f"<p>{words}</p>", "id": str(uuid.uuid4())}],
    )
    short = LessonPageFactory(parent=course, title="Short", intro="")
    long.refresh_from_db()
    assert long.estimated_minutes == math.ceil(251 / 100) == 3  # title and text
    assert short.estimated_minutes == 1
    total = long.estimated_minutes + short.estimated_minutes + 4  # 4 questions, a minute each
    client.force_login(learner)
    assert f"About {total} minutes" in client.get(course.get_url()).content.decode()
    assert "about 3 minutes" in client.get(long.get_url()).content.decode()
    assert "about 4 minutes" in client.get(quiz.get_url()).content.decode()
    # The reminder counts what is left: the short lesson is read, so 3 + 4 minutes.
    read_all(learner, [short])
    learner.enrolments.update(due_on=timezone.localdate() - timedelta(days=1))
    due_notifications_send()
    notice = Notification.objects.get(user=learner, kind="training_overdue")
    assert "about 7 minutes" in notice.body


def test_publishing_a_longer_lesson_updates_its_time_and_a_draft_does_not(settings, db):
    settings.TRAINING_WORDS_PER_MINUTE = 100
    course, [lesson], _ = make_course(lessons=1)
    assert lesson.estimated_minutes == 1
    draft = lesson.get_latest_revision_as_object()
    draft.body = [{"type": "text", "value": "<p>" + "word " * 450 + "</p>", "id": "x"}]
    revision = draft.save_revision()
    lesson.refresh_from_db()
    assert lesson.estimated_minutes == 1  # the live lesson is unchanged until published
    revision.publish()
    lesson.refresh_from_db()
    assert lesson.estimated_minutes == 5
