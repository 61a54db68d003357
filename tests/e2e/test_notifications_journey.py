"""hr reads the advocacy report and downloads its CSV; advocate, with the portal open,
sees a notification arrive live when hr publishes a priority post that fits them."""

import csv
import io
import json

from playwright.sync_api import expect

from tests.e2e.conftest import login, screenshot

# A draft priority post with a LinkedIn caption (the advocate declared LinkedIn), for hr to
# publish through the admin. Created in the server's database before the browsers start.
# The demo's Editors group may only submit pages for moderation, so hr is made a Moderator
# (who may publish) for this journey.
DRAFT = """
import json
from django.contrib.auth.models import Group
from people.models import User
from sharing.models import PostCaption, ShareHubPage, SharePostPage

hub = ShareHubPage.objects.first()
post = SharePostPage(
    title="Live priority test post",
    slug="live-priority-test-post",
    summary="A post that fits LinkedIn.",
    target_url="https://northwind.example/news/live-priority",
    priority=True,
    live=False,
)
post.captions.add(PostCaption(platform="linkedin", text="Worth a look."))
hub.add_child(instance=post)
hr = User.objects.get(username="hr")
hr.groups.add(Group.objects.get(name="Moderators"))
post.save_revision(user=hr)
print(json.dumps({"post": post.pk}))
"""


def test_hr_downloads_the_advocacy_report_csv(server, new_context):
    page = new_context().new_page()
    login(page, server, "hr", next_path="/admin/reports/advocacy/")
    expect(page.get_by_role("heading", name="Shares per week by platform")).to_be_visible()
    expect(page.get_by_text("Estimated reach (an estimate)")).to_be_visible()
    expect(page.locator("svg.chorus-chart").first).to_be_visible()
    screenshot(page, "reports-advocacy")
    with page.expect_download() as info:
        page.get_by_role("link", name="Download CSV").click()
    download = info.value
    assert download.suggested_filename.startswith("chorus-advocacy-")
    text = open(download.path(), encoding="utf-8").read()  # noqa: SIM115
    rows = list(csv.reader(io.StringIO(text)))
    titles = [row[0] for i, row in enumerate(rows) if row and (i == 0 or not rows[i - 1])]
    assert titles == [
        "Shares per week by platform",
        "Credited clicks per week",
        "Top posts by credited clicks",
        "Campaign totals",
        "Departments",
    ]
    assert "Vasquez" not in text and "Ade V." not in text  # nobody is named


def test_advocate_sees_a_priority_post_arrive_live(server, new_context):
    post_id = json.loads(server.manage("shell", "-c", DRAFT).strip().splitlines()[-1])["post"]

    advocate = new_context().new_page()
    login(advocate, server, "advocate", next_path="/me/")
    bell = advocate.locator("#notify-bell .notify-count")
    before = int(bell.inner_text())
    # The socket is open once htmx has connected; wait for it before publishing.
    advocate.wait_for_function(
        "() => { const el = document.querySelector('[ws-connect]');"
        " return el && el['htmx-internal-data'] && el['htmx-internal-data'].webSocket"
        " && el['htmx-internal-data'].webSocket.socket.readyState === 1; }"
    )

    hr = new_context().new_page()
    login(hr, server, "hr", next_path=f"/admin/pages/{post_id}/edit/")
    screenshot(hr, "notifications-hr-edit")
    hr.locator("footer [data-w-dropdown-target='toggle']").last.click()
    hr.locator("button[name='action-publish']").click()
    expect(hr.get_by_text("published", exact=False).first).to_be_visible()

    toast = advocate.locator("#notify-toasts .toast")
    expect(toast).to_contain_text("New priority post: Live priority test post", timeout=5000)
    expect(bell).to_have_text(str(before + 1))
    screenshot(advocate, "notifications-live-toast")

    advocate.locator("#notify-bell").click()
    expect(advocate.get_by_role("heading", name="Notifications")).to_be_visible()
    expect(
        advocate.locator("main").get_by_role(
            "link", name="New priority post: Live priority test post"
        )
    ).to_be_visible()
    advocate.get_by_role("button", name="Mark all as read").click()
    expect(advocate.locator("#notify-bell .notify-count")).to_have_text("0")
    screenshot(advocate, "notifications-page")
