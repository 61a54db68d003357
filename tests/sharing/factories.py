"""Library pages published the way the admin does, and people ready to share.

post = post_create(captions={"linkedin": ["A", "B"], "x": ["C"]})
user = advocate_make(platforms=["linkedin", "x"])   # certified, policy done, opted in
"""

from django.utils import timezone

from leaderboard.models import PointsSettings, ShareCredit
from people.models import ConsentKind
from people.services import consent_set, network_add
from sharing.models import Campaign, PostCaption, ShareHubPage, SharePostPage
from tests.courses.factories import home_page, make_certified
from tests.people.factories import UserFactory
from tests.policies.factories import PolicyPageFactory, acknowledge_current

_counter = {"n": 0}


def hub_get() -> ShareHubPage:
    hub = ShareHubPage.objects.first()
    if hub is None:
        hub = ShareHubPage(title="Share", slug="share")
        home_page().add_child(instance=hub)
        hub.save_revision().publish()
    return hub


def post_create(
    *,
    title: str | None = None,
    captions: dict[str, list[str]] | None = None,
    target_url: str = "https://northwind.example/news/item",
    topics: tuple[str, ...] = (),
    departments=(),
    priority: bool = False,
    campaign: Campaign | None = None,
    live: bool = True,
    published_at=None,
) -> SharePostPage:
    _counter["n"] += 1
    n = _counter["n"]
    post = SharePostPage(
        title=title or f"Post {n}",
        slug=f"post-{n}",
        summary="Something worth sharing.",
        target_url=target_url,
        priority=priority,
        campaign=campaign,
        live=False,
    )
    for platform, variants in (captions or {"linkedin": ["Proud of this one."]}).items():
        for text in variants:
            post.captions.add(PostCaption(platform=platform, text=text))
    if topics:
        post.topics.add(*topics)
    if departments:
        post.departments.set(departments)
    hub_get().add_child(instance=post)
    revision = post.save_revision()
    if live:
        revision.publish()
        if published_at is not None:
            SharePostPage.objects.filter(pk=post.pk).update(first_published_at=published_at)
    return SharePostPage.objects.get(pk=post.pk)


def advocate_make(
    user=None,
    *,
    platforms=("linkedin",),
    certified: bool = True,
    policy: bool = True,
    opted_in: bool = True,
    **fields,
):
    user = user or UserFactory(**fields)
    for platform in platforms:
        network_add(
            user=user,
            platform=platform,
            handle=f"@{user.username}-{platform}",
            audience="professional" if platform in {"linkedin", "xing"} else "personal",
            followers=100,
        )
    if certified:
        make_certified(user)
    PolicyPageFactory()
    if policy:
        acknowledge_current(user)
    if opted_in:
        consent_set(user=user, kind=ConsentKind.ADVOCACY, granted=True, source="test")
    return user


def points_on_confirm() -> None:
    """Credit a share's points when it is confirmed (the programme's other choice), for
    tests about the award itself rather than about waiting for a first reader."""
    settings = PointsSettings.load()
    settings.share_credit = ShareCredit.CONFIRM
    settings.save()


def now():
    return timezone.now()
