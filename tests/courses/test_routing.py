"""Wagtail pages routed from the cache (portal/routing.py), seen through lesson pages: a
warm request skips the site, tree-walk and restriction queries, and no change to the tree,
the site or the restrictions is ever answered from a stale entry."""

import pytest
from django.core.cache import cache
from django.db import transaction
from wagtail.models import PageViewRestriction, Site

from portal.routing import RESTRICTED_KEY, _generation
from tests.courses.factories import make_course
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(client):
    course, lessons, _ = make_course(lessons=2)
    client.force_login(UserFactory())
    return course, lessons


def _shows(response, lesson) -> bool:
    return response.status_code == 200 and f"<h1>{lesson.title}</h1>" in response.content.decode()


def test_a_warm_page_costs_one_routing_query(client, world, django_assert_num_queries):
    _, lessons = world
    url = lessons[0].get_url()
    assert _shows(client.get(url), lessons[0])
    cold = client.get(url)  # the bell and the session are warm now too
    assert _shows(cold, lessons[0])
    with django_assert_num_queries(5) as captured:
        assert _shows(client.get(url), lessons[0])
    tables = " ".join(q["sql"] for q in captured.captured_queries)
    assert "wagtailcore_site" not in tables and "wagtailcore_pageviewrestriction" not in tables


def test_a_moved_or_renamed_page_is_found_at_its_new_address(client, world):
    course, lessons = world
    old_url = lessons[0].get_url()
    assert _shows(client.get(old_url), lessons[0])
    lessons[0].slug = "renamed"
    lessons[0].save_revision().publish()
    lessons[0].refresh_from_db()
    assert client.get(old_url).status_code == 404
    assert _shows(client.get(lessons[0].get_url()), lessons[0])
    other, _, _ = make_course(lessons=1)
    lessons[1].move(other, pos="last-child")
    lessons[1].refresh_from_db()
    assert client.get(f"{course.get_url()}{lessons[1].slug}/").status_code == 404
    assert _shows(client.get(lessons[1].get_url()), lessons[1])


def test_an_unpublished_page_is_gone_at_once(client, world):
    _, lessons = world
    url = lessons[0].get_url()
    assert _shows(client.get(url), lessons[0])
    lessons[0].unpublish()
    assert client.get(url).status_code == 404
    assert client.get(url).status_code == 404


def test_an_address_with_no_page_stays_not_found(client, world):
    course, _ = world
    url = f"{course.get_url()}no-such-lesson/"
    assert client.get(url).status_code == 404
    assert client.get(url).status_code == 404


def test_a_new_view_restriction_applies_at_once_and_a_removed_one_lifts(client, world):
    course, lessons = world
    url = lessons[0].get_url()
    assert _shows(client.get(url), lessons[0])
    restriction = PageViewRestriction.objects.create(
        page=course, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    response = client.get(url)
    assert not _shows(response, lessons[0]) and 'name="password"' in response.content.decode()
    restriction.delete()
    assert _shows(client.get(url), lessons[0])


@pytest.mark.django_db(transaction=True)
def test_a_restriction_committed_while_a_request_read_the_old_rows_still_applies(client):
    """The token changes again after commit: a value read before it is never kept."""
    course, lessons, _ = make_course(lessons=1)
    client.force_login(UserFactory())
    url = lessons[0].get_url()
    assert _shows(client.get(url), lessons[0])
    with transaction.atomic():
        PageViewRestriction.objects.create(
            page=course, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
        )
        # What a request that read the table just before this commit would have cached.
        cache.set(RESTRICTED_KEY, (_generation({}), False), 60)
    assert not _shows(client.get(url), lessons[0])


def test_a_new_site_root_is_used_at_once(client, world):
    course, lessons = world
    assert _shows(client.get(lessons[0].get_url()), lessons[0])
    site = Site.objects.get(is_default_site=True)
    site.root_page = course
    site.save()
    # The course is now the site's home: its lesson sits directly under /.
    assert _shows(client.get(f"/{lessons[0].slug}/"), lessons[0])
