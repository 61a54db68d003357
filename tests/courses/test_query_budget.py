"""Quiz answer and lesson page: the same number of queries whatever the pool size, the
number of lessons, or the number of other people with training history."""

import pytest

from tests.courses.factories import make_course
from tests.courses.helpers import answer_all, read_all, right_choices, started_attempt
from tests.people.factories import UserFactory
from tests.policies.factories import PolicyPageFactory

pytestmark = pytest.mark.django_db
# Session and user, the page (portal/routing.py: no site, tree walk or restriction queries
# once warm), the bell, and the person's completions in the course (the outline and the
# lesson body come from the cache once warm).
LESSON_PAGE_QUERIES = 5
# Session and user, then in one savepoint: the attempt locked (its row only, no joins),
# its answers, the new answer, the attempt's position. The swap reuses what was read, and
# shows none of the page chrome, so no banner (a pending policy) or menu is worked out.
QUIZ_ANSWER_QUERIES = 8
SIZES = {"small": (2, 6, 1), "large": (12, 40, 15)}  # lessons, pool, other learners


def _world(size):
    lessons_n, pool, others = SIZES[size]
    course, lessons, quiz = make_course(lessons=lessons_n, pool=pool, draw=5)
    for _ in range(others):
        person = UserFactory()
        attempt = started_attempt(person, lessons, quiz)
        answer_all(person, attempt, right=2)
    return course, lessons, quiz


@pytest.mark.parametrize("size", list(SIZES))
def test_lesson_page_query_budget(client, size, django_assert_num_queries):
    _, lessons, _ = _world(size)
    user = UserFactory()
    read_all(user, lessons[:1])
    client.force_login(user)
    url = lessons[1].get_url()
    client.get(url)  # warm caches shared by every page (site root, navigation)
    with django_assert_num_queries(LESSON_PAGE_QUERIES):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("size", list(SIZES))
def test_quiz_answer_query_budget(client, size, django_assert_num_queries):
    _, lessons, quiz = _world(size)
    PolicyPageFactory()  # not acknowledged: full pages show its banner, the swap does not
    user = UserFactory()
    attempt = started_attempt(user, lessons, quiz)
    client.force_login(user)
    url = f"/training/attempts/{attempt.pk}/answer/"
    client.post(
        url, {"position": 0, "choice": right_choices(attempt.questions[0])}, HTTP_HX_REQUEST="true"
    )
    with django_assert_num_queries(QUIZ_ANSWER_QUERIES):
        response = client.post(
            url,
            {"position": 1, "choice": right_choices(attempt.questions[1])},
            HTTP_HX_REQUEST="true",
        )
    assert response.status_code == 200 and "Question 3 of 5" in response.content.decode()
