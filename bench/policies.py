"""Policies: the banner check every portal page runs, the policy page, acknowledging, the report."""

import datetime

from django.test import Client, RequestFactory

from bench.harness import Figure, count_queries, time_ms
from home.models import HomePage
from people.models import User
from policies.models import PolicyPage
from policies.panels import policy_banner
from policies.report import acknowledgement_summary
from policies.services import policy_acknowledge
from portal import realtime

EMPLOYEES = 500


def _policy(home, slug: str, *, required: bool = True) -> PolicyPage:
    page = PolicyPage(
        title=f"Policy {slug}",
        slug=slug,
        live=False,
        acknowledgement_required=required,
        effective_date=datetime.date(2026, 3, 1),
        body=[("heading", "Purpose"), ("paragraph", "<p>Why.</p>")] * 8,
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return PolicyPage.objects.get(pk=page.pk)


def measure() -> list[Figure]:
    # Leaderboard broadcasts (timer threads) are measured by bench.leaderboard, not here.
    with realtime.suppressed():
        return _measure()


def _measure() -> list[Figure]:
    home = HomePage.objects.get(depth=2)
    main = _policy(home, "policy")
    others = [_policy(home, f"policy-{n}") for n in range(3)]
    _policy(home, "brand-guidelines", required=False)
    people = User.objects.bulk_create(
        User(username=f"bench-policy-{n}", password="!")  # noqa: S106
        for n in range(EMPLOYEES)
    )
    for person in people[: EMPLOYEES * 3 // 4]:
        for policy in (main, *others):
            policy_acknowledge(user=person, policy_id=policy.pk, version=1)

    reader = User.objects.create_user("bench-reader", password="x")  # noqa: S106
    request = RequestFactory().get("/")
    request.user = reader
    policy_banner(request)  # warms the cached list of current versions

    client = Client()
    client.force_login(reader)

    def banner():
        assert policy_banner(request) is not None

    def policy_page():
        assert client.get("/policy/").status_code == 200

    acknowledgers = iter(people[EMPLOYEES * 3 // 4 :])

    def acknowledge():
        person = next(acknowledgers)
        policy_acknowledge(user=person, policy_id=main.pk, version=1)

    def summary():
        acknowledgement_summary()

    return [
        Figure("policy_banner_ms", time_ms(banner, n=200), "ms", 2.0, 200),
        Figure("policy_banner_queries", count_queries(banner), "queries", 1, 1),
        Figure("policy_page_ms", time_ms(policy_page, n=30), "ms", 80.0, 30),
        Figure("policy_page_queries", count_queries(policy_page), "queries", 25, 1),
        Figure("policy_acknowledge_ms", time_ms(acknowledge, n=50, warmup=2), "ms", 40.0, 50),
        Figure("policy_report_summary_ms", time_ms(summary, n=20), "ms", 50.0, EMPLOYEES),
        Figure("policy_report_summary_queries", count_queries(summary), "queries", 3, 1),
    ]
