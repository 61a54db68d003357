"""No page asks another host for anything, and none trips its Content-Security-Policy.

Every portal page an advocate can reach by following links (and the public ones), and the
admin's menu pages plus the editors of a post and a lesson with the preview open, are opened
in Chromium; every request and websocket the browser makes is recorded, and every policy
violation it sees (the `securitypolicyviolation` event and the console) is collected.
"""

import json
import re
from collections import deque
from urllib.parse import urljoin, urlsplit

from tests.e2e.conftest import login

# Followed links never leave the portal's pages: no sign-out, no downloads, no tracked
# links (their redirect goes to the post's target, another site by design), no admin.
SKIP = re.compile(
    r"^/(accounts/logout|admin/|l/|static/|media/|csp-report)|\.(json|jwt|csv|xlsx|png|pdf)$|/export"
)
MAX_PORTAL_PAGES = 60

WATCH_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(
    `${e.effectiveDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`
  );
});
"""


class Recorder:
    """Everything one browser context asked for, and every violation it saw."""

    def __init__(self, context, origin: str):
        self.netloc = urlsplit(origin).netloc
        self.outside: list[str] = []
        self.violations: list[str] = []
        context.add_init_script(WATCH_VIOLATIONS)
        context.on("request", lambda request: self._request(request.url))
        context.on("console", self._console)
        context.on("page", lambda page: page.on("websocket", lambda ws: self._request(ws.url)))

    def _request(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme in {"data", "blob", "about"}:
            return  # made in the page, nothing leaves it
        if parts.scheme not in {"http", "ws"} or parts.netloc != self.netloc:
            self.outside.append(url)

    def _console(self, message) -> None:
        if "Content Security Policy" in message.text or "Permissions-Policy" in message.text:
            self.violations.append(message.text)

    def collect(self, page, where: str) -> None:
        for violation in page.evaluate("window.__cspViolations || []"):
            self.violations.append(f"{where}: {violation}")


def _same_site_links(page, server) -> set[str]:
    hrefs = page.locator("a[href]").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    paths = set()
    for href in hrefs:
        parts = urlsplit(urljoin(page.url, href))
        if f"{parts.scheme}://{parts.netloc}" != server.url:
            continue
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        if not SKIP.search(parts.path):
            paths.add(path)
    return paths


def _crawl(page, server, recorder, start: list[str], limit: int) -> list[str]:
    seen, queue, visited = set(start), deque(start), []
    while queue and len(visited) < limit:
        path = queue.popleft()
        page.goto(f"{server.url}{path}", wait_until="networkidle")
        recorder.collect(page, path)
        visited.append(path)
        for link in sorted(_same_site_links(page, server) - seen):
            seen.add(link)
            queue.append(link)
    return visited


def test_portal_pages_request_nothing_from_another_host_and_break_no_policy(
    server, new_context, browser
):
    context = new_context()
    recorder = Recorder(context, server.url)
    page = context.new_page()
    for public in ("/accounts/login/", "/no-such-page/"):
        page.goto(f"{server.url}{public}", wait_until="networkidle")
        recorder.collect(page, public)
    login(page, server, "advocate")
    visited = _crawl(page, server, recorder, ["/"], MAX_PORTAL_PAGES)
    # The crawl reached the portal's main screens, not just the dashboard.
    for screen in ("/training/", "/policy/", "/share/", "/leaderboard/", "/me/", "/share/mine/"):
        assert screen in visited, visited
    assert any(path.startswith("/badges/a/") for path in visited), visited
    assert recorder.outside == []
    assert recorder.violations == []
    # The recorder does see a violation when there is one: the policy refuses inline styles.
    # (In a context of its own: the journeys' context fails any test that saw a violation.)
    check_context = browser.new_context()
    try:
        check = Recorder(check_context, server.url)
        check_page = check_context.new_page()
        check_page.goto(f"{server.url}/accounts/login/", wait_until="networkidle")
        check_page.evaluate("document.querySelector('main').setAttribute('style', 'color: red')")
        check_page.wait_for_timeout(200)
        check.collect(check_page, "self-check")
        assert any("style-src" in violation for violation in check.violations), check.violations
    finally:
        check_context.close()


def _admin_menu_paths(page) -> list[str]:
    """Every page the admin's sidebar menu links to (it is drawn from JSON in the page)."""
    props = page.locator("#wagtail-sidebar-props").text_content()
    urls = re.findall(r'"url": "(/admin/[^"]*)"', props)
    return sorted({url for url in urls if "logout" not in url})


def _page_id(server, model: str) -> int:
    module, name = model.rsplit(".", 1)
    code = f"from {module} import {name} as M; print(M.objects.live().first().pk)"
    return int(server.manage("shell", "--no-imports", "-c", code).strip())


def test_admin_pages_request_nothing_from_another_host_and_break_no_policy(
    live_server_factory, new_context
):
    # The second factor the admin asks for at a password sign-in is not what is tested here.
    server = live_server_factory(SSO_ADMIN_MFA="false")
    context = new_context()
    recorder = Recorder(context, server.url)
    page = context.new_page()
    login(page, server, "hr")
    page.goto(f"{server.url}/admin/", wait_until="networkidle")
    recorder.collect(page, "/admin/")
    menu = _admin_menu_paths(page)
    assert len(menu) >= 8, menu
    post = _page_id(server, "sharing.models.SharePostPage")
    lesson = _page_id(server, "courses.models.LessonPage")
    editors = [f"/admin/pages/{post}/edit/", f"/admin/pages/{lesson}/edit/"]
    for path in [*menu, "/admin/account/", *editors]:
        page.goto(f"{server.url}{path}", wait_until="networkidle")
        recorder.collect(page, path)
    # The preview panel frames the page itself under the admin's policy.
    page.goto(f"{server.url}{editors[0]}", wait_until="networkidle")
    page.locator('[data-side-panel-toggle="preview"]').click()
    page.frame_locator("#w-preview-iframe").locator("main#main").wait_for()
    page.wait_for_load_state("networkidle")
    recorder.collect(page, f"{editors[0]} (preview)")
    assert recorder.outside == []
    assert recorder.violations == [], json.dumps(recorder.violations, indent=1)
