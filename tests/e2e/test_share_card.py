"""Sharing from a library card, at desktop and phone widths: with JavaScript the caption
panel opens in place and confirming copies the caption for LinkedIn; without it the card's
button leads to the post's share step and the page says the caption was not copied."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import SCREENSHOTS, login, screenshot

STUB = "<!doctype html><title>stub</title><p>Stub of LinkedIn</p>"
WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}


def _stub(route):
    route.fulfill(status=200, content_type="text/html", body=STUB)


def _card_to_share(page):
    """The first card that offers "Share on LinkedIn" (not shared there yet), by its id: the
    card stops matching that description once it is shared."""
    card = page.locator(".post-card").filter(
        has=page.get_by_role("link", name="Share on LinkedIn", exact=True)
    )
    expect(card.first).to_be_visible()
    return page.locator("#" + card.first.get_attribute("id"))


@pytest.mark.parametrize("width", WIDTHS)
def test_an_advocate_shares_from_a_card_in_place_and_the_caption_is_copied(
    server, new_context, width
):
    context = new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url)
    context.route(re.compile(r"https://([a-z]+\.)*linkedin\.com/.*"), _stub)
    page = context.new_page()
    page.set_viewport_size(dict(zip(("width", "height"), WIDTHS[width], strict=True)))
    login(page, server, "advocate", next_path="/share/")
    page.goto(f"{server.url}/share/?view=all")
    expect(page.locator(".post-card-image").first).to_be_visible()
    card = _card_to_share(page)
    title = card.locator("h2").inner_text()
    card.get_by_role("link", name="Share on LinkedIn", exact=True).click()

    # The panel opens inside the card: same address, the caption and the preview.
    caption = card.get_by_label("Your caption for LinkedIn")
    expect(caption).to_be_focused()
    assert page.url == f"{server.url}/share/?view=all"
    preview = card.locator(".network-preview")
    expect(preview).to_contain_text("How it will look on LinkedIn")
    expect(preview).to_contain_text(title)
    caption.fill("Worth a read: what we shipped this spring")
    expect(preview.locator("[data-preview-caption]")).to_have_text(
        re.compile(r"^Worth a read: what we shipped this spring\s+#employee$")
    )
    # The open panel fits the card, and the card the window (the header is not ours).
    box = card.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= WIDTHS[width][0]
    assert card.evaluate("el => el.scrollWidth <= el.clientWidth")
    screenshot(page, f"share-card-panel-{width}")
    card.screenshot(path=SCREENSHOTS / f"share-card-panel-{width}-card.png")

    with context.expect_page() as popup_info:
        card.get_by_role("button", name="Confirm and share on LinkedIn").click()
    popup = popup_info.value
    popup.wait_for_url(re.compile(r"https://www\.linkedin\.com/sharing/share-offsite/.*"))
    page.bring_to_front()
    status = card.locator("[data-clipboard-status]")
    expect(status).to_have_text("Your caption is copied — paste it into LinkedIn.")
    expect(card.get_by_role("link", name="Shared on LinkedIn: get the link")).to_be_visible()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == "Worth a read: what we shipped this spring\n\n#employee"
    assert page.url == f"{server.url}/share/?view=all"
    screenshot(page, f"share-card-copied-{width}")
    card.screenshot(path=SCREENSHOTS / f"share-card-copied-{width}-card.png")


@pytest.mark.parametrize("width", WIDTHS)
def test_without_javascript_the_card_leads_to_the_share_step_and_says_it_did_not_copy(
    server, new_context, width
):
    context = new_context(javascript=False)
    page = context.new_page()
    page.set_viewport_size(dict(zip(("width", "height"), WIDTHS[width], strict=True)))
    login(page, server, "advocate", next_path="/share/")
    page.goto(f"{server.url}/share/?view=all")
    card = _card_to_share(page)
    card.get_by_role("link", name="Share on LinkedIn", exact=True).click()
    page.wait_for_url(re.compile(r".*/share/posts/\d+/linkedin/$"))
    expect(page.locator(".network-preview")).to_contain_text("How it will look on LinkedIn")
    page.get_by_label("Your caption for LinkedIn").fill("In my own words")
    page.get_by_role("button", name="Confirm and share on LinkedIn").click()
    result = page.locator(".share-result")
    expect(result.locator("[data-clipboard-status]")).to_contain_text("Your caption wasn't copied")
    expect(result.get_by_label("Your caption")).to_have_value("In my own words\n\n#employee")
    expect(result.get_by_role("link", name="Open LinkedIn")).to_have_attribute(
        "href", re.compile(r"^https://www\.linkedin\.com/sharing/share-offsite/\?url=")
    )
    screenshot(page, f"share-card-nojs-result-{width}")


def test_when_the_browser_refuses_the_clipboard_the_card_says_so_and_offers_the_caption(
    server, new_context
):
    context = new_context()
    context.route(re.compile(r"https://([a-z]+\.)*linkedin\.com/.*"), _stub)
    # A browser (or a person's setting) that refuses clipboard writes.
    context.add_init_script(
        "navigator.clipboard.writeText = () => Promise.reject(new Error('refused'));"
    )
    page = context.new_page()
    login(page, server, "advocate", next_path="/share/")
    page.goto(f"{server.url}/share/?view=all")
    card = _card_to_share(page)
    card.get_by_role("link", name="Share on LinkedIn", exact=True).click()
    expect(card.get_by_label("Your caption for LinkedIn")).to_be_focused()
    with context.expect_page():
        card.get_by_role("button", name="Confirm and share on LinkedIn").click()
    page.bring_to_front()
    status = card.locator("[data-clipboard-status]")
    expect(status).to_contain_text("Your caption wasn't copied")
    expect(card.get_by_role("button", name="Copy caption")).to_be_visible()
    # The caption is selected, ready for the person to copy it themselves.
    selected = card.locator("[data-clipboard-caption]").evaluate(
        "el => el.value.substring(el.selectionStart, el.selectionEnd)"
    )
    assert selected.endswith("#employee")
