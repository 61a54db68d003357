"""The daphne processes the bench measures: bench.asgi on 127.0.0.1, on free ports."""

import http.client
import os
import resource
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOCKET_LIMIT = 8192
# The served processes run as in production: background work (an award's badge check, the
# emails) is queued in the database for the worker, not run inside the request.
PRODUCTION_ENV = {"DJANGO_SETTINGS_MODULE": "bench.settings", "TASKS_BACKEND": "database"}


def fd_limit_raise() -> int:
    """Raise this process's open-file limit (inherited by the daphne it starts) so a few
    thousand sockets fit. Returns the new soft limit."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = SOCKET_LIMIT if hard == resource.RLIM_INFINITY else min(hard, SOCKET_LIMIT)
    if soft < wanted:
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
    return max(soft, wanted)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Daphne:
    def __init__(self, *, log: Path):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        env = {**os.environ, **PRODUCTION_ENV}
        self._handle = open(log, "w")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "daphne", "-b", "127.0.0.1", "-p", str(self.port),
             "--proxy-headers", "bench.asgi:application"],
            cwd=ROOT, env=env, stdout=self._handle, stderr=subprocess.STDOUT,
        )  # fmt: skip

    def wait_ready(self, timeout: float = 60) -> None:
        """Return once the floor redirect answers (http.client never follows it)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.process.poll() is None:
            probe = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
            try:
                probe.request("GET", "/__floor__/redirect")
                if probe.getresponse().status == 302:
                    return
            except OSError:
                time.sleep(0.2)
            finally:
                probe.close()
        self.stop()
        raise RuntimeError(f"daphne did not start:\n{self.log.read_text()[-3000:]}")

    def rss_mb(self) -> float:
        """Resident memory of the daphne process, from /proc (Linux)."""
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return 0.0

    def connections_to(self, port: int) -> int:
        """Established TCP connections this process holds to `port` on the machine (Redis
        6379, PostgreSQL 5432), from /proc (Linux): what one process costs that server."""
        inodes = set()
        for fd in Path(f"/proc/{self.process.pid}/fd").iterdir():
            try:
                target = os.readlink(fd)
            except OSError:
                continue  # closed meanwhile
            if target.startswith("socket:["):
                inodes.add(target[8:-1])
        count = 0
        for table in ("tcp", "tcp6"):
            for line in Path(f"/proc/net/{table}").read_text().splitlines()[1:]:
                fields = line.split()
                remote_port = int(fields[2].rsplit(":", 1)[1], 16)
                established = fields[3] == "01"
                if established and remote_port == port and fields[9] in inodes:
                    count += 1
        return count

    def stop(self) -> None:
        _stop(self.process)
        self._handle.close()


class Worker:
    """`manage.py db_worker` beside the daphne processes, on the same database: it runs
    what their requests queued while they are measured, as production's worker does."""

    def __init__(self, *, log: Path):
        self.log = log
        self._handle = open(log, "w")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(  # noqa: S603
            [sys.executable, "manage.py", "db_worker", "--interval", "0.5", "--no-startup-delay"],
            cwd=ROOT, env={**os.environ, **PRODUCTION_ENV}, stdout=self._handle,
            stderr=subprocess.STDOUT,
        )  # fmt: skip

    def wait_ready(self, timeout: float = 60) -> None:
        """Return once the worker has started (its start-up loads the portal: seconds of
        CPU that the first measured requests met on these two cores: the first clicks of a
        section took 26 ms where later ones took 14)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.process.poll() is None:
            if "Starting worker" in self.log.read_text():
                return
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"the task worker did not start:\n{self.log.read_text()[-3000:]}")

    def stop(self) -> None:
        _stop(self.process)
        self._handle.close()


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
