"""Two daphne processes on one PostgreSQL and one Redis: an award made through one process
reaches a socket connected to the other."""

import base64
import os
import re
import socket
import struct
import subprocess
import time
from pathlib import Path

import requests
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test import Client
from django.urls import reverse

from portal.permissions import EDITORS_GROUP, editors_grant_permissions
from tests.leaderboard.factories import opted_in
from tests.people.factories import EditorFactory
from tests.servers import daphne_start, daphne_wait_healthy

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url() -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    host = f"{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    return f"postgres://{db['USER']}{password}@{host}/{db['NAME']}"


def start_daphne(port: int, log: Path) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": database_url(),
        "REDIS_URL": settings.REDIS_URL,
        "REDIS_PREFIX": os.environ.get("REDIS_PREFIX", "chorus"),
        "PYTHONUNBUFFERED": "1",
    }
    return daphne_start(port=port, env=env, log=log)


def wait_healthy(port: int, process: subprocess.Popen, log: Path) -> None:
    daphne_wait_healthy(url=f"http://127.0.0.1:{port}", process=process, log=log)


class WebSocket:
    """Just enough of RFC 6455 to read the server's text frames."""

    def __init__(self, port: int, path: str, cookie: str):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall(
            (
                f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
                f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
                f"Origin: http://127.0.0.1:{port}\r\nCookie: sessionid={cookie}\r\n\r\n"
            ).encode()
        )
        head = b""
        while b"\r\n\r\n" not in head:
            head += self.sock.recv(1)
        assert b" 101 " in head.split(b"\r\n", 1)[0], head

    def _exact(self, n: int) -> bytes:
        data = b""
        while len(data) < n:
            chunk = self.sock.recv(n - len(data))
            if not chunk:
                raise ConnectionError("socket closed")
            data += chunk
        return data

    def receive(self, timeout: float) -> str:
        self.sock.settimeout(timeout)
        first, second = self._exact(2)
        length = second & 0x7F
        if length == 126:
            length = struct.unpack("!H", self._exact(2))[0]
        elif length == 127:
            length = struct.unpack("!Q", self._exact(8))[0]
        payload = self._exact(length)
        if first & 0x0F == 0x8:
            raise ConnectionError("closed by the server")
        return payload.decode()

    def close(self):
        self.sock.close()


def editors_group() -> None:
    """Transactional tests flush data migrations made: recreate the Editors group."""
    group, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    editors_grant_permissions()


def test_an_award_through_one_process_reaches_a_socket_on_the_other(
    postgres, redis_layer, tmp_path
):
    viewer = opted_in()
    person = opted_in(first_name="Two", last_name="Processes")
    editors_group()
    editor = EditorFactory()
    viewer_client, editor_client = Client(), Client()
    viewer_client.force_login(viewer)
    editor_client.force_login(editor)
    ports = [free_port(), free_port()]
    processes = [start_daphne(port, tmp_path / f"daphne{port}.log") for port in ports]
    try:
        for port, process in zip(ports, processes, strict=True):
            wait_healthy(port, process, tmp_path / f"daphne{port}.log")
        socket_a = WebSocket(
            ports[0],
            "/ws/leaderboard/?period=week&scope=people",
            viewer_client.cookies["sessionid"].value,
        )

        # An editor records a correction through process B, in the Wagtail admin.
        http = requests.Session()
        http.cookies.set("sessionid", editor_client.cookies["sessionid"].value)
        add = f"http://127.0.0.1:{ports[1]}{reverse('points_ledger:add')}"
        form = http.get(add, timeout=10).text
        response = http.post(
            add,
            data={
                "csrfmiddlewaretoken": re.search(
                    r'name="csrfmiddlewaretoken" value="([^"]+)"', form
                )[1],
                "token": re.search(r'name="token" value="([^"]+)"', form)[1],
                "user": person.pk,
                "points": 37,
                "note": "Bonus for the intranet article.",
            },
            timeout=10,
            allow_redirects=False,
        )
        assert response.status_code == 302, response.text[:500]

        deadline = time.monotonic() + 5
        html = ""
        while "Two Processes" not in html and time.monotonic() < deadline:
            html = socket_a.receive(timeout=deadline - time.monotonic())
        assert "Two Processes" in html and ">37<" in html
        socket_a.close()
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=10)
        connection.close()
