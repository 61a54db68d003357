"""/leaderboard/: ranks with ties, who appears, near-me, departments, query budget."""

import pytest
from django.urls import reverse

from leaderboard.fragments import board_fragment
from leaderboard.selectors import leaderboard_departments, leaderboard_position, leaderboard_top
from leaderboard.services import points_award
from people.services import consent_set
from tests.leaderboard.factories import opted_in
from tests.people.factories import DepartmentFactory, UserFactory

pytestmark = pytest.mark.django_db


def give(user, points, key=None):
    points_award(user=user, reason="correction", points=points, key=key or f"k:{user.pk}:{points}")


def test_ties_share_a_rank_and_the_next_rank_skips():
    people = [opted_in() for _ in range(4)]
    for person, points in zip(people, [30, 20, 20, 10], strict=True):
        give(person, points)
    top = leaderboard_top(period="week")
    assert [(row.rank, row.points) for row in top] == [(1, 30), (2, 20), (2, 20), (4, 10)]
    position = leaderboard_position(user=people[2], period="week", visible=True)
    assert position.rank == 2


def test_only_opted_in_people_appear_and_others_see_their_rank_privately(client):
    shown = opted_in(first_name="Shown", last_name="Person")
    hidden = UserFactory(first_name="Hidden", last_name="Person")
    give(shown, 10)
    give(hidden, 50)
    assert [row.name for row in leaderboard_top(period="all")] == ["Shown Person"]

    client.force_login(hidden)
    response = client.get(reverse("leaderboard:board"))
    html = response.content.decode()
    assert response.status_code == 200
    board = html[html.index('id="board"') :]
    assert "Hidden Person" not in board
    assert "Only you can see this" in html
    assert "50 points" in html and "#1" in html
    assert "Appear on the leaderboard" in html


def test_opting_out_removes_a_person_from_every_board():
    person = opted_in(first_name="Ola", last_name="Out")
    give(person, 40)
    assert any(row.user_id == person.pk for row in leaderboard_top(period="month"))
    consent_set(user=person, kind="leaderboard", granted=False, source="test")
    for period in ("week", "month", "all"):
        assert not any(row.user_id == person.pk for row in leaderboard_top(period=period))
    consent_set(user=person, kind="leaderboard", granted=True, source="test")
    assert any(row.user_id == person.pk for row in leaderboard_top(period="all"))


def test_near_me_shows_two_above_and_two_below_outside_the_top():
    people = [opted_in() for _ in range(30)]
    for index, person in enumerate(people):
        give(person, 1000 - index * 10)
    me = people[25]
    position = leaderboard_position(user=me, period="week", visible=True)
    assert position.rank == 26 and position.points == 750
    assert [row.rank for row in position.above] == [24, 25]
    assert [row.rank for row in position.below] == [27, 28]
    assert not position.in_top


def test_departments_need_three_opted_in_members():
    big, small = DepartmentFactory(name="Sales"), DepartmentFactory(name="Finance")
    for _ in range(3):
        give(opted_in(department=big), 5)
    for _ in range(2):
        give(opted_in(department=small), 100)
    give(UserFactory(department=small), 100)  # not opted in: does not count
    rows = leaderboard_departments(period="week")
    assert [(row.name, row.points, row.members) for row in rows] == [("Sales", 15, 3)]


def test_page_and_htmx_fragment(client):
    person = opted_in(first_name="Tab", last_name="Switcher")
    give(person, 12)
    client.force_login(person)
    page = client.get(reverse("leaderboard:board"), {"period": "month"})
    assert page.status_code == 200
    html = page.content.decode()
    assert "<html" in html and 'ws-connect="/ws/leaderboard/?period=month&amp;scope=people"' in html
    assert "You are <strong>#1</strong>" in html
    fragment = client.get(
        reverse("leaderboard:board"),
        {"period": "all", "scope": "departments"},
        HTTP_HX_REQUEST="true",
    )
    body = fragment.content.decode()
    assert "<html" not in body and 'id="board-panel"' in body
    assert "Departments" in body
    assert fragment["Vary"].count("HX-Request") == 1


def test_unknown_period_falls_back_to_this_week(client):
    client.force_login(opted_in())
    response = client.get(reverse("leaderboard:board"), {"period": "decade", "scope": "x"})
    assert response.status_code == 200
    assert 'period=week&amp;scope=people"' in response.content.decode()


@pytest.mark.parametrize("size", [5, 60])
def test_page_queries_do_not_grow_with_people(client, django_assert_max_num_queries, size):
    department = DepartmentFactory()
    people = [opted_in(department=department) for _ in range(size)]
    for index, person in enumerate(people):
        give(person, index + 1)
    me = people[0]
    client.force_login(me)
    client.get(reverse("leaderboard:board"))  # warm caches (navigation, settings)
    with django_assert_max_num_queries(14):
        assert client.get(reverse("leaderboard:board")).status_code == 200
    with django_assert_max_num_queries(12):
        client.get(reverse("leaderboard:board"), {"scope": "departments"})


def test_a_pushed_board_asks_no_browser_to_fetch_anything(client):
    # Personal lines are pushed to each person when they change (test_consumers); a
    # pushed board no longer makes every open page call back over HTTP.
    for scope in ("people", "departments"):
        html = board_fragment("week", scope)
        assert 'id="board"' in html
        assert "hx-get" not in html and "/leaderboard/you/" not in html


def test_your_line_moves_when_someone_else_overtakes_you(client):
    me, rival = opted_in(), opted_in()
    points_award(user=me, reason="correction", points=30, key="me", note="t")
    client.force_login(me)
    first = client.get("/leaderboard/you/?period=week").content.decode()
    assert "You are <strong>#1</strong>" in first
    points_award(user=rival, reason="correction", points=50, key="rival", note="t")
    second = client.get("/leaderboard/you/?period=week").content.decode()
    assert "You are <strong>#2</strong>" in second
    assert second.lstrip().startswith('<section id="you-week"')
