"""The library's one-statement reading of the person looking says what the five readings it
replaced say: networks in order, shares newest first, followed topics, the advocacy
consent and a valid advocate certificate."""

from datetime import timedelta

import pytest
from django.utils import timezone
from taggit.models import Tag

from courses.selectors import advocate_is_certified
from people.models import ConsentKind
from people.selectors import consent_current, network_list
from people.services import consent_set, network_add
from sharing.selectors import library_viewer, shares_by_post, topics_followed
from sharing.services import preferences_set, share_create
from tests.courses.factories import CoursePageFactory, make_certified
from tests.people.factories import UserFactory
from tests.sharing.factories import advocate_make, post_create

pytestmark = pytest.mark.django_db


def the_five_readings(user) -> tuple:
    return (
        list(network_list(user=user).values_list("platform", "audience")),
        shares_by_post(user=user),
        {tag.pk for tag in topics_followed(user=user)},
        consent_current(user=user)[ConsentKind.ADVOCACY],
        advocate_is_certified(user=user),
    )


def read(user) -> tuple:
    state = library_viewer(user=user, day=timezone.localdate())
    return (state.networks, state.shared, state.followed, state.opted_in, state.certified)


def test_a_newcomer_has_nothing_and_no_step_done():
    user = UserFactory()
    assert read(user) == ([], {}, set(), False, False) == the_five_readings(user)


def test_an_advocate_reads_the_same_as_the_five_readings():
    user = advocate_make(platforms=["x", "linkedin"])
    network_add(
        user=user, platform="linkedin", handle="@a-second", audience="personal", followers=3
    )
    captions = {"linkedin": ["A"], "x": ["B"]}
    first, second = post_create(captions=captions), post_create(captions=captions)
    share_create(user=user, post=first, platform="x", text="Earlier")
    share_create(user=user, post=second, platform="linkedin", text="Other")
    share_create(user=user, post=first, platform="linkedin", text="Later")
    topics = [Tag.objects.create(name=name, slug=name.lower()) for name in ("Culture", "Jobs")]
    preferences_set(user=user, topic_ids=[topics[1].pk])
    someone_else = advocate_make(platforms=["x"])
    share_create(user=someone_else, post=second, platform="x", text="Not mine")

    state = read(user)
    assert state == the_five_readings(user)
    networks, shared, followed, opted_in, certified = state
    assert networks == [
        ("linkedin", "personal"),
        ("linkedin", "professional"),
        ("x", "personal"),
    ]  # by platform, then handle
    assert shared == {first.pk: ["linkedin", "x"], second.pk: ["linkedin"]}  # newest first
    assert followed == {topics[1].pk}
    assert opted_in and certified


def test_an_opt_out_and_a_lapsed_certificate_close_their_steps():
    user = advocate_make(certified=False)
    make_certified(user, expires_on=timezone.localdate() - timedelta(days=1))
    consent_set(user=user, kind=ConsentKind.ADVOCACY, granted=False, source="test")
    assert read(user)[3:] == (False, False) == the_five_readings(user)[3:]

    make_certified(user, expires_on=timezone.localdate())  # valid through today
    consent_set(user=user, kind=ConsentKind.ADVOCACY, granted=True, source="test")
    assert read(user)[3:] == (True, True) == the_five_readings(user)[3:]


def test_a_certificate_of_a_course_that_does_not_certify_advocates_is_not_one():
    user = advocate_make(certified=False)
    make_certified(user, course=CoursePageFactory(certifies_advocates=False))
    assert read(user)[4] is False
    assert the_five_readings(user)[4] is False
