"""Demo history: eight weeks of shares and clicks by the advocates past the gate, made
through the real services so weekly caps, crediting and points follow from it."""

import random
from datetime import timedelta

from people.models import User
from sharing.gate import sharing_allowed
from sharing.models import Share, SharePostPage
from sharing.selectors import variant_next
from sharing.services import SharingError, click_record, share_create

WEEKS = 8
SHOWCASE = {"automation-budget-webinar", "relay-team-pricing"}
PERSON_AGENTS = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/18.1 Safari/605.1.15",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, "
    "like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
    "Mozilla/5.0 (Linux; Android 15; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0 Mobile Safari/537.36",
]
PREVIEW_AGENTS = [
    "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)",
    "Twitterbot/1.0",
    "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
    "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
]
BOT_AGENTS = ["python-requests/2.32", "Mozilla/5.0 (compatible; AhrefsBot/7.0)"]


def share_history_seed(*, posts: list[SharePostPage], rng: random.Random, now) -> list[Share]:
    """The advocate (12) and every other person past the gate (3 to 14) share `posts` over
    eight weeks, each share with a plausible click history. Returns the shares made."""
    sharers = [
        u for u in User.objects.filter(is_active=True).order_by("pk") if sharing_allowed(user=u)
    ]
    made = []
    for user in sharers:
        count = 12 if user.username == "advocate" else rng.randint(3, 14)
        made += _share_history(user, posts, rng, now=now, count=count)
    return made


def _clicks(share: Share, rng: random.Random, *, until, readers: bool = True) -> None:
    """A plausible click history: people (some coming back), previews, bots, the sharer.
    Without `readers`, only the link previews and robots have come so far."""
    start = share.created_at
    span = max((until - start).total_seconds(), 3600)
    visitors = [
        (f"203.0.113.{rng.randint(1, 254)}", rng.choice(PERSON_AGENTS))
        for _ in range(rng.randint(0, 9) if readers else 0)
    ]
    requests = [(ip, agent, "GET") for ip, agent in visitors]
    requests += [(ip, agent, "GET") for ip, agent in rng.sample(visitors, len(visitors) // 3)]
    requests += [
        ("198.51.100.7", rng.choice(PREVIEW_AGENTS), "GET") for _ in range(rng.randint(1, 2))
    ]
    if rng.random() < 0.3:
        requests.append(("198.51.100.9", rng.choice(BOT_AGENTS), "HEAD"))
    moments = sorted(start + timedelta(seconds=rng.uniform(60, span)) for _ in requests)
    for (ip, agent, method), at in zip(requests, moments, strict=True):
        click_record(code=share.code, method=method, user_agent=agent, ip=ip, at=at)
    if rng.random() < 0.4:  # the sharer checks their own link
        click_record(
            code=share.code,
            method="GET",
            user_agent=PERSON_AGENTS[0],
            ip="192.0.2.10",
            session_user_id=str(share.user_id),
            at=start + timedelta(minutes=3),
        )


def _share_history(user, posts, rng, *, now, count: int) -> list[Share]:
    """Up to `count` shares by `user`, in the order they happened, so weekly caps apply."""
    made = []
    platforms = set(user.networks.values_list("platform", flat=True))
    choices = [
        (post, platform)
        for post in posts
        for platform in post.caption_platforms()
        if platform in platforms
    ]
    rng.shuffle(choices)
    if user.username == "advocate":
        # The advocate also shared the posts that later expired and were retracted.
        first = [c for c in choices if c[0].slug in SHOWCASE and c[1] == "linkedin"]
        choices = first + [c for c in choices if c not in first]
    planned = []
    for post, platform in choices[:count]:
        published = post.first_published_at or now - timedelta(weeks=WEEKS)
        earliest = max(published, now - timedelta(weeks=WEEKS))
        planned.append((earliest + (now - earliest) * rng.uniform(0.05, 0.95), post, platform))
    planned.sort(key=lambda item: item[0])  # as they happened, so weekly caps apply in order
    waiting = None  # the advocate's one recent share still waiting for its first reader
    for at, post, platform in planned:
        variants = post.variants(platform)
        variant = variant_next(post=post, platform=platform)
        try:
            outcome = share_create(
                user=user,
                post=post,
                platform=platform,
                text=variants[variant],
                variant=variant,
                at=at,
            )
        except SharingError:
            continue
        if outcome.created:
            made.append(outcome.share)
            readers = True
            if (
                waiting is None
                and user.username == "advocate"
                and outcome.share.points_due_until is not None
                and now - at < timedelta(days=7)
                and post.slug not in SHOWCASE
            ):
                # So "My shares" shows a share waiting for its first reader.
                waiting, readers = outcome.share, False
            until = min(now, at + timedelta(days=10))
            _clicks(outcome.share, rng, until=until, readers=readers)
    return made
