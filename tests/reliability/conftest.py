"""The production shape under faults: two daphne processes on a private PostgreSQL cluster
and a private Redis (free ports, a temporary folder), migrated and seeded once per run.

These tests stop, flush and overload their services, so they never touch the machine's
shared ones. They run where services are required (REQUIRE_SERVICES=1, the PostgreSQL and
Redis stage of .ci/run) or when asked for (RELIABILITY=1, or `-m reliability`); in a plain
`make test` they are skipped, since they take minutes. Missing binaries (redis-server,
initdb, pg_ctl, psql) skip them, or fail them when services are required.
"""

import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.reliability.services import PostgresCluster, RedisServer, free_port, missing_binaries
from tests.servers import daphne_start, daphne_wait_healthy

ROOT = Path(__file__).resolve().parents[2]
REQUIRE_SERVICES = os.environ.get("REQUIRE_SERVICES") == "1"
SETUP_SECONDS = 900  # migrating from scratch is the slow part (minutes on a busy machine)
START_SECONDS = 180  # a daphne process on a busy two-core machine
OPEN_FILES = 16384
# As the README's production section runs daphne: pings keep idle sockets up behind
# proxies, and a connect storm needs more than daphne's default 5 s per handshake.
DAPHNE_OPTIONS = (
    "--ping-interval",
    "20",
    "--websocket_connect_timeout",
    "120",
)  # 2,000 sockets per process, twice, and their Redis connections


def pytest_collection_modifyitems(config, items):
    asked = os.environ.get("RELIABILITY") == "1" or "reliability" in (config.option.markexpr or "")
    for item in items:
        if "tests/reliability/" not in str(item.fspath):
            continue
        item.add_marker(pytest.mark.reliability)
        if not (REQUIRE_SERVICES or asked):
            item.add_marker(
                pytest.mark.skip(
                    reason="fault tests run with REQUIRE_SERVICES=1 or RELIABILITY=1 (minutes)"
                )
            )


@dataclass
class Stack:
    folder: Path
    redis: RedisServer
    postgres: PostgresCluster
    env: dict[str, str]
    ports: list[int] = field(default_factory=list)
    processes: list[subprocess.Popen] = field(default_factory=list)
    plan: dict = field(default_factory=dict)

    @property
    def urls(self) -> list[str]:
        return [f"http://127.0.0.1:{port}" for port in self.ports]

    def manage(self, *args: str, timeout: float = SETUP_SECONDS) -> str:
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if result.returncode:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr[-4000:]}")
        return result.stdout

    def dataset(self, *args: str, stdin: object = None, timeout: float = 300):
        result = subprocess.run(
            [sys.executable, "-m", "tests.reliability.dataset", *args],
            cwd=ROOT,
            env=self.env,
            input=None if stdin is None else json.dumps(stdin),
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if result.returncode:
            raise RuntimeError(f"dataset {args[0]} failed:\n{result.stderr[-4000:]}")
        return json.loads(result.stdout)

    def logs(self) -> str:
        return "\n".join(
            f"--- {path.name}\n{path.read_text()[-3000:]}"
            for path in sorted(self.folder.glob("daphne-*.log"))
        )


def _raise_open_files_limit() -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = OPEN_FILES if hard == resource.RLIM_INFINITY else min(OPEN_FILES, hard)
    if soft < wanted:
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)


@pytest.fixture(scope="session")
def stack():
    missing = missing_binaries()
    if missing:
        reason = f"fault tests need {', '.join(missing)} (apt-get install redis-server postgresql)"
        if REQUIRE_SERVICES:
            pytest.fail(f"{reason}; REQUIRE_SERVICES=1 makes this a failure")
        pytest.skip(reason)
    _raise_open_files_limit()  # inherited by the servers started below
    folder = Path(tempfile.mkdtemp(prefix="chorus-faults-"))
    folder.chmod(0o755)
    redis = RedisServer(folder)
    postgres = PostgresCluster(folder)
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "REDIS_PREFIX", "SECRET_KEY"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.test",
        DATABASE_URL=postgres.url,
        REDIS_URL=redis.url,
        REDIS_PREFIX="chorus-faults",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DEMO_PASSWORD="chorus-demo",
        PYTHONUNBUFFERED="1",
        # Every client here is 127.0.0.1: per-address limits stay on (they count on the cache,
        # which the Redis test takes away) but high enough for the load to be the load.
        RATE_LIMIT_TRACKED_LINK="100000/m",
        RATE_LIMIT_SHARE="100000/m",
        RATE_LIMIT_ACKNOWLEDGEMENT="100000/m",
    )
    running = Stack(folder=folder, redis=redis, postgres=postgres, env=env)
    try:
        redis.start()
        postgres.create()
        running.manage("migrate", "--no-input")
        running.manage("seed_demo", "--force")
        running.plan = running.dataset("plan")
        for index in range(2):
            port = free_port()
            log = folder / f"daphne-{index}.log"
            process = daphne_start(port=port, env=env, log=log, options=DAPHNE_OPTIONS)
            running.ports.append(port)
            running.processes.append(process)
        for index, (port, process) in enumerate(zip(running.ports, running.processes, strict=True)):
            daphne_wait_healthy(
                url=f"http://127.0.0.1:{port}",
                process=process,
                log=folder / f"daphne-{index}.log",
                timeout=START_SECONDS,
            )
        yield running
    finally:
        for process in running.processes:
            _stop(process)
        redis.stop()
        try:
            postgres.stop()
        finally:
            shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def services_up(stack):
    """Each test starts and ends with both services running, whatever the test did."""
    yield stack
    if stack.redis.process is None:
        stack.redis.start()
    if not (stack.postgres.data / "postmaster.pid").exists():
        stack.postgres.start()
