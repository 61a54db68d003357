"""The dashboard's training step keeps each course's lessons and quiz between requests:
it follows every publish, unpublish and new page at once, and never carries one person's
progress to another."""

import pytest
from django.test import Client

from courses.models import LessonPage, QuizPage
from courses.services import enrolment_create
from tests.courses.factories import LessonPageFactory, make_course
from tests.courses.helpers import publish_edit, read_all
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db


def _dashboard(user) -> str:
    client = Client()
    client.force_login(user)
    return client.get("/").content.decode()


@pytest.fixture
def enrolled():
    course, lessons, quiz = make_course(lessons=3)
    user = UserFactory()
    enrolment_create(user=user, course=course)
    _dashboard(user)  # fills the cache
    return user, course, lessons, quiz


def test_added_and_unpublished_lessons_and_quiz_show_at_once(enrolled):
    user, course, lessons, quiz = enrolled
    assert "0 of 4 steps" in _dashboard(user)
    LessonPageFactory(parent=course, title="A late addition")
    assert "0 of 5 steps" in _dashboard(user)
    LessonPage.objects.get(pk=lessons[1].pk).unpublish()
    assert "0 of 4 steps" in _dashboard(user)
    QuizPage.objects.get(pk=quiz.pk).unpublish()
    assert "0 of 3 steps" in _dashboard(user)


def test_a_renamed_lesson_or_quiz_is_linked_at_its_new_address(enrolled):
    user, _, lessons, quiz = enrolled
    publish_edit(lessons[0], slug="renamed-lesson")
    assert "/renamed-lesson/" in _dashboard(user)
    read_all(user, lessons)
    publish_edit(quiz, slug="renamed-quiz")
    html = _dashboard(user)
    assert "3 of 4 steps" in html and "/renamed-quiz/" in html


def test_each_person_sees_their_own_progress(enrolled):
    user, course, lessons, _ = enrolled
    other = UserFactory()
    enrolment_create(user=other, course=course)
    read_all(user, lessons[:1])
    assert "1 of 4 steps" in _dashboard(user)
    assert "0 of 4 steps" in _dashboard(other)
    assert "1 of 4 steps" in _dashboard(user)
