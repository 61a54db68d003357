"""The library: readable by everyone, the gate's missing steps, "For you" with reasons."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from taggit.models import Tag

from people.models import ConsentKind
from people.services import consent_set
from sharing.library import CARDS_PER_PAGE
from sharing.models import SharePostPage
from sharing.selectors import library_rank, posts_available
from sharing.services import post_retract, preferences_set, share_create
from tests.people.factories import DepartmentFactory, UserFactory
from tests.policies.factories import PolicyPageFactory
from tests.sharing.factories import advocate_make, hub_get, post_create

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def missing_steps(html: str) -> list[str]:
    return re.findall(r'class="gate-step is-missing" data-step="(\w+)"', html)


def test_a_new_employee_reads_the_library_sees_every_missing_step_and_no_share_buttons():
    PolicyPageFactory()
    post = post_create(title="Relay 5 is here", priority=True)
    user = UserFactory()
    library = client_for(user).get("/share/?view=all")
    assert library.status_code == 200
    html = library.content.decode()
    assert "Relay 5 is here" in html
    assert missing_steps(html) == ["certified", "policy", "opted_in"]
    assert 'href="/me/#consents"' in html
    page = client_for(user).get(post.url).content.decode()
    assert "Share on" not in page
    assert missing_steps(page) == ["certified", "policy", "opted_in"]


@pytest.mark.parametrize(
    ("skip", "missing"),
    [("certified", ["certified"]), ("policy", ["policy"]), ("opted_in", ["opted_in"])],
)
def test_each_missing_step_alone_locks_sharing(skip, missing):
    post = post_create()
    user = advocate_make(**{skip: False})
    client = client_for(user)
    html = client.get(post.url).content.decode()
    assert missing_steps(html) == missing
    assert "Share on LinkedIn" not in html
    assert client.get(f"/share/posts/{post.pk}/linkedin/").status_code == 403


def test_withdrawing_advocacy_locks_sharing_again():
    post = post_create()
    user = advocate_make()
    assert "Share on LinkedIn" in client_for(user).get(post.url).content.decode()
    consent_set(user=user, kind=ConsentKind.ADVOCACY, granted=False, source="test")
    assert "Share on LinkedIn" not in client_for(user).get(post.url).content.decode()


def test_for_you_ranks_by_fit_and_says_why():
    sales = DepartmentFactory(name="Sales", slug="sales")
    old = timezone.now() - timedelta(days=30)
    fits_all = post_create(
        title="Fits all",
        captions={"linkedin": ["a"]},
        departments=[sales],
        topics=("Product",),
        published_at=old,
    )
    network_only = post_create(title="Network only", captions={"linkedin": ["a"]}, published_at=old)
    nothing = post_create(title="Nothing", captions={"facebook": ["a"]}, published_at=old)
    priority = post_create(
        title="Priority", captions={"facebook": ["a"]}, priority=True, published_at=old
    )
    user = advocate_make(platforms=["linkedin"], department=sales)
    preferences_set(user=user, topic_ids=[Tag.objects.get(name="Product").pk])
    html = client_for(user).get("/share/").content.decode()
    assert html.index("Fits all") < html.index("Network only")
    assert "Nothing" not in html  # only under All posts
    assert "Priority" in html
    assert "You&#x27;re on LinkedIn (professional) · Sales · You follow Product" in html
    all_posts = client_for(user).get("/share/?view=all").content.decode()
    assert "Nothing" in all_posts
    del fits_all, network_only, nothing, priority


def test_already_shared_posts_sink_and_say_so():
    a = post_create(title="Alpha", captions={"linkedin": ["a"]})
    b = post_create(title="Bravo", captions={"linkedin": ["a"]})
    user = advocate_make()
    share_create(user=user, post=b, platform="linkedin", text="x")
    cards = library_rank(
        user=user,
        posts=list(posts_available(hub=hub_get())),
        networks=[("linkedin", "professional")],
        followed=set(),
        shared={b.pk: ["linkedin"]},
    )
    assert [card.post.pk for card in cards] == [a.pk, b.pk]
    html = client_for(user).get("/share/").content.decode()
    assert "You shared this on LinkedIn" in html


def test_new_posts_say_so_and_rank_above_older_equals():
    old = post_create(title="Older", published_at=timezone.now() - timedelta(days=20))
    new = post_create(title="Newer")
    cards = library_rank(
        user=UserFactory(),
        posts=[old, new],
        networks=[("linkedin", "professional")],
        followed=set(),
        shared={},
    )
    assert cards[0].post.pk == new.pk
    assert "New this week" in cards[0].reasons


def test_filters_by_network_and_topic_with_and_without_htmx():
    post_create(title="On X", captions={"x": ["a"]}, topics=("Hiring",))
    post_create(title="On LinkedIn", captions={"linkedin": ["a"]}, topics=("Product",))
    client = client_for(UserFactory())
    html = client.get("/share/?view=all&platform=x").content.decode()
    assert "On X" in html and "On LinkedIn" not in html
    html = client.get("/share/?view=all&topic=product").content.decode()
    assert "On LinkedIn" in html and "On X" not in html
    fragment = client.get(
        "/share/?view=all&platform=x",
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="library-results",
    ).content.decode()
    assert "<html" not in fragment and "On X" in fragment and 'id="library-results"' in fragment


def test_a_long_library_comes_in_pages_that_keep_the_filters_with_and_without_htmx():
    for index in range(CARDS_PER_PAGE + 2):
        post_create(title=f"Numbered {index}", captions={"x": ["a"]})
    post_create(title="Only on LinkedIn", captions={"linkedin": ["a"]})
    client = client_for(UserFactory())
    first = client.get("/share/?view=all&platform=x").content.decode()
    assert first.count('class="card post-card') == CARDS_PER_PAGE
    assert "Page 1 of 2" in first and "Previous page" not in first
    # The newest first: the two oldest are on the second page.
    assert "Numbered 1<" not in first and f"Numbered {CARDS_PER_PAGE + 1}<" in first
    link = "?view=all&amp;platform=x&amp;page=2"
    assert f'href="{link}"' in first and f'hx-get="{link}"' in first
    assert 'hx-target="#library-results"' in first
    second = client.get(
        "/share/?view=all&platform=x&page=2",
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="library-results",
    ).content.decode()
    assert "<html" not in second and 'id="library-results"' in second
    assert second.count('class="card post-card') == 2
    assert "Numbered 0<" in second and "Numbered 1<" in second
    assert "Only on LinkedIn" not in first + second and "Next page" not in second
    # A page past the end, or not a number, is the nearest real page.
    assert "Numbered 0<" in client.get("/share/?view=all&platform=x&page=9").content.decode()
    assert "Page 1 of 2" in client.get("/share/?view=all&page=x").content.decode()


def test_an_edited_post_shows_its_new_title_and_picture_on_its_card_at_once():
    post = post_create(title="Old title")
    client = client_for(UserFactory())
    assert "Old title" in client.get("/share/?view=all").content.decode()
    post = SharePostPage.objects.get(pk=post.pk)
    post.title = "New title"
    post.save_revision().publish()
    html = client.get("/share/?view=all").content.decode()
    assert "New title" in html and "Old title" not in html


def test_scheduled_expired_and_retracted_posts_are_not_in_the_library():
    post_create(title="Draft one", live=False)
    expired = post_create(title="Expired one")
    expired.unpublish(set_expired=True)
    retracted = post_create(title="Retracted one")
    post_retract(post=retracted, by=None, skip_permission_checks=True)
    post_create(title="Visible one")
    html = client_for(UserFactory()).get("/share/?view=all").content.decode()
    assert "Visible one" in html
    for title in ("Draft one", "Expired one", "Retracted one"):
        assert title not in html


@pytest.mark.parametrize("size", [3, 15])
def test_the_library_query_count_does_not_grow_with_posts(size, django_assert_max_num_queries):
    user = advocate_make(platforms=["linkedin", "x"])
    for index in range(size):
        post_create(captions={"linkedin": ["a"], "x": ["b"]}, topics=(f"T{index % 3}",))
    client = client_for(user)
    client.get("/share/")
    with django_assert_max_num_queries(24):
        assert client.get("/share/?view=all").status_code == 200
