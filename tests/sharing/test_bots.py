"""Who asked for a tracked link: a person, a link-preview fetcher, or another robot.

Robots come from crawlerdetect's maintained list; the link-preview fetchers stay named
(tests/sharing/test_tracked_link.py keeps today's preview cases).
"""

import pytest
from django.test import Client

from sharing.models import Click, Refusal
from sharing.services import share_create
from sharing.tracking import ua_classify
from tests.sharing.factories import advocate_make, post_create

# Real browsers, in-app browsers of the networks included: a reader behind any of them counts.
BROWSERS = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.1 Safari/605.1.15",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0",
    "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) "
    "SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Mobile/15E148 [LinkedInApp]/9.29.1",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/440.0.0.31.105;FBDV/iPhone14,5]",
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0.6099.144 Mobile Safari/537.36 Instagram 312.1.0.34.111 Android",
]

# Robots the hand-kept pattern that came before crawlerdetect let through as people.
ROBOTS_THE_OLD_LIST_MISSED = [
    "ia_archiver (+http://www.alexa.com/site/en/company/about-bots)",
    "HTTPie/3.2.2",
    "GuzzleHttp/7",
    "Feedly/1.0 (+http://www.feedly.com/fetcher.html)",
    "Mediapartners-Google",
    "Google-InspectionTool/1.0",
    "NetcraftSurveyAgent/1.0",
    "Zabbix",
    "reqwest/0.11",
    "Dart/3.1 (dart:io)",
]

OTHER_ROBOTS = [
    "Go-http-client/1.1",
    "UptimeRobot/2.0",
    "Mozilla/5.0 (compatible; GPTBot/1.0; +https://openai.com/gptbot)",
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "HeadlessChrome/131.0.0.0 Safari/537.36",
    "   ",
]

PREVIEWS = [
    "Mozilla/5.0 (compatible; Bluesky Cardyb/1.1; +mailto:support@bsky.app)",
    "Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5",
    "TelegramBot (like TwitterBot)",
    "Mastodon/4.2.0 (http.rb/5.1.1; +https://mastodon.social/)",
    "Pinterestbot/1.0",
]


@pytest.mark.parametrize("agent", BROWSERS)
def test_real_browsers_are_people(agent):
    assert ua_classify(agent) == "person"


@pytest.mark.parametrize("agent", ROBOTS_THE_OLD_LIST_MISSED + OTHER_ROBOTS)
def test_robots_from_the_maintained_list_are_bots(agent):
    assert ua_classify(agent) == "bot"


@pytest.mark.parametrize("agent", PREVIEWS)
def test_link_preview_fetchers_are_previews_even_when_crawlerdetect_calls_them_crawlers(agent):
    assert ua_classify(agent) == "preview"


@pytest.mark.django_db
@pytest.mark.parametrize("agent", ROBOTS_THE_OLD_LIST_MISSED[:3])
def test_a_robot_gets_the_redirect_and_its_click_is_kept_but_not_credited(agent):
    post = post_create()
    share = share_create(user=advocate_make(), post=post, platform="linkedin", text="Hi").share
    response = Client().get(f"/l/{share.code}", HTTP_USER_AGENT=agent)
    assert response.status_code == 302
    click = Click.objects.get()
    assert (click.credited, click.ua_class, click.refusal) == (False, "bot", Refusal.BOT)
