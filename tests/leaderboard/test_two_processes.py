"""Two real daphne processes on one PostgreSQL and one Redis: pushes cross processes and
are coalesced between them, idle sockets stay up (with server pings), a foreign Host and a
flooding client are refused, and a deactivated person's sockets close everywhere."""

import os
import re
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test import Client
from django.urls import reverse

from portal.permissions import EDITORS_GROUP, editors_grant_permissions
from tests.leaderboard.factories import opted_in
from tests.people.factories import EditorFactory
from tests.servers import daphne_wait_healthy
from tests.websockets import RawWebSocket

ROOT = Path(__file__).resolve().parents[2]
BOARD = "/ws/leaderboard/?period=week&scope=people"
PING_INTERVAL = 1  # seconds idle before daphne pings (the default is 20)


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
    command = [sys.executable, "-m", "daphne", "-b", "127.0.0.1", "-p", str(port)]
    command += ["--ping-interval", str(PING_INTERVAL), "portal.asgi:application"]
    handle = open(log, "w")  # noqa: SIM115 - the process owns it until it exits
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=handle, stderr=subprocess.STDOUT)


@pytest.fixture
def daphnes(postgres, redis_layer, tmp_path):
    ports = [free_port(), free_port()]
    logs = [tmp_path / f"daphne{port}.log" for port in ports]
    processes = [start_daphne(port, log) for port, log in zip(ports, logs, strict=True)]
    try:
        for port, process, log in zip(ports, processes, logs, strict=True):
            # Generous: two processes start at once on a busy 2-core machine.
            daphne_wait_healthy(
                url=f"http://127.0.0.1:{port}", process=process, log=log, timeout=150
            )
        yield ports
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
        connection.close()


def editors_group() -> None:
    """Transactional tests flush data migrations made: recreate the Editors group."""
    group, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    editors_grant_permissions()


def editor_session() -> str:
    editors_group()
    client = Client()
    client.force_login(EditorFactory())
    return client.cookies["sessionid"].value


def cookie_for(user) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


def correct(port: int, cookie: str, person, points: int) -> None:
    """An HR correction through the admin of the daphne on `port`."""
    http = requests.Session()
    http.cookies.set("sessionid", cookie)
    add = f"http://127.0.0.1:{port}{reverse('points_ledger:add')}"
    form = http.get(add, timeout=10).text
    response = http.post(
        add,
        data={
            "csrfmiddlewaretoken": re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form)[
                1
            ],
            "token": re.search(r'name="token" value="([^"]+)"', form)[1],
            "user": person.pk,
            "points": points,
            "note": "Bonus for the intranet article.",
        },
        timeout=10,
        allow_redirects=False,
    )
    assert response.status_code == 302, response.text[:500]


def boards_until(ws: RawWebSocket, needle: str, timeout: float) -> list[str]:
    """Every board that arrives until one contains `needle` (or the timeout)."""
    seen = []
    deadline = time.monotonic() + timeout
    while not (seen and needle in seen[-1]) and time.monotonic() < deadline:
        try:
            message = ws.receive(timeout=deadline - time.monotonic())
        except TimeoutError:
            break
        if 'id="board"' in message:
            seen.append(message)
    return seen


def test_an_award_through_one_process_reaches_a_socket_on_the_other(daphnes):
    viewer = opted_in()
    person = opted_in(first_name="Two", last_name="Processes")
    editor = editor_session()
    socket_a = RawWebSocket(daphnes[0], BOARD, cookie_for(viewer))
    assert socket_a.status == 101
    correct(daphnes[1], editor, person, 37)
    html = socket_a.receive_matching("Two Processes", timeout=5)
    assert ">37<" in html
    socket_a.close()


def test_a_burst_through_both_processes_is_coalesced_and_the_last_total_arrives(daphnes):
    viewer = opted_in()
    person = opted_in(first_name="Burst", last_name="Both")
    editor = editor_session()
    sockets = [RawWebSocket(port, BOARD, cookie_for(viewer)) for port in daphnes]
    started = time.monotonic()
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(lambda n: correct(daphnes[n % 2], editor, person, 1), range(8)))
    elapsed = time.monotonic() - started
    for ws in sockets:
        seen = boards_until(ws, ">8<", timeout=4)
        assert seen and ">8<" in seen[-1], "the last change must arrive"
        # Eight awards, at most one board a second (plus the first): coalesced.
        assert len(seen) <= int(elapsed) + 2, (len(seen), elapsed)
        ws.close()


def test_an_idle_socket_outlives_the_old_5s_redis_timeout_and_is_pinged(daphnes):
    viewer = opted_in()
    person = opted_in(first_name="Still", last_name="Awake")
    editor = editor_session()
    ws = RawWebSocket(daphnes[0], BOARD, cookie_for(viewer))
    with pytest.raises(TimeoutError):
        ws.receive(timeout=7)  # nothing to say for longer than redis-py's 5 s timeout
    assert ws.pings >= 2  # the server's heartbeat, which keeps proxies from cutting it
    correct(daphnes[1], editor, person, 11)
    assert ">11<" in ws.receive_matching("Still Awake", timeout=5)
    ws.close()


def test_a_foreign_host_is_refused_and_a_flooding_socket_is_closed_alone(daphnes):
    viewer, flooder = opted_in(), opted_in()
    person = opted_in(first_name="Calm", last_name="Reader")
    editor = editor_session()
    foreign = RawWebSocket(daphnes[0], BOARD, cookie_for(viewer), host="evil.example")
    assert foreign.status == 403
    foreign.close()
    calm = RawWebSocket(daphnes[0], BOARD, cookie_for(viewer))
    loud = RawWebSocket(daphnes[0], BOARD, cookie_for(flooder))
    for n in range(300):
        loud.send_frame(f"flood {n}".encode())
    with pytest.raises(ConnectionError):
        while True:
            loud.receive(timeout=5)
    assert loud.close_code == 4008  # "policy violation", in the range daphne may send
    correct(daphnes[1], editor, person, 4)
    assert "Calm Reader" in calm.receive_matching('id="board"', timeout=5)
    calm.close()
    loud.close()


def test_deactivating_a_person_closes_their_sockets_on_every_process(daphnes):
    person = opted_in()
    cookie = cookie_for(person)
    sockets = [
        RawWebSocket(port, path, cookie)
        for port in daphnes
        for path in (BOARD, "/ws/notifications/")
    ]
    assert [ws.status for ws in sockets] == [101] * 4
    person.is_active = False
    person.save(update_fields=["is_active"])
    for ws in sockets:
        with pytest.raises(ConnectionError):
            while True:
                ws.receive(timeout=3)
        assert ws.close_code == 4401
        ws.close()
