"""Live pushes over Channels: group names, "send after commit", the coalescing window, the
broadcaster thread that does the work, and the consumer both live sockets are built on.

An action (a click, a share, a quiz answer) never waits for a push: after commit it only
marks what changed (`push`) or queues a message (`group_send`); the broadcaster thread of
its process renders once and sends (portal.realtime.broadcaster). Messages are disposable:
a page that reconnects loads the truth over HTTP, so a failed send is logged and dropped,
never raised into the action that caused it.

Groups (portal.realtime.groups):
  - `leaderboard.board.<period>.<scope>`: one per board, identical bytes for everyone;
  - `leaderboard.user.<id>`: a person's own leaderboard line and badge toasts;
  - `notify.user.<id>`: a person's bell and notification toasts;
  - `session.user.<id>`: every socket of a person, so logging out closes them;
  - `sharing.campaign.<id>`: one per campaign's progress bar, the same for everyone.

  - `lines.<topic>`: everyone connected on a topic; one message carries all their lines.

Every message is `{"type": "push.html", "html": ...}` (forwarded as it is),
`{"type": "push.lines", "lines": {"<user id>": html}}` (each socket gets its person's) or
`{"type": "session.ended", "session_key": ...}`. Each process's hub
(portal.realtime.hub) receives a message once and forwards it to its sockets in the group.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction

from portal.realtime import presence
from portal.realtime.broadcaster import broadcaster
from portal.realtime.consumer import CLOSE_POLICY, CLOSE_UNAUTHORISED, PushConsumer
from portal.realtime.groups import (
    board_group,
    campaign_group,
    lines_group,
    notify_group,
    person_group,
    session_group,
)
from portal.realtime.responding import PushesAfterResponse

__all__ = [
    "CLOSE_POLICY",
    "CLOSE_UNAUTHORISED",
    "PushConsumer",
    "board_group",
    "campaign_group",
    "connected",
    "group_send",
    "html_message",
    "is_suppressed",
    "lines_changed",
    "lines_group",
    "lines_message",
    "notify_group",
    "person_group",
    "push",
    "pushes_after_response",
    "run_soon",
    "send_on_commit",
    "session_ended",
    "session_group",
    "suppressed",
    "watched",
]

_suppressed: ContextVar[bool] = ContextVar("realtime_suppressed", default=False)


def html_message(html: str) -> dict:
    return {"type": "push.html", "html": html}


def lines_message(lines: dict[int, str]) -> dict:
    """One message with each person's own line; their sockets each get theirs."""
    return {"type": "push.lines", "lines": {str(user_id): html for user_id, html in lines.items()}}


@contextmanager
def suppressed() -> Iterator[None]:
    """No pushes inside (bulk work nobody watches: seeding, reconcile --fix, tests)."""
    token = _suppressed.set(True)
    try:
        yield
    finally:
        _suppressed.reset(token)


def is_suppressed() -> bool:
    return _suppressed.get()


def group_send(group: str, message: dict) -> None:
    """Queue `message` for everyone in `group`; returns at once and never raises (the
    broadcaster thread sends it, and logs and drops it when the layer is away)."""
    broadcaster.send(group, message)


def run_soon(action: Callable[[], None]) -> None:
    """Run `action` (renders, may query, sends) on the broadcaster thread, not here."""
    broadcaster.run_soon(action)


def push(key: str, action: Callable[[int], None], delay: float = 0.0) -> None:
    """`key` changed: `action(window)` renders and sends it on the broadcaster thread, at
    most once a second across every process, the last change within two seconds (plus
    `delay`: not before that many seconds from now)."""
    broadcaster.push(key, action, delay)


def pushes_after_response(app):
    """Wrap the HTTP application: the pushes a request makes wait for its response, so the
    person who acted never waits while their action's push renders in this process
    (portal.realtime.responding)."""
    return PushesAfterResponse(app, release=broadcaster.release)


def connected(topic: str) -> set[int]:
    """Who has a socket open on `topic` in any process (call it from a push action)."""
    return presence.connected(topic)


def watched(groups: list[str]) -> set[str]:
    """Those of `groups` a socket in any process is in (call it from a push action)."""
    return presence.watched(groups)


def lines_changed(topic: str, lines: dict[int, str]) -> dict[int, str]:
    """Of `lines` (person -> html), those that differ from what each was last sent."""
    return presence.changed(topic, lines)


def send_on_commit(action: Callable[[], None]) -> None:
    """Run `action` (which must only queue: push, run_soon, group_send) after the current
    transaction commits, so nobody sees uncommitted state; nothing when it rolls back or
    when suppressed."""
    if is_suppressed():
        return
    transaction.on_commit(action)


def session_ended(*, user_id: int, session_key: str | None) -> None:
    """Close a person's sockets (all of them, any app's): one session's when
    `session_key` is given (logout), every session's when it is None (password changed,
    account deactivated). Queued like every send: it never raises into the caller."""
    group_send(session_group(user_id), {"type": "session.ended", "session_key": session_key or ""})
