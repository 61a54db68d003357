"""What the lesson page keeps between requests (the body, the course outline) follows
every publish, and never carries one person's progress to another."""

import uuid

import pytest
from django.test import Client

from courses.models import LessonPage
from tests.courses.factories import LessonPageFactory
from tests.courses.helpers import publish_edit, read_all
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db


def _text(html: str) -> dict:
    return {"type": "text", "value": html, "id": str(uuid.uuid4())}


def _client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_published_change_to_the_lesson_shows_at_once(learner_client, course_tree):
    _, lessons, _ = course_tree
    url = lessons[0].get_url()
    assert "Lesson text." in learner_client.get(url).content.decode()
    publish_edit(lessons[0], body=[_text("<p>Rewritten for this year.</p>")])
    html = learner_client.get(url).content.decode()
    assert "Rewritten for this year." in html and "Lesson text." not in html


def test_a_draft_stays_unseen_until_it_is_published(learner_client, course_tree):
    _, lessons, _ = course_tree
    url = lessons[0].get_url()
    learner_client.get(url)
    draft = LessonPage.objects.get(pk=lessons[0].pk)
    draft.body = [_text("<p>Not ready yet.</p>")]
    draft.save_revision()
    assert "Not ready yet." not in learner_client.get(url).content.decode()
    LessonPage.objects.get(pk=lessons[0].pk).get_latest_revision().publish()
    assert "Not ready yet." in learner_client.get(url).content.decode()


def test_the_outline_follows_renamed_added_and_unpublished_lessons(learner_client, course_tree):
    course, lessons, _ = course_tree
    url = lessons[0].get_url()
    assert "Lesson 1 of 3" in learner_client.get(url).content.decode()
    publish_edit(lessons[1], title="Renamed lesson")
    html = learner_client.get(url).content.decode()
    assert "Next: Renamed lesson" in html
    LessonPageFactory(parent=course, title="A late addition")
    html = learner_client.get(url).content.decode()
    assert "Lesson 1 of 4" in html and "A late addition" in html
    LessonPage.objects.get(pk=lessons[1].pk).unpublish()
    html = learner_client.get(url).content.decode()
    assert "Lesson 1 of 3" in html and "Renamed lesson" not in html


def test_each_person_sees_their_own_progress_on_the_same_lesson(course_tree):
    _, lessons, _ = course_tree
    done, fresh = UserFactory(), UserFactory()
    read_all(done, lessons[:2])
    url = lessons[1].get_url()
    first = _client_for(done).get(url).content.decode()
    second = _client_for(fresh).get(url).content.decode()
    assert "You completed this lesson" in first and first.count("(completed)") == 2
    assert "Mark as complete" in second and "(completed)" not in second
    assert "You completed this lesson" in _client_for(done).get(url).content.decode()
