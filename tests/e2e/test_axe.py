"""axe-core over every portal page (as the new hire and the advocate, wide and on a phone)
and the custom admin pages (as HR): no serious or critical violation.

axe-core comes from npm (`npm ci --prefix tests/axe`, as .ci/run does). Without it the test
skips, unless REQUIRE_BROWSER=1 makes that a failure.
"""

import os

import pytest

from tests.e2e.conftest import ADMIN_PAGES, PASSWORD, ROOT, demo_urls, portal_pages

AXE = ROOT / "tests" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
SERIOUS = {"serious", "critical"}
# Wagtail's own filter button (core markup, not Chorus's): its accessible name "Show
# filters" does not include the count of active filters it shows beside the icon.
WAGTAIL_CORE = {("label-content-name-mismatch", ".w-dropdown__toggle")}

_RUN = """async () => {
  const result = await axe.run(document, { resultTypes: ["violations"] });
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
  }));
}"""


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.exists():
        reason = "axe-core is not installed (npm ci --prefix tests/axe)"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"{reason}; REQUIRE_BROWSER=1 makes this a failure")
        pytest.skip(reason)
    return AXE.read_text()


def _context(browser, *, width: int):
    # axe is injected as a script of its own: the pages' Content-Security-Policy (no
    # inline scripts) is bypassed for this context only; the journeys test it elsewhere.
    context = browser.new_context(bypass_csp=True, viewport={"width": width, "height": 900})
    context.set_default_timeout(15_000)
    return context


def _sign_in(page, server, username: str) -> None:
    page.goto(f"{server.url}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{server.url}/")


def _violations(page, axe_source: str) -> list[str]:
    page.add_script_tag(content=axe_source)
    found = page.evaluate(_RUN)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {', '.join(v['nodes'])}"
        for v in found
        if v["impact"] in SERIOUS
        and not all(
            any(n.endswith(sel) for rule, sel in WAGTAIL_CORE if rule == v["id"])
            for n in v["nodes"]
        )
    ]


def _check(page, server, paths, axe_source) -> list[str]:
    problems = []
    for path in paths:
        response = page.goto(f"{server.url}{path}")
        if not response.ok:
            problems.append(f"{path}: answered {response.status}")
            continue
        page.wait_for_load_state("networkidle")
        problems += [f"{path}: {v}" for v in _violations(page, axe_source)]
    return problems


@pytest.mark.parametrize("width", [1280, 390])
def test_portal_pages_have_no_serious_accessibility_violations(server, browser, axe_source, width):
    urls = demo_urls(server)
    problems = []
    for username in ("newhire", "advocate"):
        context = _context(browser, width=width)
        page = context.new_page()
        _sign_in(page, server, username)
        found = _check(page, server, portal_pages(urls, username), axe_source)
        problems += [f"{username} {problem}" for problem in found]
        if width == 390:  # the menu, open
            page.goto(f"{server.url}/")
            page.locator(".nav-toggle").click()
            problems += [f"{username} / (menu open): {v}" for v in _violations(page, axe_source)]
        context.close()
    assert problems == [], "axe found:\n" + "\n".join(problems)


def test_custom_admin_pages_have_no_serious_accessibility_violations(server, browser, axe_source):
    urls = demo_urls(server)
    context = _context(browser, width=1280)
    page = context.new_page()
    _sign_in(page, server, "hr")
    problems = _check(page, server, [*ADMIN_PAGES, urls["badge_awards"]], axe_source)
    context.close()
    assert problems == [], "axe found:\n" + "\n".join(problems)
