"""Bulk department moves (roster import chunks, SCIM group PATCH) reach the leaderboard
through one `chorus_people_moved` call per batch, which recounts them set-based: the same
number of queries for 10 people as for 1,000, and the boards stay equal to a recount."""

import pytest
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from leaderboard.models import BoardMember, DepartmentMembers, DepartmentTotal, ScoreTotal
from leaderboard.services import leaderboard_aggregates_rebuild
from leaderboard.services.aggregates import aggregates_compare
from leaderboard.services.periods import period_starts
from people.models import ConsentKind, ConsentRecord, Department, User
from people.services import people_moved

pytestmark = pytest.mark.django_db

# Lock and read the people, who of them is shown, how the boards counted them, their
# totals; upsert department totals and member counts; store how they are counted now;
# two visibility updates; the savepoint around it all.
QUERIES = 10


def people_in(department: Department, n: int, *, shown: int) -> list[int]:
    """n people in `department` with points, the first `shown` of them on the boards."""
    password = make_password("pw")
    users = User.objects.bulk_create(
        User(
            username=f"mover{i}",
            email=f"mover{i}@example.com",
            password=password,
            department=department,
        )
        for i in range(n)
    )
    ConsentRecord.objects.bulk_create(
        ConsentRecord(user=u, kind=ConsentKind.LEADERBOARD, granted=True, source="test")
        for u in users[:shown]
    )
    starts = period_starts(timezone.now())
    ScoreTotal.objects.bulk_create(
        ScoreTotal(user=u, period=period, period_start=start, points=i % 37 + 1)
        for i, u in enumerate(users)
        for period, start in starts.items()
    )
    leaderboard_aggregates_rebuild()
    return [u.pk for u in users]


@pytest.mark.parametrize("size", [10, 1000])
def test_a_bulk_move_recounts_the_boards_in_a_fixed_number_of_queries(
    size, django_assert_num_queries
):
    sales = Department.objects.create(name="Sales", slug="sales")
    support = Department.objects.create(name="Support", slug="support")
    ids = people_in(sales, size, shown=size - 2)  # two never opted in
    assert DepartmentMembers.objects.get(department=sales).members == size - 2

    User.objects.filter(pk__in=ids).update(department=support)  # no post_save
    with django_assert_num_queries(QUERIES):
        people_moved(user_ids=ids)

    assert aggregates_compare() == []
    members = dict(DepartmentMembers.objects.values_list("department__name", "members"))
    assert members == {"Sales": 0, "Support": size - 2}
    expected = sum(i % 37 + 1 for i in range(size - 2))
    totals = DepartmentTotal.objects.filter(period="all")
    assert dict(totals.values_list("department__name", "points")) == {
        "Sales": 0,
        "Support": expected,
    }
    assert BoardMember.objects.filter(department=support, visible=True).count() == size - 2


def test_a_move_that_changes_no_standing_only_reads():
    sales = Department.objects.create(name="Sales", slug="sales")
    ids = people_in(sales, 5, shown=0)  # nobody on the boards: nothing to recount
    User.objects.filter(pk__in=ids).update(department=None)
    people_moved(user_ids=ids)
    assert aggregates_compare() == []
    assert not BoardMember.objects.filter(visible=True).exists()
