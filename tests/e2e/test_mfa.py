"""Two-factor authentication before the admin, in a real browser: a programme admin who
signs in with a password must set up an authenticator app before /admin/ opens, then signs
in again with a code from it and with a recovery code. The security-key page renders."""

import time

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from playwright.sync_api import expect

from tests.e2e.conftest import PASSWORD, screenshot

PERIOD = 30  # seconds per TOTP code (allauth's default MFA_TOTP_PERIOD)


def code_for(secret: str, *, not_counter: int | None = None) -> tuple[str, int]:
    """The authenticator app's current code; waits for the next one when the current one
    was used already (allauth refuses a code twice)."""
    counter = int(time.time()) // PERIOD
    if counter == not_counter:
        time.sleep(PERIOD - time.time() % PERIOD + 0.5)
        counter = int(time.time()) // PERIOD
    return format_hotp_value(hotp_value(secret, counter)), counter


def password_sign_in(page, url: str) -> None:
    page.goto(f"{url}/accounts/login/?next=/admin/")
    page.get_by_label("Username").fill("programme")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def second_factor(page, url: str, code: str) -> None:
    page.wait_for_url(f"{url}/accounts/2fa/authenticate/**")
    page.locator("input[name=code]").fill(code)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(f"{url}/admin/")
    expect(page.locator("#wagtail-sidebar-props")).to_be_attached()  # the admin opened


def test_an_admin_sets_up_totp_before_the_admin_opens_then_signs_in_with_it(
    live_server_factory, new_context
):
    server = live_server_factory(SSO_ADMIN_MFA="true")
    context = new_context()
    page = context.new_page()

    password_sign_in(page, server.url)
    # Adding an authenticator asks for the password once more (allauth's reauthentication).
    page.wait_for_url(f"{server.url}/accounts/reauthenticate/**")
    expect(page.get_by_text("The admin needs two-factor authentication")).to_be_visible()
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_url(f"{server.url}/accounts/2fa/totp/activate/**")
    screenshot(page, "mfa-activate-1280")
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot(page, "mfa-activate-390")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{server.url}/admin/reports/training/")  # any admin page: still refused
    page.wait_for_url(f"{server.url}/accounts/2fa/totp/activate/**")

    secret = page.locator("#authenticator_secret").inner_text().strip()
    code, used = code_for(secret)
    page.locator("input[name=code]").fill(code)
    page.get_by_role("button", name="Activate").click()
    page.wait_for_url(f"{server.url}/accounts/2fa/recovery-codes/")
    codes = page.locator("#recovery_codes").inner_text().split()
    assert len(codes) == 10
    page.get_by_role("link", name="Continue to the admin").click()
    page.wait_for_url(f"{server.url}/admin/")
    expect(page.locator("#wagtail-sidebar-props")).to_be_attached()

    # Security keys (WebAuthn) are offered too: the page to add one renders.
    page.goto(f"{server.url}/accounts/2fa/webauthn/add/")
    expect(page.get_by_role("heading", name="Add Security Key")).to_be_visible()
    expect(page.locator("#mfa_webauthn_add")).to_be_visible()
    screenshot(page, "mfa-webauthn-add-1280")

    # Next sign-in: the password, then a recovery code.
    context.clear_cookies()
    password_sign_in(page, server.url)
    second_factor(page, server.url, codes[0])

    # And the one after: the password, then the app's code.
    context.clear_cookies()
    password_sign_in(page, server.url)
    screenshot(page, "mfa-authenticate-1280")
    code, _ = code_for(secret, not_counter=used)
    second_factor(page, server.url, code)

    # A used recovery code never works again.
    context.clear_cookies()
    password_sign_in(page, server.url)
    page.wait_for_url(f"{server.url}/accounts/2fa/authenticate/**")
    page.locator("input[name=code]").fill(codes[0])
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_text("Incorrect code")).to_be_visible()
    assert "/admin/" not in page.url
