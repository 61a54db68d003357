"""The README's screenshots, made from the demo.

`SCREENSHOTS=1 pytest tests/e2e/test_screenshots.py` writes them into docs/screenshots/
(JPEG, small enough to commit). Without SCREENSHOTS=1 the test skips, so the suite never
rewrites committed files."""

import os
from pathlib import Path

import pytest

from tests.e2e.conftest import ROOT, demo_urls, login

OUT = ROOT / "docs" / "screenshots"
LIMIT = 150 * 1024  # bytes, each
VIEWPORT = {"width": 1280, "height": 800}

pytestmark = pytest.mark.skipif(
    os.environ.get("SCREENSHOTS") != "1", reason="writes docs/screenshots/ only with SCREENSHOTS=1"
)


def _shoot(page, name: str) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{name}.jpg"
    # The first screenful, as a reader of the README would see the page.
    page.screenshot(path=path, type="jpeg", quality=70, full_page=False)
    assert path.stat().st_size < LIMIT, f"{path.name} is {path.stat().st_size} bytes"
    return path


def test_readme_screenshots(server, new_context):
    urls = demo_urls(server)
    made = []
    learner = new_context().new_page()
    learner.set_viewport_size(VIEWPORT)
    login(learner, server, "newhire")
    made.append(_shoot(learner, "dashboard"))
    learner.goto(f"{server.url}{urls['lesson']}")
    made.append(_shoot(learner, "lesson"))
    # The quiz opens once the lessons are done: read them as the new hire would.
    learner.goto(f"{server.url}{urls['course']}")
    lessons = learner.eval_on_selector_all(
        f'a[href^="{urls["course"]}"]', "links => links.map(a => a.getAttribute('href'))"
    )
    for href in dict.fromkeys(lessons):
        if href in (urls["course"], urls["quiz"]):
            continue
        learner.goto(f"{server.url}{href}")
        done = learner.get_by_role("button", name="Mark as complete")
        if done.count():
            done.first.click()
            learner.wait_for_load_state()
    learner.goto(f"{server.url}{urls['quiz']}")
    start = learner.get_by_role("button", name="Start")
    if start.count():
        start.first.click()
        learner.wait_for_url("**/attempts/**")
    made.append(_shoot(learner, "quiz"))

    advocate = new_context().new_page()
    advocate.set_viewport_size(VIEWPORT)
    login(advocate, server, "advocate", next_path="/share/")
    made.append(_shoot(advocate, "library"))
    advocate.goto(f"{server.url}/leaderboard/?period=all")
    made.append(_shoot(advocate, "leaderboard"))

    editor = new_context().new_page()
    editor.set_viewport_size(VIEWPORT)
    login(editor, server, "hr")
    editor.goto(f"{server.url}/admin/reports/training/")
    made.append(_shoot(editor, "admin-training-report"))
    assert [p.name for p in made] == [
        "dashboard.jpg",
        "lesson.jpg",
        "quiz.jpg",
        "library.jpg",
        "leaderboard.jpg",
        "admin-training-report.jpg",
    ]
