"""Browser harness: a real daphne process over a seeded SQLite file, driven by Chromium.

Without Chromium the browser tests skip, unless REQUIRE_BROWSER=1 makes that a failure.
"""

import os
import shutil
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.servers import daphne_start, daphne_wait_healthy

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "tests" / "e2e" / "screenshots"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
PASSWORD = "chorus-demo"


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


def _server_env(database: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE", "SECRET_KEY"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.dev",
        SQLITE_PATH=str(database),
        DEMO_PASSWORD=PASSWORD,
        PYTHONUNBUFFERED="1",
    )
    return env


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def chromium_path() -> str:
    if not Path(CHROMIUM).exists():
        reason = (
            f"Chromium not found at {CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)"
        )
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"{reason}; REQUIRE_BROWSER=1 makes this a failure")
        pytest.skip(reason)
    return CHROMIUM


@pytest.fixture(scope="session")
def seeded_database(tmp_path_factory, chromium_path) -> Path:
    """Migrate and seed once per run; each server starts from a copy."""
    database = tmp_path_factory.mktemp("e2e-template") / "chorus.sqlite3"
    env = _server_env(database)
    for command in (["migrate", "--no-input"], ["seed_demo"]):
        subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            timeout=600,
        )
    # Fold the WAL into the main file so a plain copy carries everything.
    import sqlite3

    with sqlite3.connect(database) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return database


@dataclass
class LiveServer:
    url: str
    database: Path
    process: subprocess.Popen

    def manage(self, *args: str) -> str:
        """Run a management command against this server's database."""
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=_server_env(self.database),
            check=True,
            capture_output=True,
            text=True,
            timeout=120,
        )
        return result.stdout


@pytest.fixture
def live_server_factory(seeded_database, tmp_path):
    servers: list[LiveServer] = []

    def start(**extra_env: str) -> LiveServer:
        database = tmp_path / f"server{len(servers)}.sqlite3"
        shutil.copy(seeded_database, database)
        port = _free_port()
        env = {**_server_env(database), **extra_env}
        log = tmp_path / f"daphne{len(servers)}.log"
        process = daphne_start(port=port, env=env, log=log)
        url = f"http://127.0.0.1:{port}"
        # A loaded machine (several suites at once) can take a while to import everything.
        daphne_wait_healthy(url=url, process=process, log=log, timeout=90)
        server = LiveServer(url=url, database=database, process=process)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.process.terminate()
        try:
            server.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.process.kill()


@pytest.fixture
def server(live_server_factory) -> LiveServer:
    return live_server_factory()


# Package scope: Playwright's sync API keeps an event loop running on the main thread while
# it is open, and the tests that come after tests/e2e (asyncio.run in tests/reliability,
# Django's sync-only checks) must not find it there.
@pytest.fixture(scope="package")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


def _policy_violation(message, violations: list[str]) -> None:
    if "Content Security Policy" in message.text or "Permissions-Policy" in message.text:
        violations.append(f"{message.location.get('url', '')}: {message.text}")


@pytest.fixture
def new_context(browser):
    contexts = []
    violations: list[str] = []

    def make(*, javascript: bool = True):
        context = browser.new_context(
            java_script_enabled=javascript, viewport={"width": 1280, "height": 900}
        )
        context.set_default_timeout(10_000)
        # Every journey runs under the Content-Security-Policy: a violation fails the test.
        context.on("console", lambda message: _policy_violation(message, violations))
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()
    assert violations == [], "policy violations in the console:\n" + "\n".join(violations)


def login(page, server: LiveServer, username: str, *, next_path: str = "/") -> None:
    page.goto(f"{server.url}/accounts/login/?next={next_path}")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{server.url}{next_path}")


def screenshot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)


# ---- every portal page, as each demo person sees it (phone, axe and screenshot checks) ----

# One query run against the server's database: the URLs of pages made from demo content.
_DISCOVER = """
import json
from courses.models import CoursePage, LessonPage, QuizPage, Certificate
from leaderboard.models import BadgeAward
from sharing.models import SharePostPage
from django.urls import reverse
course = CoursePage.objects.live().order_by("path").first()
lesson = LessonPage.objects.live().child_of(course).order_by("path").first()
quiz = QuizPage.objects.live().child_of(course).first()
post = SharePostPage.objects.live().order_by("-first_published_at").first()
award = BadgeAward.objects.filter(user__username="advocate", revoked=False).first()
certificate = Certificate.objects.filter(user__username="advocate").order_by("-issued_at").first()
print(json.dumps({
    "course": course.url, "lesson": lesson.url, "quiz": quiz.url, "post": post.url,
    "badge": f"/badges/a/{award.uid}/" if award else None,
    "certificate": f"/training/certificates/{certificate.code}/" if certificate else None,
    "badge_awards": reverse("badge_awards:index"),
}))
"""


def demo_urls(server: LiveServer) -> dict[str, str]:
    """URLs of the demo's course, lesson, quiz, newest post, a badge, a certificate and
    the admin's badge awards."""
    import json

    return json.loads(server.manage("shell", "-c", _DISCOVER).strip().splitlines()[-1])


def portal_pages(urls: dict[str, str], username: str) -> list[str]:
    """Every portal page a demo person reaches from the navigation, in the order they would."""
    pages = [
        "/",
        "/training/",
        urls["course"],
        urls["lesson"],
        urls["quiz"],
        "/policy/",
        "/share/",
        urls["post"],
        "/share/mine/",
        "/share/suggest/",
        "/leaderboard/",
        "/leaderboard/?period=all&scope=departments",
        "/me/",
        "/notifications/",
    ]
    if username == "advocate":
        pages += [p for p in (urls["certificate"], urls["badge"]) if p]
    return pages


ADMIN_PAGES = [
    "/admin/",
    "/admin/reports/training/",
    "/admin/reports/quiz-questions/",
    "/admin/reports/advocacy/",
    "/admin/reports/policy/",
    "/admin/people/roster/",
    "/admin/people/scim-tokens/",
]
