"""A push waits for the response of the request that caused it.

The broadcaster thread renders a push in the process that served the action, and Python
runs one thread at a time: a board rendered while the action's view is still finishing
(its middleware, its response on the socket) takes the interpreter from it in turns of a
few milliseconds. The person who clicked then waits for the rendering their click caused
(measured: a credited click's p50 9.3 ms with nobody watching, 17.4 ms with 1,000
leaderboard sockets open). So a push made during an HTTP request is held until that
request's response has gone to the server, at most HOLD seconds.
"""

from contextvars import ContextVar

HOLD = 0.05  # seconds: a request that takes longer no longer holds its pushes


class Hold:
    """The keys one request pushed; `done` once its response has gone. Both are read and
    written under the broadcaster's lock only."""

    def __init__(self):
        self.keys: set[str] = set()
        self.done = False


responding: ContextVar[Hold | None] = ContextVar("realtime_responding", default=None)


class PushesAfterResponse:
    """ASGI middleware around the HTTP application: the pushes a request makes wait until
    its last response body is sent (or the request ends without one)."""

    def __init__(self, app, *, release):
        self.app = app
        self.release = release  # called once with the Hold when the response has gone

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        hold = Hold()
        released = False
        token = responding.set(hold)  # copied into the view's thread with the context

        async def sent(message):
            nonlocal released
            await send(message)
            last = message["type"] == "http.response.body" and not message.get("more_body")
            if last and not released:
                released = True
                self.release(hold)

        try:
            return await self.app(scope, receive, sent)
        finally:
            responding.reset(token)
            if not released:
                self.release(hold)
