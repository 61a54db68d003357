"""HR's reports in a real browser: the date filters' picker opens, with no script error in
the console, under the admin's Content-Security-Policy; the admin home opens on the
programme overview."""

import os
from pathlib import Path

import pytest

from tests.e2e.conftest import login

REPORTS = ("/admin/reports/training/", "/admin/reports/quiz-questions/", "/admin/reports/advocacy/")
# CHORUS_LOOK_DIR=<dir> keeps screenshots to look at (not the README's: tests/e2e/screenshots).
LOOK = os.environ.get("CHORUS_LOOK_DIR")


def _look(page, name: str, *, full_page: bool = False) -> None:
    if LOOK:
        Path(LOOK).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=Path(LOOK) / f"{name}.png", full_page=full_page)


def _errors(page) -> list[str]:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(f"page error: {error}"))
    page.on(
        "console",
        lambda message: (
            errors.append(f"console: {message.text}") if message.type == "error" else None
        ),
    )
    return errors


@pytest.mark.parametrize("width", [1280, 390])
def test_report_date_filters_open_a_picker_without_errors(server, new_context, width):
    context = new_context()
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": 900})
    errors = _errors(page)
    login(page, server, "hr", next_path="/admin/")
    overview = page.locator("section.chorus-overview")
    assert overview.get_by_text("Programme overview").is_visible()
    assert overview.locator("li").count() >= 6
    _look(page, f"admin-home-{width}", full_page=True)
    for path in REPORTS:
        page.goto(f"{server.url}{path}")
        page.wait_for_load_state("load")
        start = page.get_by_label("From")
        assert start.get_attribute("data-chorus-date-ready") == "1", path
        start.click()
        picker = page.locator(".xdsoft_datetimepicker").filter(has=page.locator(".xdsoft_date"))
        picker.first.wait_for(state="visible")
        # Choosing a day fills the field in the report's format.
        picker.first.locator("td.xdsoft_date:not(.xdsoft_disabled)").first.click()
        assert len(start.input_value()) == len("2026-03-01"), path
        _look(page, f"{path.strip('/').replace('/', '-')}-{width}")
    assert errors == [], "\n".join(errors)
