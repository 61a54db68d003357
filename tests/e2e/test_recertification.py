"""A demo colleague whose certificate expired: the dashboard says why the course is back
and by when, and the content library's gate lists the expired certificate."""

from playwright.sync_api import expect

from tests.e2e.conftest import login, screenshot


def test_an_expired_advocate_sees_why_and_the_gate(server, new_context):
    username = server.manage(
        "shell",
        "-c",
        "from courses.models import Enrolment; "
        "print(Enrolment.objects.filter(expired_certificate__isnull=False)"
        ".values_list('user__username', flat=True).get())",
    ).split()[-1]  # the shell prints a banner first

    page = new_context().new_page()
    login(page, server, username, next_path="/")
    panel = page.locator("#my-training")
    expect(panel).to_contain_text("Your certificate expired on")
    expect(panel).to_contain_text("pass the quiz again by")
    expect(page.locator("main")).to_contain_text("Renew your certificate")
    screenshot(page, "recertification-dashboard")

    page.goto(f"{server.url}/share/")
    gate = page.locator(".gate-steps")
    expect(gate).to_contain_text("Certificate expired on")
    expect(gate.get_by_role("link", name="Renew your certificate")).to_be_visible()
    screenshot(page, "recertification-gate")
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot(page, "recertification-gate-390")
