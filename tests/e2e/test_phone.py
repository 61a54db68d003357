"""The portal on a phone (390 px wide): a compact menu, tables as cards, nothing that
scrolls sideways; lessons with their course outline beside them on wide screens."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import demo_urls, login, portal_pages, screenshot

PHONE = {"width": 390, "height": 844}
WIDE = {"width": 1280, "height": 900}

# What sticks out past the right edge of the viewport, to name the culprit in a failure.
_OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  return [...document.querySelectorAll("body *")]
    .filter((el) => el.getBoundingClientRect().right > width + 1 && el.getClientRects().length)
    .slice(0, 5)
    .map((el) => {
      const right = Math.round(el.getBoundingClientRect().right);
      return `${el.tagName.toLowerCase()}.${el.className} → ${right}px`;
    });
}"""


@pytest.mark.parametrize("username", ["newhire", "advocate", "hr"])
def test_no_portal_page_scrolls_sideways_on_a_phone(server, new_context, username):
    urls = demo_urls(server)
    page = new_context().new_page()
    page.set_viewport_size(PHONE)
    login(page, server, username)
    wide_pages = []
    for path in portal_pages(urls, username):
        response = page.goto(f"{server.url}{path}")
        if not response.ok:
            wide_pages.append(f"{path}: answered {response.status}")
            continue
        scroll_width, inner_width = page.evaluate(
            "[document.documentElement.scrollWidth, window.innerWidth]"
        )
        if scroll_width > inner_width:
            culprits = page.evaluate(_OVERFLOW)
            wide_pages.append(f"{path}: {scroll_width} > {inner_width} ({culprits})")
    assert wide_pages == [], "pages wider than a phone (or failing):\n" + "\n".join(wide_pages)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_the_menu_folds_on_a_phone_and_opens_without_javascript(server, new_context, javascript):
    page = new_context(javascript=javascript).new_page()
    login(page, server, "advocate")
    nav = page.get_by_role("navigation", name="Main")
    # Wide: the whole navigation is on show, no menu button.
    leaderboard = nav.get_by_role("link", name="Leaderboard", exact=True)
    expect(leaderboard).to_be_visible()
    expect(page.locator(".nav-toggle")).to_be_hidden()

    page.set_viewport_size(PHONE)
    page.reload()
    header_height = page.locator(".site-header").bounding_box()["height"]
    assert header_height < 80, f"the header takes {header_height}px on a phone"
    expect(leaderboard).to_be_hidden()
    page.locator(".nav-toggle").click()
    expect(leaderboard).to_be_visible()
    screenshot(page, f"phone-menu-open-{'js' if javascript else 'no-js'}")
    leaderboard.click()
    page.wait_for_url(f"{server.url}/leaderboard/")
    expect(page.get_by_role("heading", name="Leaderboard", level=1)).to_be_visible()


def test_tables_become_cards_on_a_phone(server, new_context):
    page = new_context().new_page()
    page.set_viewport_size(PHONE)
    login(page, server, "advocate", next_path="/share/mine/")
    first_row = page.locator(".shares-table tbody tr").first
    cells = first_row.locator("td")
    # One cell under another, each named by its column.
    boxes = [cells.nth(i).bounding_box() for i in range(cells.count())]
    assert all(b["y"] < a["y"] for b, a in zip(boxes, boxes[1:], strict=False)), boxes
    label = first_row.locator("td[data-label='Credited clicks']")
    expect(label).to_be_visible()
    assert (
        page.evaluate(
            "(el) => getComputedStyle(el, '::before').content",
            label.element_handle(),
        )
        == '"Credited clicks"'
    )
    screenshot(page, "phone-my-shares")
    page.goto(f"{server.url}/leaderboard/?period=all")
    expect(page.locator(".board-table td[data-label='Points']").first).to_be_visible()
    screenshot(page, "phone-leaderboard")


def test_a_lesson_has_its_course_outline_beside_it_wide_and_above_it_narrow(server, new_context):
    urls = demo_urls(server)
    page = new_context().new_page()
    login(page, server, "newhire", next_path=urls["lesson"])
    outline = page.locator("nav.course-outline")
    expect(outline.locator("[aria-current='page']")).to_have_count(1)
    article = page.locator("article.lesson")
    side, text = outline.bounding_box(), article.bounding_box()
    assert side["x"] + side["width"] <= text["x"], (side, text)  # beside it
    assert side["y"] < text["y"] + text["height"]
    screenshot(page, "wide-lesson")

    page.set_viewport_size(PHONE)
    side, text = outline.bounding_box(), article.bounding_box()
    assert side["y"] + side["height"] <= text["y"], (side, text)  # above it
    screenshot(page, "phone-lesson")
