"""Private Redis and PostgreSQL for the fault tests: started on free ports in a temporary
folder, stopped, started again and flushed at will, and always taken down at the end.

Never the machine's shared services: these tests stop and flush theirs.
"""

import os
import pwd
import shutil
import socket
import subprocess
import time
from pathlib import Path

START_SECONDS = 30


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


REQUIRED_BINARIES = ("redis-server", "redis-cli", "initdb", "pg_ctl", "psql")


def binary(name: str) -> str:
    path = shutil.which(name) or shutil.which(name, path="/usr/sbin:/sbin")
    if path is None:
        raise FileNotFoundError(f"{name} is not installed")
    return path


def missing_binaries() -> list[str]:
    names = [*REQUIRED_BINARIES, *(["runuser"] if os.geteuid() == 0 else [])]
    return [
        name
        for name in names
        if not (shutil.which(name) or shutil.which(name, path="/usr/sbin:/sbin"))
    ]


def _wait_for(check, *, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not happen within {seconds} s")
        time.sleep(0.1)


def _listening(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


class RedisServer:
    """`redis-server` on 127.0.0.1:`port`, no persistence, in `folder`."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        log = open(self.folder / "redis.log", "a")  # noqa: SIM115 - the process owns it
        self.process = subprocess.Popen(
            [
                binary("redis-server"),
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.folder),
                "--maxclients",
                "20000",
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        _wait_for(lambda: _listening(self.port), seconds=START_SECONDS, what="redis start")

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(10)
        self.process = None
        _wait_for(lambda: not _listening(self.port), seconds=10, what="redis stop")

    def command(self, *args: str) -> str:
        result = subprocess.run(
            [binary("redis-cli"), "-p", str(self.port), *args],
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        )
        return result.stdout.strip()


def _postgres_user() -> str | None:
    """initdb refuses to run as root: then the cluster belongs to an unprivileged user."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    raise RuntimeError("running as root and neither a postgres nor a nobody user exists")


class PostgresCluster:
    """A throwaway PostgreSQL cluster (initdb + pg_ctl) on 127.0.0.1:`port`, trust auth."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.data = folder / "pgdata"
        self.port = free_port()
        self.user = _postgres_user()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/chorus"

    def _run(self, *command: str, timeout: float = 120) -> None:
        prefix = [binary("runuser"), "-u", self.user, "--"] if self.user else []
        subprocess.run(
            [*prefix, *command], check=True, capture_output=True, timeout=timeout, cwd=self.folder
        )

    def create(self) -> None:
        if self.user:
            owner = pwd.getpwnam(self.user)
            os.chown(self.folder, owner.pw_uid, owner.pw_gid)
        self._run(
            binary("initdb"),
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--no-sync",
            "--locale=C",
        )
        self.start()
        self._run(
            binary("psql"),
            "-h",
            "127.0.0.1",
            "-p",
            str(self.port),
            "-U",
            "postgres",
            "-c",
            "CREATE DATABASE chorus",
        )

    def start(self) -> None:
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.folder} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
            "-c max_connections=200"
        )
        self._run(
            binary("pg_ctl"),
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.folder / "postgres.log"),
            "-w",
            "-t",
            str(START_SECONDS),
            "start",
        )

    def stop(self) -> None:
        if not (self.data / "postmaster.pid").exists():
            return
        self._run(
            binary("pg_ctl"),
            "-D",
            str(self.data),
            "-m",
            "fast",
            "-w",
            "-t",
            str(START_SECONDS),
            "stop",
        )
