"""The personal lines a push sends: the same bytes as the `you` partial rendered per person,
and a query count that does not grow with the number of people connected."""

import pytest
from django.template.loader import render_to_string

from leaderboard.fragments import personal_fragments
from leaderboard.models import Period
from leaderboard.selectors import leaderboard_positions, period_label
from leaderboard.services import points_award
from tests.leaderboard.factories import opted_in
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db


def give(user, points):
    points_award(user=user, reason="correction", points=points, key=f"k:{user.pk}:{points}")


def rendered_per_person(user_ids: list[int], opted: set[int]) -> dict[int, str]:
    """What the page's partial prints for each person, one render per line."""
    visible = {user_id: user_id in opted for user_id in user_ids}
    positions = {p: leaderboard_positions(visible=visible, period=p) for p in Period.values}
    return {
        user_id: "".join(
            render_to_string(
                "leaderboard/board.html#you",
                {
                    "period": period,
                    "position": positions[period][user_id],
                    "period_label": period_label(period),
                },
            )
            for period in Period.values
        )
        for user_id in user_ids
    }


def test_lines_are_the_partial_byte_for_byte_in_every_shape():
    """In the top, outside it with two, one or no people below, not opted in with one
    point, with none, with more; names that need escaping or look like format fields."""
    opted = set()
    names = ["Ann <b>&", "{rank}", 'O\'Neil "Q"', "{{x}}", "Zoë"]
    board = []
    for i in range(26):
        person = opted_in(display_name=names[i % len(names)] + f" {i}")
        give(person, 100 - i * 3 if i != 7 else 100 - 6 * 3)  # a tie at 18 and 7
        board.append(person)
        opted.add(person.pk)
    last = opted_in(display_name="Last {0}")  # opted in, no points: the bottom, no row
    opted.add(last.pk)
    hidden_one, hidden_none, hidden_many = UserFactory(), UserFactory(), UserFactory()
    give(hidden_one, 1)
    give(hidden_many, 52)
    ids = [p.pk for p in board] + [last.pk, hidden_one.pk, hidden_none.pk, hidden_many.pk]

    lines = personal_fragments(set(ids))

    assert lines == rendered_per_person(ids, opted)
    assert "#21" in lines[board[20].pk] and "People near you" in lines[board[22].pk]
    assert "you have <strong>1 point</strong>" in lines[hidden_one.pk]
    assert "Ann &lt;b&gt;&amp; 20" in lines[board[22].pk]


@pytest.mark.parametrize("size", [3, 12])
def test_lines_queries_do_not_grow_with_people(django_assert_num_queries, size):
    people = [opted_in() for _ in range(size)] + [UserFactory() for _ in range(size)]
    for i, person in enumerate(people):
        give(person, i + 1)
    # Everyone in the top: no near rows to read (three more queries outside it, at any size).
    with django_assert_num_queries(8):
        lines = personal_fragments({p.pk for p in people})
    assert len(lines) == 2 * size
