"""Pieces of the tracked-link path: who is asking (without keeping who), and where to send them."""

import hashlib
import hmac
import re
from datetime import date, timedelta
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from crawlerdetect import CrawlerDetect
from django.conf import settings

from sharing.models import UAClass

# Fetchers that build link previews in feeds and chats: they get the redirect, never credit.
# crawlerdetect knows most of them as crawlers but not which are previews, and misses a
# few (Bluesky's Cardyb), so this short list names them; it is checked first.
PREVIEW_PATTERN = re.compile(
    r"linkedinbot|twitterbot|facebookexternalhit|facebot|slackbot|slack-imgproxy|discordbot|"
    r"whatsapp|telegrambot|skypeuripreview|microsoftpreview|teams|iframely|embedly|redditbot|"
    r"pinterest|vkshare|mastodon|bluesky|cardyb|google-pagerenderer|snapchat|viber|"
    r"line/|kakaotalk|outlook|applebot|xing-contenttabreceiver|quora link preview|tumblr",
    re.IGNORECASE,
)
# Every other robot, HTTP library, monitor and headless browser: crawlerdetect's maintained
# list (the PHP CrawlerDetect project's patterns). Its instance caches recent agents.
_CRAWLERS = CrawlerDetect()
UTM_KEYS = ("utm_source", "utm_medium", "utm_campaign")


def ua_classify(user_agent: str) -> str:
    if not user_agent.strip():
        return UAClass.BOT
    if PREVIEW_PATTERN.search(user_agent):
        return UAClass.PREVIEW
    if _CRAWLERS.is_crawler(user_agent):
        return UAClass.BOT
    return UAClass.PERSON


def _daily_secret(day: date) -> bytes:
    """A secret for one day, derived from SECRET_KEY; yesterday's key says nothing about today's."""
    return hashlib.sha256(
        f"chorus-visitor:{day.isoformat()}:{settings.SECRET_KEY}".encode()
    ).digest()


def visitor_key(*, ip: str, user_agent: str, day: date) -> str:
    """A keyed hash of address and browser: the same visitor on the same day, nothing more.

    Two colleagues behind one office address get different keys when their browsers differ.
    """
    message = f"{ip}\n{user_agent}".encode()
    return hmac.new(_daily_secret(day), message, hashlib.sha256).hexdigest()


def visitor_keys_24h(*, ip: str, user_agent: str, day: date) -> list[str]:
    """Today's key and yesterday's: a 24-hour window can span midnight."""
    return [
        visitor_key(ip=ip, user_agent=user_agent, day=day),
        visitor_key(ip=ip, user_agent=user_agent, day=day - timedelta(days=1)),
    ]


def utm_merge(target: str, *, source: str, campaign: str) -> str:
    """`target` with our UTM parameters merged into its query; other parameters and the
    fragment are kept, and any UTM values it had are replaced by ours."""
    parts = urlsplit(target)
    query = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if key not in UTM_KEYS
    ]
    query += [
        ("utm_source", source),
        ("utm_medium", "employee_advocacy"),
        ("utm_campaign", campaign),
    ]
    return urlunsplit(parts._replace(query=urlencode(query)))


def client_ip(request) -> str:
    return request.META.get("REMOTE_ADDR", "") or ""
