"""/me/ and the dashboard: what every employee opens."""

from django.test import Client

from bench.harness import Figure, count_queries, time_ms
from people.models import User
from people.services import consent_set, network_add


def measure() -> list[Figure]:
    user = User.objects.create_user("bench-me", password="x")  # noqa: S106
    for index in range(5):
        network_add(
            user=user, platform="x", handle=f"@bench{index}", audience="personal", followers=9
        )
    for granted in (True, False, True):
        consent_set(user=user, kind="advocacy", granted=granted, source="bench")
    client = Client()
    client.force_login(user)

    def me_page():
        assert client.get("/me/").status_code == 200

    def dashboard():
        assert client.get("/").status_code == 200

    return [
        Figure("me_page_ms", time_ms(me_page, n=50), "ms", 60.0, 50),
        Figure("me_page_queries", count_queries(me_page), "queries", 12, 1),
        Figure("dashboard_ms", time_ms(dashboard, n=50), "ms", 60.0, 50),
        Figure("dashboard_queries", count_queries(dashboard), "queries", 20, 1),
    ]
