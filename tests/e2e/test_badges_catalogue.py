"""The badge catalogue in a real browser: without JavaScript, on a phone and a wide screen."""

from tests.e2e.conftest import demo_urls, login, screenshot

PHONE = {"width": 390, "height": 844}
WIDE = {"width": 1280, "height": 900}


def test_the_catalogue_shows_progress_without_javascript_and_fits_a_phone(server, new_context):
    page = new_context(javascript=False).new_page()
    login(page, server, "advocate", next_path="/badges/")
    for name, viewport in (("phone", PHONE), ("wide", WIDE)):
        page.set_viewport_size(viewport)
        page.goto(f"{server.url}/badges/")
        assert page.get_by_role("heading", name="Badges", exact=True).is_visible()
        assert (
            page.get_by_role("progressbar").count()
            + page.get_by_text("You hold this badge").count()
            > 0
        )
        scroll_width, inner_width = page.evaluate(
            "[document.documentElement.scrollWidth, window.innerWidth]"
        )
        assert scroll_width <= inner_width, f"{name}: scrolls sideways"
        screenshot(page, f"badge-catalogue-{name}")


def test_badge_and_certificate_pages_offer_linkedin_and_fit_a_phone(server, new_context):
    urls = demo_urls(server)
    page = new_context(javascript=False).new_page()
    login(page, server, "advocate")
    for kind in ("badge", "certificate"):
        for name, viewport in (("phone", PHONE), ("wide", WIDE)):
            page.set_viewport_size(viewport)
            page.goto(f"{server.url}{urls[kind]}")
            link = page.get_by_role("link", name="Add to LinkedIn profile")
            assert link.get_attribute("href").startswith("https://www.linkedin.com/profile/add?")
            scroll_width, inner_width = page.evaluate(
                "[document.documentElement.scrollWidth, window.innerWidth]"
            )
            assert scroll_width <= inner_width, f"{kind} {name}: scrolls sideways"
            screenshot(page, f"{kind}-linkedin-{name}")
