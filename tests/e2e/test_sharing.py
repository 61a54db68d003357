"""Sharing journeys: an advocate shares to LinkedIn (never loading the real site), an
anonymous reader follows the tracked link and is credited once; newhire sees the gate."""

import re
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import expect

from tests.e2e.conftest import login, screenshot

PERSON_UA = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0 Safari/537.36"
)
STUB = "<!doctype html><title>stub</title><p>Stub of an external site</p>"


def _stub(route):
    route.fulfill(status=200, content_type="text/html", body=STUB)


def _post_to_share_on_linkedin(page, server) -> None:
    """Open library posts until one offers "Share on LinkedIn" (not shared there yet)."""
    page.goto(f"{server.url}/share/?view=all")
    hrefs = page.locator(".post-card h2 a").evaluate_all("els => els.map(e => e.href)")
    for href in hrefs:
        page.goto(href)
        if page.get_by_role("link", name="Share on LinkedIn", exact=True).count():
            return
    raise AssertionError("no post left to share on LinkedIn")


def test_advocate_shares_to_linkedin_and_an_anonymous_click_is_credited_once(
    server, new_context, browser
):
    context = new_context()
    context.route(re.compile(r"https://([a-z]+\.)*linkedin\.com/.*"), _stub)
    page = context.new_page()
    login(page, server, "advocate", next_path="/share/")
    _post_to_share_on_linkedin(page, server)
    page.get_by_role("link", name="Share on LinkedIn", exact=True).click()
    caption = page.get_by_label("Your caption for LinkedIn")
    expect(caption).not_to_be_empty()
    caption.fill("Proud of this one & worth a read 🎉\nSecond line")
    expect(page.locator("[data-caption-count]")).to_have_text("46")
    with context.expect_page() as popup_info:
        page.get_by_role("button", name="Confirm and share on LinkedIn").click()
    popup = popup_info.value
    popup.wait_for_url(re.compile(r"https://www\.linkedin\.com/sharing/share-offsite/.*"))
    shared = parse_qs(urlsplit(popup.url).query)["url"][0]
    assert re.fullmatch(r"https?://[^/]+/l/[A-Za-z0-9_-]{16}", shared), shared
    expect(page.locator(".share-result")).to_contain_text("Shared on LinkedIn")
    expect(page.locator(".share-result input")).to_have_value(shared)
    screenshot(page, "sharing-after-linkedin-share")
    code = shared.rsplit("/", 1)[1]

    # A reader out on the internet: no login, a normal browser. Playwright does not route
    # the target of a redirect, so the tracked-link request itself is routed: it is sent to
    # the real server as the browser made it, the 302 is recorded, and a stub stands in for
    # the target site (northwind.example is never contacted).
    reader = browser.new_context(user_agent=PERSON_UA)
    redirects = []

    def through_server(route):
        response = route.fetch(max_redirects=0)
        redirects.append((response.status, response.headers.get("location", "")))
        _stub(route)

    try:
        reader.route(re.compile(r".*/l/[A-Za-z0-9_-]{16}$"), through_server)
        tab = reader.new_page()
        for _ in range(2):  # the second visit is the same reader within 24 hours
            tab.goto(f"{server.url}/l/{code}")
            expect(tab.get_by_text("Stub of an external site")).to_be_visible()
    finally:
        reader.close()
    assert len(redirects) == 2
    for status, location in redirects:
        target = urlsplit(location)
        assert status == 302 and target.scheme == "https"
        assert target.netloc == "northwind.example"
        query = parse_qs(target.query)
        assert query["utm_source"] == ["linkedin"]
        assert query["utm_medium"] == ["employee_advocacy"]

    counts = server.manage(
        "shell",
        "-c",
        f"from sharing.models import Share; s = Share.objects.get(code={code!r}); "
        "print(s.credited_clicks, s.clicks.count())",
    ).split()
    assert counts[-2:] == ["1", "2"]

    page.goto(f"{server.url}/share/mine/")
    row = page.locator("tr", has=page.locator(f"input[value$='/l/{code}']"))
    expect(row.locator("td.num")).to_have_text("1")


def test_newhire_sees_the_library_with_the_missing_steps_and_no_share_buttons(server, new_context):
    page = new_context().new_page()
    login(page, server, "newhire", next_path="/share/")
    gate = page.locator(".share-gate")
    expect(gate.locator(".gate-step.is-missing")).to_have_count(3)
    expect(gate).to_contain_text("Get certified as an advocate")
    expect(gate).to_contain_text("Opt in to advocacy")
    expect(gate.get_by_role("link", name="Open my settings")).to_have_attribute(
        "href", "/me/#consents"
    )
    page.get_by_role("link", name="All posts").click()
    expect(page.locator(".post-card").first).to_be_visible()
    screenshot(page, "sharing-newhire-library")
    page.locator(".post-card h2 a").first.click()
    expect(page.locator(".share-gate")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("^Share on "))).to_have_count(0)
