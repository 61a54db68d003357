"""Live leaderboard updates: render once, send the same bytes to every subscriber.

Runs after commit only (portal.realtime.send_on_commit), so nobody sees uncommitted
points. Each board, and each person's own line, is throttled to one send per second
across every process, with a trailing send so the last change is on screen within two
seconds (portal.realtime.throttled).
"""

from functools import partial

from leaderboard.fragments import board_fragment, personal_fragment, toast_fragment
from leaderboard.models import Period
from leaderboard.selectors import Scope
from portal import realtime

BOARDS = [(period, scope) for period in Period.values for scope in Scope.values]


def _send_board(period: str, scope: str) -> None:
    realtime.group_send(
        realtime.board_group(period, scope), realtime.html_message(board_fragment(period, scope))
    )


def _send_personal(user_id: int) -> None:
    html = personal_fragment(user_id)
    if html:
        realtime.group_send(realtime.person_group(user_id), realtime.html_message(html))


def boards_changed() -> None:
    if realtime.is_suppressed():
        return
    for period, scope in BOARDS:
        realtime.throttled(f"board:{period}:{scope}", partial(_send_board, period, scope))


def points_changed(*, user_id: int, award_ids: list[int]) -> None:
    """After commit: every board, the person's own line, and a toast per new badge."""
    if realtime.is_suppressed():
        return
    boards_changed()
    realtime.throttled(f"user:{user_id}", partial(_send_personal, user_id))
    for award_id in award_ids:
        html = toast_fragment(award_id)
        if html:
            realtime.group_send(realtime.person_group(user_id), realtime.html_message(html))


def points_changed_on_commit(*, user_id: int, award_ids: list[int]) -> None:
    """Schedule points_changed for after the current transaction commits."""
    realtime.send_on_commit(partial(points_changed, user_id=user_id, award_ids=award_ids))
