"""Training hot paths: saving a quiz answer (htmx) and opening a lesson page."""

from django.test import Client

from bench.harness import Figure, count_queries, time_ms
from courses.services import lesson_complete, quiz_attempt_start
from people.models import User
from tests.courses.factories import make_course

RUNS = 50


def measure() -> list[Figure]:
    # A long course and a big pool, so that neither shows up in the figures.
    _, lessons, quiz = make_course(lessons=10, pool=RUNS + 10, draw=RUNS + 10)
    user = User.objects.create_user("bench-learner", password="x")  # noqa: S106
    for lesson in lessons:
        lesson_complete(user=user, lesson=lesson)
    attempt = quiz_attempt_start(user=user, quiz=quiz)
    client = Client()
    client.force_login(user)
    answer_url = f"/training/attempts/{attempt.pk}/answer/"
    position = iter(range(attempt.total))

    def answer():
        index = next(position)
        choices = [c["id"] for c in attempt.questions[index]["choices"] if c["correct"]]
        response = client.post(
            answer_url, {"position": index, "choice": choices}, HTTP_HX_REQUEST="true"
        )
        assert response.status_code == 200, response.content[:500]

    lesson_url = lessons[4].get_url()

    def lesson_page():
        assert client.get(lesson_url).status_code == 200

    return [
        Figure("quiz_answer_ms", time_ms(answer, n=RUNS - 5, warmup=3), "ms", 40.0, RUNS - 5),
        Figure("quiz_answer_queries", count_queries(answer), "queries", 10, 1),
        Figure("lesson_page_ms", time_ms(lesson_page, n=RUNS), "ms", 80.0, RUNS),
        Figure("lesson_page_queries", count_queries(lesson_page), "queries", 21, 1),
    ]
