"""What two parts of one page both compute, computed once per request.

The policy banner on every page and the dashboard's policy step (or the sharing gate on
/share/) ask the same question of the same person; hooks receive only the user, so the
answer cannot be handed from one to the other. `memoised(key, compute)` keeps it for the
rest of the request instead. Outside a request (a test calling a selector, a task, a
websocket consumer) nothing is kept, so a read after a write there always sees the write.

A service that changes what a memoised read returns calls `forget(prefix)` as it writes,
so a page rendered later in the same request shows the change.
"""

from collections.abc import Callable
from contextvars import ContextVar
from typing import TypeVar

T = TypeVar("T")

_memo: ContextVar[dict | None] = ContextVar("chorus_request_memo", default=None)


def memoised(key: tuple, compute: Callable[[], T]) -> T:
    """`compute()`, once per `key` for the rest of the current request (every call
    outside a request computes)."""
    memo = _memo.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def current() -> dict | None:
    """The current request's memo, to keep other things for the rest of the request
    (portal.cache's read-ahead); None outside a request."""
    return _memo.get()


def forget(prefix: tuple) -> None:
    """Drop what the current request kept under every key that starts with `prefix`
    (e.g. `("policies_pending", user.pk)`, whatever the day in the rest of the key)."""
    memo = _memo.get()
    if memo:
        for key in [key for key in memo if key[: len(prefix)] == prefix]:
            del memo[key]


class RequestMemoMiddleware:
    """A fresh memo for each request, dropped when its response is ready (template
    responses are rendered inside, so the context processors share it too)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _memo.set({})
        try:
            return self.get_response(request)
        finally:
            _memo.reset(token)
