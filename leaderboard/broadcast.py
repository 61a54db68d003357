"""Live leaderboard updates: render once, send the same bytes to every subscriber.

Called after commit only (portal.realtime.send_on_commit), so nobody sees uncommitted
points, and it only marks the leaderboard as changed: the broadcaster thread renders every
board once per push, at most once a second across every process, the last change within
two seconds (portal.realtime.push). In the same push each connected person's own line is
computed (all of them together) and sent to that person only when it changed: no browser
asks for it over HTTP.
"""

from functools import partial

from leaderboard.fragments import (
    board_fragment,
    boards_forget,
    personal_fragments,
    toast_fragment,
)
from leaderboard.models import Period
from leaderboard.selectors import Scope
from portal import realtime

BOARDS = [(period, scope) for period in Period.values for scope in Scope.values]
KEY = "leaderboard"  # one window for every board: a change moves them all
TOPIC = "leaderboard"  # who counts as watching, for the personal lines


LINES_KEY = "leaderboard-lines"  # the personal lines, coalesced like the boards
# Seconds the lines wait after the boards went out. Computing and sending them (hundreds of
# messages) on the broadcaster thread while this process's event loop is still writing the
# boards to every socket competes with that loop for the GIL, and their messages queue
# behind and between the boards' writes. A line is news to one person; a board is the news
# everybody waits for.
LINES_AFTER = 0.4


def push_now(window: int = 0) -> None:
    """Render and send every board, then the personal lines that changed (broadcaster).

    The lines are a push of their own: the broadcaster delivers queued sends before it runs
    the next due push, so the boards go out first instead of waiting while every connected
    person's line is computed, and they wait LINES_AFTER so the boards' fan-out has this
    process to itself. Its window coalesces them as it does the boards. A board nobody has
    open, in any process, is not rendered."""
    groups = {realtime.board_group(period, scope): (period, scope) for period, scope in BOARDS}
    watched = realtime.watched(list(groups))
    for group, (period, scope) in groups.items():
        if group in watched:
            realtime.group_send(group, realtime.html_message(board_fragment(period, scope)))
    realtime.push(LINES_KEY, _push_lines, delay=LINES_AFTER)


def _push_lines(window: int = 0) -> None:
    """Every connected person's line that changed, in one message for all of them."""
    lines = personal_fragments(realtime.connected(TOPIC))
    changed = realtime.lines_changed(TOPIC, lines)
    if changed:
        realtime.group_send(realtime.lines_group(TOPIC), realtime.lines_message(changed))


def _send_toasts(user_id: int, award_ids: list[int]) -> None:
    for award_id in award_ids:
        html = toast_fragment(award_id)
        if html:
            realtime.group_send(realtime.person_group(user_id), realtime.html_message(html))


def boards_changed() -> None:
    if realtime.is_suppressed():
        return
    boards_forget(BOARDS)
    realtime.push(KEY, push_now)


def points_changed(*, user_id: int, award_ids: list[int]) -> None:
    """After commit: every board and the connected people's lines (coalesced), and a toast
    per new badge. Only queues; returns at once."""
    if realtime.is_suppressed():
        return
    boards_changed()
    if award_ids:
        realtime.run_soon(partial(_send_toasts, user_id, award_ids))


def points_changed_on_commit(*, user_id: int, award_ids: list[int]) -> None:
    """Schedule points_changed for after the current transaction commits."""
    realtime.send_on_commit(partial(points_changed, user_id=user_id, award_ids=award_ids))
