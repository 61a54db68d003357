"""Websockets for tests: through the whole ASGI stack of portal.asgi (origin check, session
auth, routing), with a real session cookie from a logged-in test client."""

import asyncio

from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.db import connections
from django.test import Client

from portal.asgi import application

ORIGIN = "http://testserver"


def login_cookie(user) -> tuple[Client, str]:
    """A logged-in client for `user` and its session cookie's value."""
    client = Client()
    client.force_login(user)
    return client, client.cookies["sessionid"].value


def handshake_headers(cookie: str | None, origin: str | None = ORIGIN) -> list:
    headers = [(b"host", b"testserver")]
    if origin:
        headers.append((b"origin", origin.encode()))
    if cookie:
        headers.append((b"cookie", f"sessionid={cookie}".encode()))
    return headers


async def ws_connect(path: str, cookie: str | None, origin: str | None = ORIGIN):
    """Open `path`; returns (communicator, whether the handshake was accepted)."""
    communicator = WebsocketCommunicator(
        application, path, headers=handshake_headers(cookie, origin)
    )
    connected, _ = await communicator.connect(timeout=5)
    return communicator, connected


def run(coroutine) -> None:
    """Run a scenario on its own event loop, closing the executor thread's database
    connection afterwards so the test database can be dropped."""

    async def closing():
        try:
            await coroutine
        finally:
            await database_sync_to_async(connections.close_all)()

    asyncio.run(closing())
