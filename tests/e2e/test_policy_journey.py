"""hr publishes a material change in the Wagtail editor; advocate is asked again and
acknowledges the new version (htmx), and the banner goes away."""

from playwright.sync_api import expect

from tests.e2e.conftest import login, screenshot

WHAT_CHANGED = "Version 3: posts about events need the event team's go-ahead first."


def test_material_change_is_acknowledged_again(server, new_context):
    policy_id = server.manage(
        "shell",
        "-c",
        "from policies.models import PolicyPage; print(PolicyPage.objects.get(slug='policy').pk)",
    ).split()[-1]  # the shell prints a banner first

    editor = new_context().new_page()
    login(editor, server, "hr", next_path=f"/admin/pages/{policy_id}/edit/")
    editor.get_by_label("Material change: ask everyone to acknowledge again").check()
    editor.get_by_label("What changed").fill(WHAT_CHANGED)
    editor.locator("footer").get_by_role("button", name="More actions").click()
    editor.get_by_role("button", name="Publish").click()
    expect(editor.locator(".messages")).to_contain_text("published")
    screenshot(editor, "policy-admin-published")

    page = new_context().new_page()
    login(page, server, "advocate", next_path="/")
    banner = page.locator("#policy-banner")
    expect(banner).to_contain_text("Please read and acknowledge the social media policy")
    expect(banner).to_contain_text("version 3")
    banner.get_by_role("link", name="Read it now").click()
    page.wait_for_url(f"{server.url}/policy/")
    page.evaluate("window.__sameDocument = true")

    first_section = page.locator("main article > section, main article > nav").first
    expect(first_section).to_contain_text("What changed in version 3")
    expect(first_section).to_contain_text(WHAT_CHANGED)
    ack = page.locator("#acknowledge")
    expect(ack).to_contain_text("was for an earlier version")
    screenshot(page, "policy-what-changed")

    ack.get_by_label("I have read and understood this policy").check()
    ack.get_by_role("button", name="Acknowledge").click()
    expect(page.locator("#acknowledge")).to_contain_text("You acknowledged version 3 on")
    expect(page.locator("#policy-banner")).not_to_contain_text("Please read")
    expect(page.locator("#policy-banner")).to_be_hidden()
    assert page.evaluate("window.__sameDocument === true"), "htmx should swap, not reload"
    screenshot(page, "policy-acknowledged")

    page.goto(f"{server.url}/")
    expect(page.locator("#policy-banner")).to_have_count(0)
