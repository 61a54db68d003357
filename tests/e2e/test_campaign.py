"""A campaign's bar moves live: one person watches the campaign page while a reader clicks
another person's tracked link; the figure goes up without a reload. Screenshots of the
campaign page, the dashboard panel and a campaign post at desktop and phone widths."""

import json
import urllib.request

from playwright.sync_api import expect

from tests.e2e.conftest import login, screenshot

# Run inside the server's database: the demo's running campaign, its figure, and a share
# of one of its posts that a reader can still click.
SETUP = """
import json
from sharing.models import Campaign, Share
from sharing.selectors import post_is_available
from sharing.selectors.campaigns import campaign_progress

campaign = Campaign.objects.get(slug="spring-launch")
share = next(
    s for s in Share.objects.filter(post__campaign=campaign, retracted_at__isnull=True)
    .exclude(user__username="hr").select_related("post")
    if post_is_available(s.post)
)
print(json.dumps({
    "slug": campaign.slug, "id": campaign.pk, "total": campaign_progress(campaign=campaign).total,
    "target": campaign.target, "code": share.code, "post": share.post.url,
}))
"""
# A browser on the internet (any unknown token would read as a bot); the demo's readers came
# from other addresses, so this one is new.
READER = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"


def figure(page, campaign_id: int) -> str:
    return page.locator(f"#campaign-bar-{campaign_id} .campaign-figure strong").inner_text()


def test_the_bar_moves_live_when_another_persons_click_is_credited(server, new_context):
    found = json.loads(server.manage("shell", "-c", SETUP).strip().splitlines()[-1])
    watcher = new_context().new_page()
    login(watcher, server, "hr", next_path=f"/share/campaigns/{found['slug']}/")
    expect(watcher.locator(".campaign-live[data-ws-opened='1']")).to_be_attached()  # CSP: no eval
    watcher.evaluate("window.__sameDocument = true")
    assert figure(watcher, found["id"]) == str(found["total"])
    expect(watcher.get_by_text("60%").first).to_be_visible()

    request = urllib.request.Request(  # a reader on the internet, not signed in
        f"{server.url}/l/{found['code']}",
        headers={"User-Agent": READER},
    )
    opener = urllib.request.build_opener(NoRedirect)
    assert opener.open(request).status == 302

    bar = watcher.locator(f"#campaign-bar-{found['id']} .campaign-figure strong")
    expect(bar).to_have_text(str(found["total"] + 1), timeout=4000)
    assert watcher.evaluate("window.__sameDocument === true"), "updated live, not reloaded"
    for width in (1280, 390):
        watcher.set_viewport_size({"width": width, "height": 900})
        screenshot(watcher, f"campaign-page-{width}")
        watcher.goto(f"{server.url}/")
        screenshot(watcher, f"campaign-dashboard-{width}")
        watcher.goto(f"{server.url}{found['post']}")
        expect(watcher.locator(f"#campaign-bar-{found['id']}")).to_be_visible()
        screenshot(watcher, f"campaign-post-{width}")
        watcher.goto(f"{server.url}/share/campaigns/{found['slug']}/")


def test_the_figures_are_there_without_javascript(server, new_context):
    page = new_context(javascript=False).new_page()
    login(page, server, "advocate", next_path="/share/campaigns/spring-launch/")
    expect(page.get_by_role("progressbar").first).to_be_visible()
    expect(page.get_by_text("Who took part")).to_be_visible()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None

    def http_error_302(self, req, fp, code, msg, headers):
        return fp
