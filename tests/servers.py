"""Real daphne processes for tests that need a server over the network."""

import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def daphne_start(
    *, port: int, env: dict[str, str], log: Path, options: tuple[str, ...] = ()
) -> subprocess.Popen:
    """Start `daphne portal.asgi:application` on 127.0.0.1:`port`, output to `log`, with
    daphne's command-line `options` (e.g. `--ping-interval 20`)."""
    handle = open(log, "w")  # noqa: SIM115 - the process owns it until it exits
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "daphne",
            "-b",
            "127.0.0.1",
            "-p",
            str(port),
            *options,
            "portal.asgi:application",
        ],
        cwd=ROOT,
        env=env,
        stdout=handle,
        stderr=subprocess.STDOUT,
    )


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/healthz", timeout=2) as response:  # noqa: S310
            return response.status == 200
    except (OSError, urllib.error.URLError):
        return False  # not listening yet, or answering 503 while it starts


def daphne_wait_healthy(
    *, url: str, process: subprocess.Popen, log: Path, timeout: float = 40
) -> None:
    """Return once `url`/healthz answers 200; kill the process and raise with its log if it
    exits or the timeout passes first."""
    deadline = time.monotonic() + timeout
    while not _healthy(url):
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise RuntimeError(f"daphne at {url} did not start:\n{log.read_text()}")
        time.sleep(0.2)
