"""/leaderboard/ prints the one render of the board a push sends, and the person's line
from it when they are on it."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from leaderboard.fragments import board_fragment
from leaderboard.services import points_award
from people.services import consent_set
from tests.leaderboard.factories import opted_in
from tests.people.factories import DepartmentFactory

pytestmark = pytest.mark.django_db


def give(user, points):
    points_award(user=user, reason="correction", points=points, key=f"k:{user.pk}:{points}")


def board_queries(client, **params) -> int:
    """Queries of one page view that read the leaderboard's tables."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("leaderboard:board"), params).status_code == 200
    return sum("leaderboard_" in query["sql"] for query in queries.captured_queries)


@pytest.mark.parametrize("scope", ["people", "departments"])
def test_the_page_shows_the_pushed_board_byte_for_byte(client, scope):
    department = DepartmentFactory(name="Sales")
    people = [opted_in(department=department, first_name=f"P{i}") for i in range(4)]
    for index, person in enumerate(people):
        give(person, 10 * (index + 1))
    client.force_login(people[0])
    pushed = board_fragment("month", scope)
    page = client.get(reverse("leaderboard:board"), {"period": "month", "scope": scope})
    panel = client.get(
        reverse("leaderboard:board"), {"period": "month", "scope": scope}, HTTP_HX_REQUEST="true"
    )
    assert pushed in page.content.decode()
    assert pushed in panel.content.decode()
    assert "Sales" in pushed
    assert (">40<" if scope == "people" else ">100<") in pushed  # the top person, the sum


def test_your_line_agrees_with_your_row_on_the_board(client):
    people = [opted_in() for _ in range(5)]
    for person, points in zip(people, [50, 40, 40, 30, 20], strict=True):
        give(person, points)
    me = people[2]
    client.force_login(me)
    html = client.get(reverse("leaderboard:board")).content.decode()
    row = re.search(rf'data-user="{me.pk}">\s*<td data-label="Rank">#(\d+)</td>', html)
    assert row is not None and row.group(1) == "2"
    assert "You are <strong>#2</strong> with <strong>40 points</strong>" in html


def test_opting_out_shows_the_private_line_on_the_next_view(client):
    me = opted_in()
    give(me, 25)
    client.force_login(me)
    first = client.get(reverse("leaderboard:board")).content.decode()
    assert "You are <strong>#1</strong>" in first
    consent_set(user=me, kind="leaderboard", granted=False, source="test")
    html = client.get(reverse("leaderboard:board")).content.decode()
    assert "Only you can see this" in html and "You are <strong>" not in html


@pytest.mark.parametrize("size", [25, 60])
def test_a_page_after_a_push_reads_no_board_for_someone_on_it(client, size):
    people = [opted_in() for _ in range(size)]
    for index, person in enumerate(people):
        give(person, index + 1)
    client.force_login(people[-1])  # the most points: first on the board
    board_fragment("week", "people")
    assert board_queries(client) == 0
    client.force_login(people[0])  # the fewest: below the top, with people near them
    html = client.get(reverse("leaderboard:board")).content.decode()
    assert f"You are <strong>#{size}</strong>" in html and 'class="near"' in html
    assert board_queries(client) <= 5
