"""Adding a second quiz to a course says that a course has one quiz, not "you do not have
permission" (courses/admin_views.py::quiz_add)."""

import pytest
from django.test import Client
from django.urls import reverse

from courses.models import QuizPage
from tests.courses.factories import CoursePageFactory, QuizPageFactory
from tests.people.factories import EditorFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    client = Client()
    client.force_login(EditorFactory())
    return client


def _add_quiz_url(course):
    return reverse("wagtailadmin_pages:add", args=("courses", "quizpage", course.pk))


def test_a_second_quiz_gets_a_course_has_one_quiz(editor):
    quiz = QuizPageFactory(title="Basics quiz")
    course = quiz.get_parent()
    response = editor.get(_add_quiz_url(course))
    assert response.status_code == 200
    html = response.content.decode()
    assert "A course has one quiz" in html
    assert "already has “Basics quiz” (it is published)" in html
    assert "do not have permission" not in html
    assert reverse("wagtailadmin_pages:edit", args=[quiz.pk]) in html
    posted = editor.post(_add_quiz_url(course), {"title": "Second quiz"})
    assert posted.status_code == 409 and "A course has one quiz" in posted.content.decode()
    assert QuizPage.objects.child_of(course).count() == 1


def test_a_draft_quiz_is_named_as_a_possibly_abandoned_add(editor):
    quiz = QuizPageFactory(title="Draft quiz", live=False, first_published_at=None)
    response = editor.get(_add_quiz_url(quiz.get_parent()))
    html = response.content.decode()
    assert "it is a draft that was never published" in html
    assert "left unfinished" in html


def test_the_first_quiz_is_added_through_wagtails_form(editor):
    course = CoursePageFactory()
    response = editor.get(_add_quiz_url(course))
    assert response.status_code == 200
    html = response.content.decode()
    assert "A course has one quiz" not in html
    assert 'name="pass_mark"' in html  # Wagtail's add form for a quiz


def test_someone_who_may_not_add_pages_still_gets_wagtails_refusal():
    quiz = QuizPageFactory()
    client = Client()
    client.force_login(UserFactory())
    response = client.get(_add_quiz_url(quiz.get_parent()))
    assert response.status_code in (302, 403)
    assert b"A course has one quiz" not in response.content
