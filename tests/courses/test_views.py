"""Pages and actions as a person sees them, with and without htmx."""

import json
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from courses.models import AttemptAnswer, FeedbackMode, LessonCompletion, QuizAttempt
from courses.quiz_rules import QuestionKind
from courses.services import enrolment_create, quiz_attempt_submit
from tests.courses.factories import make_certified
from tests.courses.factories import question as raw_question
from tests.courses.helpers import answer_all, read_all, right_choices, started_attempt
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db
HX = {"HTTP_HX_REQUEST": "true"}


def test_catalogue_course_lesson_and_quiz_pages_render(learner_client, course_tree):
    course, lessons, quiz = course_tree
    assert course.title in learner_client.get("/training/").content.decode()
    page = learner_client.get(course.get_url()).content.decode()
    assert all(lesson.title in page for lesson in lessons)
    assert "until every lesson is done" in page
    lesson_page = learner_client.get(lessons[0].get_url()).content.decode()
    assert "Lesson 1 of 3" in lesson_page and "Mark as complete" in lesson_page
    assert f"Next: {lessons[1].title}" in lesson_page
    quiz_page = learner_client.get(quiz.get_url()).content.decode()
    assert "Finish the 3 remaining lessons first" in quiz_page


def test_page_links_are_the_pages_paths_under_the_site(learner_client, learner, course_tree):
    course, lessons, quiz = course_tree
    base = f"/training/{course.slug}/"
    html = learner_client.get(base).content.decode()
    assert all(f'href="{base}{lesson.slug}/"' in html for lesson in lessons)
    assert f'href="{base}{quiz.slug}/"' in html
    lesson_page = learner_client.get(f"{base}{lessons[1].slug}/").content.decode()
    assert '<a href="/training/">Training</a>' in lesson_page
    assert f'href="{base}"' in lesson_page and f'href="{base}{lessons[2].slug}/"' in lesson_page
    response = learner_client.post(f"/training/lessons/{lessons[0].pk}/complete/")
    assert response.url == f"{base}{lessons[0].slug}/"
    response = learner_client.post(f"/training/quizzes/{quiz.pk}/start/")
    assert response.url == f"{base}{quiz.slug}/"  # refused: lessons left, back to the quiz
    attempt = started_attempt(learner, lessons, quiz)
    breadcrumb = f'<a href="{base}">{course.title}</a> › <a href="{base}{quiz.slug}/">'
    assert breadcrumb in learner_client.get(f"/training/attempts/{attempt.pk}/").content.decode()


def test_mark_lesson_complete_with_htmx_swaps_the_completion_fragment(
    learner_client, learner, course_tree
):
    _, lessons, _ = course_tree
    response = learner_client.post(f"/training/lessons/{lessons[0].pk}/complete/", **HX)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html and "You completed this lesson" in html
    assert LessonCompletion.objects.filter(user=learner, lesson=lessons[0]).count() == 1


def test_mark_lesson_complete_without_js_redirects_back_with_a_message(
    learner_client, learner, course_tree
):
    _, lessons, _ = course_tree
    url = f"/training/lessons/{lessons[1].pk}/complete/"
    response = learner_client.post(url, follow=True)
    html = response.content.decode()
    assert "is marked as complete" in html and "You completed this lesson" in html
    learner_client.post(url)
    assert LessonCompletion.objects.filter(user=learner).count() == 1


def test_start_is_refused_with_a_message_until_lessons_are_done(learner_client, course_tree):
    _, _, quiz = course_tree
    response = learner_client.post(f"/training/quizzes/{quiz.pk}/start/", follow=True)
    assert "Finish the 3 remaining lessons first" in response.content.decode()
    assert not QuizAttempt.objects.exists()


def _question_ids(html: str) -> list[str]:
    return re.findall(r'name="choice" value="([^"]+)"', html)


def test_full_quiz_without_js(learner_client, learner, course_tree):
    _, lessons, quiz = course_tree
    read_all(learner, lessons)
    response = learner_client.post(f"/training/quizzes/{quiz.pk}/start/")
    attempt = QuizAttempt.objects.get(user=learner)
    assert response.url == f"/training/attempts/{attempt.pk}/"
    for position, question in enumerate(attempt.questions):
        page = learner_client.get(response.url).content.decode()
        assert f"Question {position + 1} of 4" in page
        assert "<legend>" in page
        response_answer = learner_client.post(
            f"/training/attempts/{attempt.pk}/answer/",
            {"position": position, "choice": right_choices(question)},
        )
        assert response_answer.status_code == 302
    page = learner_client.get(response.url).content.decode()
    assert "Submit quiz" in page
    result = learner_client.post(f"/training/attempts/{attempt.pk}/submit/", follow=True)
    html = result.content.decode()
    assert "100%" in html and "Passed" in html and "View your certificate" in html


@pytest.mark.parametrize(
    ("kind", "as_posts"), [(QuestionKind.POLICY_POST, True), (QuestionKind.SINGLE, False)]
)
def test_which_post_follows_the_policy_shows_its_choices_as_posts(
    learner_client, learner, course_tree, kind, as_posts
):
    _, lessons, quiz = course_tree
    quiz.questions = [raw_question(kind) for _ in range(6)]
    quiz.save_revision().publish()
    attempt = started_attempt(learner, lessons, quiz)
    html = learner_client.get(f"/training/attempts/{attempt.pk}/").content.decode()
    assert ('class="sample-post"' in html) is as_posts
    assert attempt.questions[0]["choices"][0]["text"] in html


def test_answer_with_htmx_returns_the_next_question_fragment(learner_client, learner, course_tree):
    _, lessons, quiz = course_tree
    attempt = started_attempt(learner, lessons, quiz)
    response = learner_client.post(
        f"/training/attempts/{attempt.pk}/answer/",
        {"position": 0, "choice": right_choices(attempt.questions[0])},
        **HX,
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html and "Question 2 of 4" in html
    assert response["Vary"].count("HX-Request") == 1


def test_refused_answer_with_htmx_is_a_422_fragment_and_without_js_a_400_page(
    learner_client, learner, course_tree
):
    _, lessons, quiz = course_tree
    attempt = started_attempt(learner, lessons, quiz)
    other_choice = attempt.questions[1]["choices"][0]["id"]
    url = f"/training/attempts/{attempt.pk}/answer/"
    response = learner_client.post(url, {"position": 0, "choice": other_choice}, **HX)
    assert response.status_code == 422
    assert "does not belong to this question" in response.content.decode()
    response = learner_client.post(url, {"position": 0, "choice": other_choice})
    assert response.status_code == 400
    assert "does not belong to this question" in response.content.decode()
    assert not AttemptAnswer.objects.exists()


def test_attempt_page_reload_resumes_at_the_same_question(learner_client, learner, course_tree):
    _, lessons, quiz = course_tree
    attempt = started_attempt(learner, lessons, quiz)
    learner_client.post(
        f"/training/attempts/{attempt.pk}/answer/",
        {"position": 0, "choice": right_choices(attempt.questions[0])},
    )
    first = learner_client.get(f"/training/attempts/{attempt.pk}/").content.decode()
    second = learner_client.get(f"/training/attempts/{attempt.pk}/").content.decode()
    assert "Question 2 of 4" in first and "Question 2 of 4" in second
    assert _question_ids(first) == _question_ids(second)
    # Starting again (e.g. from another device) resumes the same attempt.
    response = learner_client.post(f"/training/quizzes/{quiz.pk}/start/")
    assert response.url == f"/training/attempts/{attempt.pk}/"


def test_the_browser_never_sees_which_choices_are_correct(learner_client, learner, course_tree):
    _, lessons, quiz = course_tree
    attempt = started_attempt(learner, lessons, quiz)
    pages = [learner_client.get(f"/training/attempts/{attempt.pk}/").content.decode()]
    for position, question in enumerate(attempt.questions[:-1]):
        response = learner_client.post(
            f"/training/attempts/{attempt.pk}/answer/",
            {"position": position, "choice": right_choices(question)},
            **HX,
        )
        pages.append(response.content.decode())
    pages.append(learner_client.get(quiz.get_url()).content.decode())
    export = learner_client.get("/me/export.json").content.decode()
    for html in pages:
        assert "correct" not in html.lower()
        assert "explanation" not in html.lower()
    assert '"correct": true' not in export and '"correct": false' not in export
    data = json.loads(export)
    assert data["training"]["quiz_attempts"][0]["answers"][0]["correct"] is None


def test_someone_elses_attempt_is_not_found_and_unchanged(client, learner, course_tree):
    _, lessons, quiz = course_tree
    attempt = started_attempt(learner, lessons, quiz)
    client.force_login(UserFactory())
    url = f"/training/attempts/{attempt.pk}/"
    assert client.get(url).status_code == 404
    response = client.post(
        url + "answer/", {"position": 0, "choice": right_choices(attempt.questions[0])}
    )
    assert response.status_code == 404
    assert client.post(url + "submit/").status_code == 404
    attempt.refresh_from_db()
    assert attempt.position == 0 and attempt.is_open and not attempt.answers.exists()


def test_certificate_page_is_printable_and_shows_the_code(learner_client, learner):
    certificate = make_certified(learner)
    html = learner_client.get(f"/training/certificates/{certificate.code}/").content.decode()
    assert certificate.code in html and "Valid" in html and "data-print" in html


def test_dashboard_shows_my_training_with_overdue_marked(learner_client, learner, course_tree):
    course, lessons, _ = course_tree
    enrolment_create(user=learner, course=course, due_on=timezone.localdate() - timedelta(days=2))
    read_all(learner, lessons[:1])
    html = learner_client.get("/").content.decode()
    assert "My training" in html and "Overdue" in html and "was due" in html
    assert 'aria-valuenow="25"' in html
    assert f'href="{lessons[1].get_url()}"' in html  # Continue → next lesson


@pytest.mark.parametrize("htmx", [True, False], ids=["htmx", "no-js"])
def test_feedback_after_each_answer(learner_client, learner, course_tree, htmx):
    _, lessons, quiz = course_tree
    quiz.feedback = FeedbackMode.EACH
    quiz.save_revision().publish()
    attempt = started_attempt(learner, lessons, quiz)
    headers = HX if htmx else {}
    response = learner_client.post(
        f"/training/attempts/{attempt.pk}/answer/",
        {"position": 0, "choice": right_choices(attempt.questions[0])},
        follow=not htmx,
        **headers,
    )
    html = response.content.decode()
    # htmx swaps in the question's own feedback; without JS it arrives as a message.
    assert ("Question 1: correct." if htmx else "Question 1: Correct.") in html
    assert attempt.questions[0]["explanation"] in html
    assert "Question 2 of 4" in html


@pytest.mark.parametrize("htmx", [True, False], ids=["htmx", "no-js"])
def test_an_answer_after_the_deadline_is_refused_and_the_attempt_graded(
    learner_client, learner, course_tree, htmx
):
    _, lessons, quiz = course_tree
    quiz.time_limit_minutes = 5
    quiz.save_revision().publish()
    attempt = started_attempt(learner, lessons, quiz, now=timezone.now() - timedelta(minutes=9))
    url = f"/training/attempts/{attempt.pk}/answer/"
    data = {"position": 0, "choice": right_choices(attempt.questions[0])}
    if htmx:
        response = learner_client.post(url, data, **HX)
        assert response["HX-Redirect"] == f"/training/attempts/{attempt.pk}/"
        response = learner_client.get(response["HX-Redirect"])
    else:
        response = learner_client.post(url, data, follow=True)
    html = response.content.decode()
    assert "Time is up" in html and "0%" in html and "Not passed" in html
    assert not AttemptAnswer.objects.exists()


def test_course_page_shows_quiz_attempts_left_best_score_and_next_time(
    learner_client, learner, course_tree
):
    course, lessons, quiz = course_tree
    quiz.attempts_allowed, quiz.wait_minutes = 3, 45
    quiz.save_revision().publish()
    attempt = answer_all(learner, started_attempt(learner, lessons, quiz), right=2)
    quiz_attempt_submit(user=learner, attempt_id=attempt.pk)
    html = learner_client.get(course.get_url()).content.decode()
    assert re.search(r"Attempts left</dt><dd>2; after a failed attempt, wait 45 minutes<", html)
    assert re.search(r"Best score</dt><dd>50%<", html)
    assert "Next attempt from" in html
    assert all("is-done" in html for _ in lessons) and html.count("✓") >= 3


@pytest.mark.parametrize(
    ("mode", "after_pass", "shown"),
    [
        (FeedbackMode.SUBMIT, False, True),
        (FeedbackMode.SUBMIT, True, False),  # the default: answers once passed
        (FeedbackMode.NEVER, False, False),
    ],
)
def test_a_failed_results_answers_follow_the_quiz_settings(
    learner_client, learner, course_tree, mode, after_pass, shown
):
    _, lessons, quiz = course_tree
    quiz.feedback, quiz.answers_after_pass = mode, after_pass
    quiz.save_revision().publish()
    attempt = answer_all(learner, started_attempt(learner, lessons, quiz), right=1)
    quiz_attempt_submit(user=learner, attempt_id=attempt.pk)
    html = learner_client.get(f"/training/attempts/{attempt.pk}/").content.decode()
    assert "25%" in html and "Not passed" in html
    assert (attempt.questions[0]["explanation"] in html) is shown
    assert ("Feedback" in html) is shown
