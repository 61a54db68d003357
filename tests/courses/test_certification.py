from datetime import timedelta

import pytest
from django.utils import timezone

from courses.selectors import advocate_is_certified, certificate_list
from tests.courses.factories import CoursePageFactory, make_certified
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_make_certified_makes_a_certified_advocate():
    user = UserFactory()
    assert not advocate_is_certified(user=user)
    certificate = make_certified(user)
    assert advocate_is_certified(user=user)
    assert [(c, c.valid) for c in certificate_list(user=user)] == [(certificate, True)]


def test_an_expired_certificate_no_longer_counts():
    user = UserFactory()
    make_certified(user, expires_on=timezone.localdate() - timedelta(days=1))
    assert not advocate_is_certified(user=user)
    assert [c.valid for c in certificate_list(user=user)] == [False]


def test_a_certificate_valid_until_today_still_counts():
    user = UserFactory()
    make_certified(user, expires_on=timezone.localdate())
    assert advocate_is_certified(user=user)


def test_a_certificate_from_a_course_that_does_not_certify_does_not_count():
    user = UserFactory()
    make_certified(user, course=CoursePageFactory(certifies_advocates=False))
    assert not advocate_is_certified(user=user)


def test_someone_elses_certificate_does_not_count():
    make_certified(UserFactory())
    assert not advocate_is_certified(user=UserFactory())
