"""newhire declares a network and opts in to advocacy, with and without JavaScript."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import login, screenshot


@pytest.mark.parametrize("javascript", [True, False], ids=["htmx", "no-js"])
def test_newhire_adds_linkedin_and_opts_in_and_it_is_kept(server, new_context, javascript):
    page = new_context(javascript=javascript).new_page()
    login(page, server, "newhire", next_path="/me/")
    expect(page.get_by_role("heading", name="My settings")).to_be_visible()
    if javascript:
        # Marks this document: it survives an htmx swap but not a full page load.
        page.evaluate("window.__sameDocument = true")

    networks = page.locator("#networks")
    networks.get_by_label("Platform").select_option("linkedin")
    networks.get_by_label("Handle or profile name").fill("in/nia-hollis")
    networks.get_by_label("Professional").check()
    networks.get_by_label("Followers").fill("480")
    networks.get_by_role("button", name="Add network").click()
    expect(page.locator("#networks .network-list")).to_contain_text("in/nia-hollis")
    expect(page.locator("#networks .network-list")).to_contain_text("480 followers")

    advocacy = page.locator(
        ".consent", has=page.get_by_role("heading", name="Take part in advocacy")
    )
    expect(advocacy.locator(".state")).to_have_text("Off")
    advocacy.get_by_role("button", name="Turn on").click()
    advocacy = page.locator(
        ".consent", has=page.get_by_role("heading", name="Take part in advocacy")
    )
    expect(advocacy.locator(".state")).to_have_text("On")

    if javascript:
        assert page.evaluate("window.__sameDocument === true"), "htmx should swap, not reload"
    else:
        expect(page.get_by_role("status")).to_contain_text("is now on")
    screenshot(page, f"me-after-opt-in-{'js' if javascript else 'nojs'}")

    page.reload()
    expect(page.locator("#networks .network-list")).to_contain_text("in/nia-hollis")
    advocacy = page.locator(
        ".consent", has=page.get_by_role("heading", name="Take part in advocacy")
    )
    expect(advocacy.locator(".state")).to_have_text("On")
    others = page.locator(".consent .state").all_inner_texts()
    assert sorted(others) == ["Off", "Off", "On"]


def test_bad_follower_count_shows_the_message_next_to_the_field(server, new_context):
    page = new_context().new_page()
    login(page, server, "newhire", next_path="/me/")
    networks = page.locator("#networks")
    networks.get_by_label("Handle or profile name").fill("in/nia")
    networks.get_by_label("Professional").check()
    networks.get_by_label("Followers").fill("-3")
    networks.get_by_role("button", name="Add network").click()
    expect(page.locator("#id_followers_error")).to_contain_text("greater than or equal to 0")
    expect(page.locator("#networks .empty")).to_have_text("No networks yet.")


def test_employee_sees_no_access_in_admin_and_editor_gets_in(server, new_context):
    page = new_context().new_page()
    login(page, server, "newhire")
    page.goto(f"{server.url}/admin/")
    expect(page.get_by_role("heading", name="No access")).to_be_visible()

    page = new_context().new_page()
    login(page, server, "hr")
    page.goto(f"{server.url}/admin/")
    expect(page.get_by_role("heading", name="Site summary")).to_be_visible()
    screenshot(page, "admin-home-hr")
