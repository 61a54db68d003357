"""What /share/ and confirming a share cost in queries, whatever the library's size, and
the library's cached snapshot of its posts: kept while nothing changes, built again as soon
as an editor changes anything it holds."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from sharing.models import PostCaption, Share, SharePostPage
from sharing.selectors import library_read
from sharing.services import post_retract, share_create
from tests.sharing.factories import advocate_make, hub_get, post_create
from tests.sharing.test_library_cards import card_html, image_make, pages_html, with_image

pytestmark = pytest.mark.django_db

# Session, person, the page (routing from the cache), one statement for the person's
# networks, shares, followed topics, advocacy consent and certificate
# (sharing.selectors.viewer), the policies they have yet to acknowledge, the bell. The
# posts come from the snapshot. (Ten before the one statement.)
LIBRARY_QUERIES = 6
# Session, person, the post and its captions; then share_create's transaction (two: BEGIN
# and COMMIT on SQLite, a savepoint inside the test's on PostgreSQL), its reads (the share
# made before?, the gate's three, the network, the personal cap, the week's earning
# shares), (the person's lock, PostgreSQL only,) the insert. Not the view's own gate.
CONFIRM_QUERIES = {"sqlite": 14, "postgresql": 15}


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def library_of(size: int, user) -> list[SharePostPage]:
    """`size` posts, every other one with its own picture, a third of them shared already."""
    posts = []
    for index in range(size):
        post = post_create(captions={"linkedin": ["a"], "x": ["b"]}, topics=(f"T{index % 3}",))
        if index % 2:
            post = with_image(post, image_make(f"Picture {index}"))
        if index % 3 == 0:
            share_create(user=user, post=post, platform="x", text="Shared before")
        posts.append(post)
    return posts


@pytest.mark.parametrize("size", [3, 30])
def test_the_library_costs_the_same_queries_for_3_and_30_posts(size, django_assert_num_queries):
    user = advocate_make(platforms=["linkedin", "x"])
    library_of(size, user)
    client = client_for(user)
    client.get("/share/")  # the first view makes the renditions and the snapshot
    for url in ("/share/", "/share/?view=all"):
        with django_assert_num_queries(LIBRARY_QUERIES):
            response = client.get(url)
        assert response.status_code == 200
    with django_assert_num_queries(LIBRARY_QUERIES):
        assert client.get("/share/?view=all&page=2").status_code == 200
    html = pages_html(client, "/share/?view=all")
    assert html.count('class="post-card-image"') == size // 2
    assert html.count("Shared on X: get the link") == len(range(0, size, 3))


@pytest.mark.parametrize("size", [3, 30])
def test_confirming_a_share_costs_the_same_queries_for_3_and_30_earlier_shares(
    size, django_assert_num_queries
):
    user = advocate_make(platforms=["linkedin", "x"])
    library_of(size, user)
    post = post_create(captions={"linkedin": ["Proud"]})
    client = client_for(user)
    data = {"text": "Proud", "include_disclosure": "on", "variant": "0"}
    with django_assert_num_queries(CONFIRM_QUERIES[connection.vendor]):
        response = client.post(f"/share/posts/{post.pk}/linkedin/", data, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    share = Share.objects.get(user=user, post=post)
    assert f"/l/{share.code}" in response.content.decode()


def test_confirming_again_after_the_gate_closed_is_still_refused():
    """share_create hands back a share made before without asking the gate; the view asks it
    then, so a closed step answers 403 as it did before the share."""
    from people.models import ConsentKind
    from people.services import consent_set

    user = advocate_make()
    post = post_create(captions={"linkedin": ["Proud"]})
    share_create(user=user, post=post, platform="linkedin", text="Proud")
    consent_set(user=user, kind=ConsentKind.ADVOCACY, granted=False, source="test")
    response = client_for(user).post(
        f"/share/posts/{post.pk}/linkedin/", {"text": "Proud", "include_disclosure": "on"}
    )
    assert response.status_code == 403
    assert Share.objects.filter(user=user).count() == 1


def test_a_post_published_after_the_library_was_read_is_in_it_at_once():
    client = client_for(advocate_make())
    post_create(title="First one")
    assert "First one" in client.get("/share/?view=all").content.decode()
    post_create(title="Second one")
    html = client.get("/share/?view=all").content.decode()
    assert "First one" in html and "Second one" in html


def test_retracted_unpublished_and_deleted_posts_leave_the_cached_library():
    client = client_for(advocate_make())
    retracted = post_create(title="Retracted one")
    unpublished = post_create(title="Unpublished one")
    deleted = post_create(title="Deleted one")
    html = client.get("/share/?view=all").content.decode()
    assert all(title in html for title in ("Retracted one", "Unpublished one", "Deleted one"))
    post_retract(post=retracted, by=None, skip_permission_checks=True)
    unpublished.unpublish()
    deleted.delete()
    html = client.get("/share/?view=all").content.decode()
    for title in ("Retracted one", "Unpublished one", "Deleted one"):
        assert title not in html


def test_an_edit_published_to_a_post_shows_on_its_card():
    client = client_for(advocate_make(platforms=["linkedin", "x"]))
    post = post_create(title="Before", captions={"linkedin": ["a"]})
    card = card_html(client.get("/share/?view=all").content.decode(), post)
    assert "Share on X" not in card and "<img" not in card
    post = SharePostPage.objects.get(pk=post.pk)
    post.title = "After"
    post.captions.add(PostCaption(platform="x", text="b"))
    post.image = image_make()
    post.topics.add("Hiring")
    post.save_revision().publish()
    card = card_html(client.get("/share/?view=all").content.decode(), post)
    assert "After" in card and "Before" not in card
    assert "Share on X" in card and "Hiring" in card
    assert 'class="post-card-image"' in card


def test_a_draft_edit_leaves_the_card_as_published():
    client = client_for(advocate_make())
    post = post_create(title="Published title")
    client.get("/share/?view=all")
    post = SharePostPage.objects.get(pk=post.pk)
    post.title = "Draft title"
    post.save_revision()
    html = client.get("/share/?view=all").content.decode()
    assert "Published title" in html and "Draft title" not in html


def test_a_post_past_its_expiry_leaves_the_snapshot_without_a_change():
    soon = timezone.now() + timedelta(hours=1)
    post = post_create(title="Expiring")
    SharePostPage.objects.filter(pk=post.pk).update(expire_at=soon)
    hub = hub_get()
    assert [p.pk for p in library_read(hub=hub).posts] == [post.pk]
    later = soon + timedelta(minutes=1)
    assert library_read(hub=hub, at=later).posts == []


def test_the_snapshot_is_read_without_queries_until_something_changes(django_assert_num_queries):
    hub = hub_get()
    post_create(title="One", topics=("Hiring",))
    first = library_read(hub=hub)
    with django_assert_num_queries(0):
        again = library_read(hub=hub)
    assert [p.pk for p in again.posts] == [p.pk for p in first.posts]
    assert [t.name for t in again.topics] == ["Hiring"]
    post_create(title="Two")
    assert len(library_read(hub=hub).posts) == 2
