"""The boards' stored aggregates (people per score, department totals and member counts)
stay equal to a recomputation after every kind of change, also under concurrent awards
on PostgreSQL, and board and rank reads cost the same number of queries at any size."""

import pytest
from django.core.management import call_command
from django.db import transaction

from leaderboard.models import BoardMember, DepartmentMembers, Period, ScoreCount
from leaderboard.selectors import (
    leaderboard_departments,
    leaderboard_position,
    leaderboard_rank,
    period_start,
)
from leaderboard.services import leaderboard_aggregates_rebuild, points_award
from leaderboard.services.aggregates import aggregates_compare
from leaderboard.services.reconcile import leaderboard_reconcile
from people.services import consent_set, person_deactivate
from tests.leaderboard.factories import opted_in
from tests.people.factories import DepartmentFactory, UserFactory
from tests.threads import run_together

pytestmark = pytest.mark.django_db


def assert_in_step():
    assert aggregates_compare() == []
    assert leaderboard_reconcile(fix=False) == []


def department_row(name: str):
    rows = {row.name: row for row in leaderboard_departments(period=Period.ALL)}
    return rows.get(name)


def test_awards_keep_counts_and_department_totals_in_step():
    sales = DepartmentFactory(name="Sales")
    people = [opted_in(department=sales) for _ in range(3)]
    hidden = UserFactory(department=sales)
    for index, person in enumerate([*people, hidden]):
        points_award(user=person, reason="share", key=f"s{index}")
    points_award(user=people[0], reason="click", key="c0")
    points_award(user=people[1], reason="correction", key="k1", points=-15, note="x")
    assert department_row("Sales").points == 11 + 10 - 5  # the hidden person counts not
    assert department_row("Sales").members == 3
    assert leaderboard_rank(
        user=people[2], period=Period.ALL, period_start=period_start(Period.ALL)
    ) == (2, 3)
    assert_in_step()


def test_opting_out_and_in_again_moves_the_person_off_and_on_every_aggregate():
    sales = DepartmentFactory(name="Sales")
    people = [opted_in(department=sales) for _ in range(3)]
    for index, person in enumerate(people):
        points_award(user=person, reason="share", points=50, key=f"c{index}")
    consent_set(user=people[0], kind="leaderboard", granted=False, source="test")
    assert department_row("Sales") is None  # two members left: below the minimum
    assert DepartmentMembers.objects.get(department=sales).members == 2
    assert ScoreCount.objects.get(period=Period.ALL, points=50).n == 2
    assert_in_step()
    consent_set(user=people[0], kind="leaderboard", granted=True, source="test")
    assert department_row("Sales").points == 150
    assert_in_step()


def test_moving_department_moves_the_points_and_the_membership():
    sales, support = DepartmentFactory(name="Sales"), DepartmentFactory(name="Support")
    movers = [opted_in(department=sales) for _ in range(3)]
    stayers = [opted_in(department=support) for _ in range(2)]
    for index, person in enumerate(movers + stayers):
        points_award(user=person, reason="share", key=f"s{index}")
    mover = movers[0]
    mover.department = support
    mover.save()  # as the user admin and SCIM save a person
    assert department_row("Sales") is None
    assert (department_row("Support").points, department_row("Support").members) == (30, 3)
    assert_in_step()


def test_a_deactivated_person_leaves_every_board_and_count():
    sales = DepartmentFactory(name="Sales")
    people = [opted_in(department=sales) for _ in range(4)]
    for index, person in enumerate(people):
        points_award(user=person, reason="share", key=f"s{index}")
    person_deactivate(user=people[0], source="test")
    assert (department_row("Sales").points, department_row("Sales").members) == (30, 3)
    assert not BoardMember.objects.get(pk=people[0].pk).visible
    position = leaderboard_position(user=people[1], period=Period.ALL, visible=True)
    assert position.rank == 1
    assert_in_step()


def test_an_inactive_person_saved_by_hand_is_hidden_too():
    person = opted_in()
    points_award(user=person, reason="share", key="s")
    person.is_active = False
    person.save(update_fields=["is_active"])
    assert (
        leaderboard_rank(user=person, period=Period.ALL, period_start=period_start(Period.ALL))
        is None
    )
    assert_in_step()


def test_reconcile_reports_a_stale_aggregate_and_the_fix_rebuilds_it():
    person = opted_in(department=DepartmentFactory())
    points_award(user=person, reason="share", key="s")
    ScoreCount.objects.filter(period=Period.ALL).update(n=7)
    differences = leaderboard_reconcile(fix=True)
    assert [d.kind for d in differences] == ["aggregate"]
    assert "people with a score" in differences[0].detail
    assert_in_step()


def test_rebuild_after_a_bulk_load_counts_what_the_inserts_skipped():
    person = opted_in(department=DepartmentFactory())
    points_award(user=person, reason="share", key="s")
    BoardMember.objects.all().delete()
    ScoreCount.objects.all().delete()
    assert aggregates_compare() != []
    leaderboard_aggregates_rebuild()
    assert_in_step()


def test_concurrent_awards_consent_and_moves_stay_in_step(postgres):
    sales, support = DepartmentFactory(name="Sales"), DepartmentFactory(name="Support")
    people = [opted_in(department=sales) for _ in range(6)]

    def award(index: int, round_: int):
        def run():
            with transaction.atomic():
                points_award(user=people[index], reason="share", key=f"s{index}:{round_}")

        return run

    def move(index: int):
        def run():
            person = type(people[index]).objects.get(pk=people[index].pk)
            person.department = support
            person.save()

        return run

    def opt_out(index: int):
        return lambda: consent_set(
            user=people[index], kind="leaderboard", granted=False, source="test"
        )

    run_together(*(award(i, 0) for i in range(6)), *(award(i, 1) for i in range(6)))
    run_together(award(0, 2), award(1, 2), move(0), move(1), opt_out(2), award(2, 2))
    assert DepartmentMembers.objects.get(department=support).members == 2
    assert DepartmentMembers.objects.get(department=sales).members == 3  # one opted out
    call_command("leaderboard_reconcile")  # the command a run's teardown calls
    assert_in_step()


@pytest.mark.parametrize("size", [10, 200])
def test_board_and_rank_reads_cost_the_same_queries_at_any_size(size, django_assert_num_queries):
    departments = [DepartmentFactory() for _ in range(3)]
    people = [opted_in(department=departments[i % 3]) for i in range(size)]
    for index, person in enumerate(people):
        points_award(user=person, reason="click", key=f"c{index}", points=index % 7 + 1)
    middle = people[size // 2]
    start = period_start(Period.WEEK)
    with django_assert_num_queries(3):
        assert len(leaderboard_departments(period=Period.WEEK)) == 3
    with django_assert_num_queries(2):
        assert leaderboard_rank(user=middle, period=Period.WEEK, period_start=start)
    hidden = UserFactory()
    points_award(user=hidden, reason="click", key="hidden", points=3)
    with django_assert_num_queries(1):  # their points with their rank as if shown
        assert leaderboard_position(user=hidden, period=Period.WEEK, visible=False).rank > 1
    with django_assert_num_queries(2):  # and whether they are within the top 20
        assert leaderboard_position(user=people[6], period=Period.WEEK, visible=True).in_top


def test_a_roster_import_moving_people_recounts_the_department_boards():
    # bulk_update sends no post_save: the PEOPLE_MOVED hook keeps the counts right.
    from people.roster.importing import roster_import
    from people.roster.reading import roster_read

    sales = DepartmentFactory(name="Sales")
    people = [opted_in(department=sales, email=f"p{i}@example.com") for i in range(3)]
    for index, person in enumerate(people):
        points_award(user=person, reason="share", points=50, key=f"c{index}")
    header = "email,first_name,last_name,department,job_title,joined_on,left_on"
    lines = [header] + [
        f"{p.email},{p.first_name},{p.last_name},Support,,{p.joined_on.isoformat()},"
        for p in people
    ]
    rows = roster_read(data="\n".join(lines).encode(), filename="roster.csv")
    roster_import(rows=rows, apply=True)
    assert department_row("Sales") is None
    assert department_row("Support").members == 3
    assert_in_step()
