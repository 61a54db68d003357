"""Demo library: the hub, 16 posts (live, scheduled, expired, retracted), a campaign,
suggestions in each state, and eight weeks of shares and clicks made through the real
services, so points and totals follow from that history."""

import random
from datetime import timedelta

from django.utils import timezone
from wagtail.models import Site

from notifications.demo import demo_notification
from people.models import Department, User
from sharing import demo_content
from sharing.clicks import click_record
from sharing.gate import sharing_allowed
from sharing.models import (
    Campaign,
    PostCaption,
    Share,
    ShareHubPage,
    SharePostPage,
    SharingPreferences,
    Suggestion,
)
from sharing.notices import PRIORITY_POST, SUGGESTION_DECIDED
from sharing.services import (
    SharingError,
    post_retract,
    preferences_set,
    share_create,
    suggestion_accept,
    suggestion_create,
    suggestion_decline,
)

INTRO = (
    "<p>Posts the communications team has approved for sharing, with suggested captions "
    "for each network. Sharing is always your choice, and always in your own words.</p>"
)
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


def _hub(created: list) -> ShareHubPage:
    hub = ShareHubPage.objects.first()
    if hub is not None:
        return hub
    home = Site.objects.get(is_default_site=True).root_page.specific
    hub = ShareHubPage(title="Share", slug="share", intro=INTRO)
    home.add_child(instance=hub)
    hub.save_revision().publish()
    created.append(hub)
    return hub


def _post(hub, data, campaigns, departments, created: list) -> SharePostPage:
    existing = SharePostPage.objects.filter(slug=data["slug"]).first()
    if existing is not None:
        return existing
    post = SharePostPage(
        title=data["title"],
        slug=data["slug"],
        summary=data["summary"],
        target_url=data["target_url"],
        campaign=campaigns.get(data["campaign"]) if data["campaign"] else None,
        priority=data["priority"],
        internal_note=data["internal_note"],
        live=False,
    )
    for platform, variants in data["captions"].items():
        for text in variants:
            post.captions.add(PostCaption(platform=platform, text=text))
    post.topics.add(*data["topics"])
    post.departments.set([departments[name] for name in data["departments"] if name in departments])
    hub.add_child(instance=post)
    created.append(post)
    return post


def _publish(post: SharePostPage, *, at, go_live_at=None) -> None:
    post.go_live_at = go_live_at
    revision = post.save_revision()
    revision.publish()
    if go_live_at is None:
        SharePostPage.objects.filter(pk=post.pk).update(first_published_at=at, last_published_at=at)
    post.refresh_from_db()


def _clicks(share: Share, rng: random.Random, *, until) -> int:
    """A plausible click history: people (some coming back), previews, bots, the sharer."""
    start = share.created_at
    span = max((until - start).total_seconds(), 3600)
    visitors = [
        (f"203.0.113.{rng.randint(1, 254)}", rng.choice(PERSON_AGENTS))
        for _ in range(rng.randint(0, 9))
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
    return len(requests)


def _share_history(user, posts, rng, *, now, count: int) -> int:
    made = 0
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
    for at, post, platform in planned:
        variants = post.variants(platform)
        variant = Share.objects.filter(post=post, platform=platform).count() % len(variants)
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
            made += 1
            _clicks(outcome.share, rng, until=min(now, at + timedelta(days=10)))
    return made


def seed(*, stdout) -> int:
    rng = random.Random(5)  # noqa: S311 - demo data, not security
    created: list = []
    now = timezone.now()
    hub = _hub(created)
    campaigns = {}
    for data in demo_content.CAMPAIGNS:
        campaign, was_created = Campaign.objects.get_or_create(
            slug=data["slug"], defaults={"name": data["name"]}
        )
        campaigns[data["slug"]] = campaign
        if was_created:
            created.append(campaign)
    departments = {d.name: d for d in Department.objects.all()}
    new_posts = []
    for index, data in enumerate(demo_content.POSTS):
        before = len(created)
        post = _post(hub, data, campaigns, departments, created)
        if len(created) == before:
            continue
        new_posts.append((post, data))
        if data["schedule"] == "scheduled":
            _publish(post, at=now, go_live_at=now + timedelta(days=3 + index))
        else:
            # Spread publication over the eight weeks; the newest few are "new this week".
            age = timedelta(days=max(1, 56 - index * 4), hours=rng.randint(0, 8))
            _publish(post, at=now - age)
    if not new_posts:
        return len(created)

    # The advocate follows two topics, so "For you" can say so.
    advocate = User.objects.filter(username="advocate").first()
    if advocate is not None and not SharingPreferences.objects.filter(user=advocate).exists():
        from taggit.models import Tag

        topics = Tag.objects.filter(name__in=["Product", "Culture"]).values_list("pk", flat=True)
        preferences_set(user=advocate, topic_ids=list(topics))

    # Shares: the advocate and other opted-in advocates past the gate, over eight weeks.
    live_posts = [post for post, data in new_posts if data["schedule"] != "scheduled"]
    sharers = [
        u for u in User.objects.filter(is_active=True).order_by("pk") if sharing_allowed(user=u)
    ]
    for user in sharers:
        count = 12 if user.username == "advocate" else rng.randint(3, 14)
        created.extend([user] * _share_history(user, live_posts, rng, now=now, count=count))

    for post, data in new_posts:
        if data["schedule"] == "expired":
            post.unpublish(set_expired=True)
            SharePostPage.objects.filter(pk=post.pk).update(expire_at=now - timedelta(days=4))
        elif data["schedule"] == "retracted":
            hr = User.objects.filter(username="hr").first()
            post_retract(post=post, by=hr)

    # Suggestions in each state, from a few colleagues.
    hr = User.objects.filter(username="hr").first()
    advocate = User.objects.filter(username="advocate").first()
    others = list(
        User.objects.exclude(username__in=["hr", "newhire", "advocate"]).order_by("pk")[:5]
    )
    suggesters = [advocate, *others] if advocate else others
    for index, data in enumerate(demo_content.SUGGESTIONS):
        if Suggestion.objects.filter(url=data["url"]).exists() or not suggesters:
            continue
        # The advocate made two of them (one waiting, one declined) and sees the outcomes.
        user = suggesters[0] if index % 2 == 0 else suggesters[index % len(suggesters)]
        at = now - timedelta(days=20 - index * 4)
        suggestion = suggestion_create(user=user, url=data["url"], note=data["note"], at=at)
        created.append(suggestion)
        if hr is None:
            continue
        if data["state"] == "accepted":
            suggestion_accept(suggestion=suggestion, by=hr, at=at + timedelta(days=1))
        elif data["state"] == "declined":
            suggestion_decline(
                suggestion=suggestion,
                by=hr,
                reason=data["decline_reason"],
                at=at + timedelta(days=2),
            )
    return len(created)


def seed_notices(*, stdout) -> int:
    """The advocate's sharing notices in the bell."""
    created = demo_notification(
        username="advocate",
        index=0,
        kind=PRIORITY_POST,
        title="New priority post: our spring product update",
        body="It fits your LinkedIn and Bluesky. Share it if you want to, in your own words.",
        url="/share/",
    )
    return created + demo_notification(
        username="advocate",
        index=1,
        kind=SUGGESTION_DECIDED,
        title="Your suggestion was accepted",
        body="Thanks: the communications team turned your idea into a post in the library.",
        url="/share/",
    )
