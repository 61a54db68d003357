"""Websockets for tests: through the whole ASGI stack of portal.asgi (origin check, session
auth, routing), with a real session cookie from a logged-in test client."""

import asyncio
import base64
import os
import socket
import struct
import time

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


def handshake_headers(
    cookie: str | None, origin: str | None = ORIGIN, host: str = "testserver"
) -> list:
    headers = [(b"host", host.encode())]
    if origin:
        headers.append((b"origin", origin.encode()))
    if cookie:
        headers.append((b"cookie", f"sessionid={cookie}".encode()))
    return headers


async def ws_connect(
    path: str, cookie: str | None, origin: str | None = ORIGIN, host: str = "testserver"
):
    """Open `path`; returns (communicator, whether the handshake was accepted)."""
    communicator = WebsocketCommunicator(
        application, path, headers=handshake_headers(cookie, origin, host)
    )
    connected, _ = await communicator.connect(timeout=5)
    return communicator, connected


async def collect(communicator, seconds: float) -> list[str]:
    """Every text message that arrives within `seconds`."""
    received = []
    deadline = asyncio.get_running_loop().time() + seconds
    while (left := deadline - asyncio.get_running_loop().time()) > 0:
        if await communicator.receive_nothing(timeout=min(left, 0.05), interval=0.01):
            continue
        received.append(await communicator.receive_from(timeout=1))
    return received


async def receive_matching(communicator, needle: str, timeout: float = 6) -> str:
    """The first message containing `needle` within `timeout` (others are skipped).
    A liveness bound, not a speed check: the push is due within 2 s, and a loaded 2-core
    CI machine once took more than 3 s to render and deliver it."""
    deadline = asyncio.get_running_loop().time() + timeout
    while (left := deadline - asyncio.get_running_loop().time()) > 0:
        message = await communicator.receive_from(timeout=left)
        if needle in message:
            return message
    raise AssertionError(f"no message with {needle!r} within {timeout}s")


def run(coroutine) -> None:
    """Run a scenario on its own event loop, closing the executor thread's database
    connection afterwards so the test database can be dropped."""

    async def closing():
        try:
            await coroutine
        finally:
            await database_sync_to_async(connections.close_all)()

    asyncio.run(closing())


class RawWebSocket:
    """Just enough of RFC 6455 to talk to a real daphne: masked client frames, answers to
    pings (counted), and the close code the server sent."""

    def __init__(self, port: int, path: str, cookie: str, host: str | None = None):
        self.pings = 0
        self.close_code: int | None = None
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall(
            (
                f"GET {path} HTTP/1.1\r\nHost: {host or f'127.0.0.1:{port}'}\r\n"
                "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
                f"Origin: http://127.0.0.1:{port}\r\nCookie: sessionid={cookie}\r\n\r\n"
            ).encode()
        )
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self.sock.recv(1)
            if not chunk:
                break
            head += chunk
        self.status = int(head.split(b" ", 2)[1]) if head else 0

    def _exact(self, n: int) -> bytes:
        data = b""
        while len(data) < n:
            chunk = self.sock.recv(n - len(data))
            if not chunk:
                raise ConnectionError("socket closed")
            data += chunk
        return data

    def send_frame(self, payload: bytes, opcode: int = 0x1) -> None:
        mask = os.urandom(4)
        length = len(payload)
        if length < 126:
            header = struct.pack("!BB", 0x80 | opcode, 0x80 | length)
        else:
            header = struct.pack("!BBH", 0x80 | opcode, 0x80 | 126, length)
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        self.sock.sendall(header + mask + masked)

    def receive(self, timeout: float) -> str:
        """The next text message; pings are answered on the way. Raises ConnectionError
        (close_code set) when the server closes, TimeoutError when nothing comes."""
        deadline = time.monotonic() + timeout
        while True:
            self.sock.settimeout(max(0.01, deadline - time.monotonic()))
            first, second = self._exact(2)
            length = second & 0x7F
            if length == 126:
                length = struct.unpack("!H", self._exact(2))[0]
            elif length == 127:
                length = struct.unpack("!Q", self._exact(8))[0]
            payload = self._exact(length)
            opcode = first & 0x0F
            if opcode == 0x8:
                self.close_code = struct.unpack("!H", payload[:2])[0] if payload else None
                raise ConnectionError(f"closed by the server ({self.close_code})")
            if opcode == 0x9:
                self.pings += 1
                self.send_frame(payload, opcode=0xA)
                continue
            return payload.decode()

    def receive_matching(self, needle: str, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        while True:
            message = self.receive(timeout=deadline - time.monotonic())
            if needle in message:
                return message

    def close(self) -> None:
        self.sock.close()
