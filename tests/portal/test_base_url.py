"""PORTAL_BASE_URL: production refuses a missing or plain-http one; development follows the
address `make run` serves on, unless it is set."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STRONG_KEY = "q8!Zr2#mV7pL0x$Wc4nT9bE1yK6hJ3sD5gF8aQ2wE7rT0yU4iO9pA1sD6fG3hJ8k"
PRINT = (
    "from django.conf import settings; "
    "print(settings.PORTAL_BASE_URL, settings.CSP_WEBSOCKET_ORIGIN)"
)


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if k in {"PATH", "HOME", "LANG"}}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def production(tmp_path, **env: str) -> dict[str, str]:
    return {
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": STRONG_KEY,
        "ALLOWED_HOSTS": "chorus.example.com",
        "CSRF_TRUSTED_ORIGINS": "https://chorus.example.com",
        "SQLITE_PATH": str(tmp_path / "db.sqlite3"),
        **env,
    }


def test_production_without_a_base_url_fails_naming_it(tmp_path):
    result = run_manage("check", **production(tmp_path))
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "The PORTAL_BASE_URL environment variable is required in production" in result.stderr


@pytest.mark.parametrize("url", ["http://chorus.example.com", "chorus.example.com", "https://"])
def test_production_refuses_a_base_url_that_is_not_https(tmp_path, url):
    result = run_manage("check", **production(tmp_path, PORTAL_BASE_URL=url))
    assert result.returncode != 0
    assert "PORTAL_BASE_URL must be the portal's https address" in result.stderr


def test_production_with_an_https_base_url_uses_it_for_links_and_websockets(tmp_path):
    env = production(tmp_path, PORTAL_BASE_URL="https://chorus.example.com/")
    result = run_manage("shell", "--no-imports", "-c", PRINT, **env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["https://chorus.example.com", "wss://chorus.example.com"]


def test_check_deploy_names_a_base_url_host_the_site_does_not_answer_to(tmp_path):
    env = production(tmp_path, PORTAL_BASE_URL="https://links.example.net")
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **env)
    assert result.returncode != 0
    assert "chorus.W002" in result.stderr + result.stdout
    assert "'links.example.net' is not in ALLOWED_HOSTS" in result.stderr + result.stdout


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "http://127.0.0.1:8000"),
        ({"PORT": "8301"}, "http://127.0.0.1:8301"),
        ({"HOST": "0.0.0.0", "PORT": "8302"}, "http://127.0.0.1:8302"),  # noqa: S104
        ({"HOST": "::1", "PORT": "8303"}, "http://[::1]:8303"),
        (
            {"PORT": "8301", "PORTAL_BASE_URL": "https://chorus.example.com"},
            "https://chorus.example.com",
        ),
    ],
)
def test_development_links_follow_the_served_address_unless_set(tmp_path, env, expected):
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        PRINT,
        DJANGO_SETTINGS_MODULE="portal.settings.dev",
        SQLITE_PATH=str(tmp_path / "db.sqlite3"),
        **env,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[0] == expected


def test_make_run_passes_its_host_and_port_to_the_server_and_the_seed():
    result = subprocess.run(
        [shutil.which("make") or "make", "-n", "run", "PORT=8301"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    lines = [line for line in result.stdout.splitlines() if "seed_demo" in line or "daphne" in line]
    assert len(lines) == 2
    assert all("PORT=8301" in line and "HOST=127.0.0.1" in line for line in lines)
