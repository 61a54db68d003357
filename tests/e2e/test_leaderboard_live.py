"""Two browsers: one watches /leaderboard/, the other shares a post that a reader then
opens; the first sees the new points without reloading, within two seconds."""

import json

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import login, screenshot

# Run inside the server's database: lift the weekly cap so the share earns points, pick a
# post and network the advocate has not shared yet, and the board the advocate is on.
SETUP = """
import json
from leaderboard.selectors import leaderboard_top
from people.models import User
from sharing.models import Share, SharePostPage, SharingPreferences, SharingSettings
from sharing.selectors import post_is_available

settings = SharingSettings.load()
settings.weekly_cap = 500
settings.save()
SharingPreferences.objects.filter(user__username="advocate").delete()
advocate = User.objects.get(username="advocate")
networks = set(advocate.networks.values_list("platform", flat=True))
done = set(Share.objects.filter(user=advocate).values_list("post_id", "platform"))


def pick():
    for post in SharePostPage.objects.live().order_by("-pk"):
        if not post_is_available(post):
            continue
        for platform in post.caption_platforms():
            if platform in networks and (post.pk, platform) not in done:
                return post.pk, platform
    return None, None


post_id, platform = pick()
period = next(
    (p for p in ("week", "month", "all")
     if any(row.user_id == advocate.pk for row in leaderboard_top(period=p, limit=15))),
    "all",
)
print(json.dumps({"post": post_id, "platform": platform, "period": period}))
"""


READER = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"


def row_points(page) -> int | None:
    row = page.locator("#board tr.board-row", has_text="Ade V.")
    if row.count() == 0:
        return None
    return int(row.locator("td.num").inner_text())


def test_watcher_sees_a_share_arrive_live(server, new_context):
    found = json.loads(server.manage("shell", "-c", SETUP).strip().splitlines()[-1])
    if found["post"] is None:
        pytest.fail("the demo has no post left for the advocate to share")

    watcher = new_context().new_page()
    login(watcher, server, "hr", next_path="/leaderboard/")
    watcher.goto(f"{server.url}/leaderboard/?period={found['period']}&scope=people")
    expect(watcher.locator("#board-panel[data-ws-opened='1']")).to_be_attached()  # CSP: no eval
    watcher.evaluate("window.__sameDocument = true")
    before = row_points(watcher) or 0

    sharer = new_context(javascript=False).new_page()
    login(sharer, server, "advocate")
    sharer.goto(f"{server.url}/share/posts/{found['post']}/{found['platform']}/")
    sharer.get_by_role("button", name="Confirm and share").click()
    # The share's points wait for its first reader: a reader opens the tracked link (the
    # redirect is not followed, so nothing leaves the machine).
    expect(sharer.get_by_text("Waiting for its first reader")).to_be_visible()
    link = sharer.locator("input[id^='share-link-']").first.input_value()
    reader = new_context().request
    response = reader.get(
        f"{server.url}/l/{link.rsplit('/l/', 1)[1]}",
        max_redirects=0,
        headers={"User-Agent": READER},
    )
    assert response.status == 302

    row = watcher.locator("#board tr.board-row", has_text="Ade V.")
    expect(row.locator("td.num")).to_have_text(str(before + 10 + 1), timeout=2000)
    assert watcher.evaluate("window.__sameDocument === true"), "updated live, not reloaded"
    screenshot(watcher, "leaderboard-live-after-share")
