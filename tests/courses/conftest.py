import pytest

from tests.courses.factories import make_course
from tests.people.factories import UserFactory


@pytest.fixture
def course_tree(db):
    """A certifying course: 3 lessons and a quiz drawing 4 of 6 questions (75% to pass)."""
    course, lessons, quiz = make_course(lessons=3, pool=6, draw=4)
    return course, lessons, quiz


@pytest.fixture
def learner(db):
    return UserFactory()


@pytest.fixture
def learner_client(client, learner):
    client.force_login(learner)
    return client
