"""Demo library: the hub, 16 posts (live, scheduled, expired, retracted), a campaign,
suggestions in each state, and eight weeks of shares and clicks made through the real
services, so points and totals follow from that history."""

import random
from datetime import timedelta
from enum import StrEnum

from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Site

from notifications.demo import demo_notifications_date
from people.models import Department, User
from sharing import demo_content
from sharing.demo_history import share_history_seed
from sharing.demo_images import demo_image
from sharing.models import (
    Campaign,
    PostCaption,
    ShareHubPage,
    SharePostPage,
    SharingPreferences,
    Suggestion,
    SuggestionState,
)
from sharing.services import (
    post_retract,
    preferences_set,
    suggestion_accept,
    suggestion_create,
    suggestion_decline,
)

INTRO = (
    "<p>Posts the communications team has approved for sharing, with suggested captions "
    "for each network. Sharing is always your choice, and always in your own words.</p>"
)


class Schedule(StrEnum):
    """What happens to a demo post (its "schedule" in demo_content.POSTS)."""

    LIVE = "live"
    SCHEDULED = "scheduled"  # goes live in a few days
    EXPIRED = "expired"
    RETRACTED = "retracted"


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
        image=demo_image(slug=data["slug"], title=data["title"]),
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
        # A priority post's notices (sent on publication) date from its publication too.
        demo_notifications_date(key_prefix=f"priority:{post.pk}:", at=at)
    post.refresh_from_db()


def seed(*, stdout) -> int:
    rng = random.Random(5)  # noqa: S311 - demo data, not security
    created: list = []
    now = timezone.now()
    new_posts = _library(created, rng, now=now)
    if not new_posts:
        return len(created)
    _advocate_follows()
    live_posts = [post for post, data in new_posts if data["schedule"] != Schedule.SCHEDULED]
    created.extend(share_history_seed(posts=live_posts, rng=rng, now=now))
    _expire_and_retract(new_posts, now=now)
    _suggestions(created, now=now)
    return len(created)


def _campaigns(created: list) -> dict[str, Campaign]:
    campaigns = {}
    for data in demo_content.CAMPAIGNS:
        campaign, was_created = Campaign.objects.get_or_create(
            slug=data["slug"], defaults={"name": data["name"]}
        )
        campaigns[data["slug"]] = campaign
        if was_created:
            created.append(campaign)
    return campaigns


def _library(created: list, rng: random.Random, *, now) -> list[tuple[SharePostPage, dict]]:
    """The hub, the campaigns and the posts not there yet, published: the posts it made."""
    hub = _hub(created)
    campaigns = _campaigns(created)
    departments = {d.name: d for d in Department.objects.all()}
    new_posts = []
    for index, data in enumerate(demo_content.POSTS):
        before = len(created)
        post = _post(hub, data, campaigns, departments, created)
        if len(created) == before:
            continue
        new_posts.append((post, data))
        if data["schedule"] == Schedule.SCHEDULED:
            _publish(post, at=now, go_live_at=now + timedelta(days=3 + index))
        else:
            # Spread publication over the eight weeks; the newest few are "new this week".
            age = timedelta(days=max(1, 56 - index * 4), hours=rng.randint(0, 8))
            _publish(post, at=now - age)
    return new_posts


def _advocate_follows() -> None:
    """The advocate follows two topics, so "For you" can say so."""
    advocate = User.objects.filter(username="advocate").first()
    if advocate is not None and not SharingPreferences.objects.filter(user=advocate).exists():
        topics = Tag.objects.filter(name__in=["Product", "Culture"]).values_list("pk", flat=True)
        preferences_set(user=advocate, topic_ids=list(topics))


def _expire_and_retract(new_posts: list[tuple[SharePostPage, dict]], *, now) -> None:
    hr = User.objects.filter(username="hr").first()
    for post, data in new_posts:
        if data["schedule"] == Schedule.EXPIRED:
            post.unpublish(set_expired=True)
            SharePostPage.objects.filter(pk=post.pk).update(expire_at=now - timedelta(days=4))
        elif data["schedule"] == Schedule.RETRACTED:
            post_retract(post=post, by=hr, skip_permission_checks=True)  # the seed, as HR


def _suggestions(created: list, *, now) -> None:
    """Suggestions in each state, from a few colleagues; hr decides them."""
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
        if data["state"] == SuggestionState.ACCEPTED:
            suggestion_accept(suggestion=suggestion, by=hr, at=at + timedelta(days=1))
        elif data["state"] == SuggestionState.DECLINED:
            suggestion_decline(
                suggestion=suggestion,
                by=hr,
                reason=data["decline_reason"],
                at=at + timedelta(days=2),
            )
