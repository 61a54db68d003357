"""Settings are secure by default; throwaway settings never reach production."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STRONG_KEY = "q8!Zr2#mV7pL0x$Wc4nT9bE1yK6hJ3sD5gF8aQ2wE7rT0yU4iO9pA1sD6fG3hJ8k"


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if k in {"PATH", "HOME", "LANG", "SYSTEMROOT"}}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_without_secret_key_fails_naming_it(tmp_path):
    result = run_manage(
        "check",
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        ALLOWED_HOSTS="chorus.example.com",
        SQLITE_PATH=str(tmp_path / "db.sqlite3"),
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
    assert "required" in result.stderr


def test_production_refuses_the_development_key(tmp_path):
    result = run_manage(
        "check",
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="dev-insecure-chorus-key-only-for-local-development-0123456789",
        ALLOWED_HOSTS="chorus.example.com",
        SQLITE_PATH=str(tmp_path / "db.sqlite3"),
    )
    assert result.returncode != 0
    assert "throwaway" in result.stderr


def test_production_without_allowed_hosts_fails(tmp_path):
    result = run_manage(
        "check",
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY=STRONG_KEY,
        SQLITE_PATH=str(tmp_path / "db.sqlite3"),
    )
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


@pytest.mark.parametrize("module", ["portal.settings.dev", "portal.settings.test"])
def test_throwaway_settings_refuse_a_production_environment(module, tmp_path):
    result = run_manage(
        "check",
        DJANGO_SETTINGS_MODULE=module,
        CHORUS_ENV="production",
        SQLITE_PATH=str(tmp_path / "db.sqlite3"),
    )
    assert result.returncode != 0
    assert "must not be used" in result.stderr


PRINT_SETTINGS = "from django.conf import settings; print(settings.DEBUG, settings.SECRET_KEY)"


def test_base_settings_have_no_key_of_their_own(tmp_path):
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        PRINT_SETTINGS,
        DJANGO_SETTINGS_MODULE="portal.settings.base",
        SQLITE_PATH=str(tmp_path / "db.sqlite3"),
    )
    assert result.returncode != 0
    assert "The SECRET_KEY environment variable is required" in result.stderr


def test_base_settings_have_debug_off_whatever_the_environment_says(tmp_path):
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        PRINT_SETTINGS,
        DJANGO_SETTINGS_MODULE="portal.settings.base",
        SECRET_KEY=STRONG_KEY,
        DEBUG="true",
        SQLITE_PATH=str(tmp_path / "db.sqlite3"),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", STRONG_KEY]


def test_production_check_deploy_is_clean(tmp_path):
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY=STRONG_KEY,
        ALLOWED_HOSTS="chorus.example.com",
        CSRF_TRUSTED_ORIGINS="https://chorus.example.com",
        PORTAL_BASE_URL="https://chorus.example.com",
        BADGE_ISSUER_EMAIL="badges@chorus.example.com",
        BADGE_SIGNING_KEYS="key-1=" + "A" * 43,
        SQLITE_PATH=str(tmp_path / "db.sqlite3"),
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout
