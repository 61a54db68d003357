"""Progress reads a person's completions and quiz attempts together, in one query, and
builds the step URLs from one read of the site root paths."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from courses.models import QuizAttempt
from courses.selectors import progress_for
from courses.services import enrolment_create, lesson_complete
from tests.courses.factories import make_course
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db


def _attempt(user, quiz, number: int, *, submitted_at=None, passed=None) -> QuizAttempt:
    return QuizAttempt.objects.create(
        user=user,
        quiz=quiz,
        course=quiz.get_parent().specific,
        number=number,
        seed=number,
        questions=[],
        pass_mark=80,
        feedback="end",
        submitted_at=submitted_at,
        passed=passed,
    )


def test_completions_and_attempts_are_read_in_one_query(django_assert_num_queries):
    user = UserFactory()
    now = timezone.now()
    retried, retried_lessons, retried_quiz = make_course(lessons=2)
    waiting, _, waiting_quiz = make_course(lessons=1, wait_minutes=60)
    untouched, _, _ = make_course(lessons=1)
    lesson_complete(user=user, lesson=retried_lessons[0])
    _attempt(user, retried_quiz, 1, submitted_at=now - timedelta(hours=3), passed=True)
    _attempt(user, retried_quiz, 2, submitted_at=now - timedelta(hours=2), passed=False)
    _attempt(user, retried_quiz, 3)
    _attempt(user, waiting_quiz, 1, submitted_at=now - timedelta(minutes=1), passed=False)
    _attempt(UserFactory(), waiting_quiz, 1, submitted_at=now, passed=True)
    courses = [retried, waiting, untouched]
    enrolments = {c.pk: enrolment_create(user=user, course=c)[0] for c in courses}
    progress_for(user=user, courses=courses, enrolments=enrolments)  # the steps are cached
    with django_assert_num_queries(1):
        progress = progress_for(user=user, courses=courses, enrolments=enrolments)
    assert [lesson.done for lesson in progress[retried.pk].lessons] == [True, False]
    assert progress[retried.pk].quiz_passed and progress[retried.pk].attempt_open
    assert progress[retried.pk].last_submitted_at == now - timedelta(hours=2)
    assert progress[waiting.pk].attempted and not progress[waiting.pk].quiz_passed
    assert not progress[waiting.pk].attempt_open
    assert progress[waiting.pk].next_attempt_at is not None
    assert not progress[untouched.pk].attempted and progress[untouched.pk].lessons_done == 0


def test_the_urls_come_from_one_read_of_the_site_root_paths(monkeypatch):
    user = UserFactory()
    course, lessons, quiz = make_course(lessons=3)
    progress_for(user=user, courses=[course])
    reads = []
    real_get = cache.get

    def counting_get(key, *args, **kwargs):
        reads.append(key)
        return real_get(key, *args, **kwargs)

    monkeypatch.setattr(cache, "get", counting_get)
    progress = progress_for(user=user, courses=[course])[course.pk]
    assert reads.count("wagtail_site_root_paths") == 1
    assert [item.url for item in progress.lessons] == [lesson.get_url() for lesson in lessons]
    assert progress.quiz.url == quiz.get_url() and progress.url == course.get_url()


def test_the_dashboards_enrolments_read_says_what_the_orm_said():
    """enrolments_with_courses (written by hand) against the select_related query it
    replaced: the same enrolments of live courses in the same order, with each course's
    title, URL, tree position and certifying flag, and the expired certificate."""
    from courses.models import Enrolment
    from courses.selectors.overview import enrolments_with_courses
    from tests.courses.factories import make_certified

    user, other = UserFactory(), UserFactory()
    first, _, _ = make_course(lessons=1)
    second, _, _ = make_course(lessons=1, certifies=False)
    gone, _, _ = make_course(lessons=1)
    for course, due in ((first, 9), (second, 3), (gone, 1)):
        enrolment_create(user=user, course=course, due_on=timezone.localdate() + timedelta(due))
    enrolment_create(user=other, course=first)
    expired = make_certified(user, course=first, expires_on=timezone.localdate() - timedelta(1))
    Enrolment.objects.filter(user=user, course=first).update(
        completed_at=timezone.now(), expired_certificate=expired
    )
    gone.unpublish()

    mine = enrolments_with_courses(user=user)
    orm = list(
        Enrolment.objects.filter(user=user, course__live=True)
        .select_related("course", "expired_certificate")
        .order_by("completed_at", "due_on", "enrolled_at")
    )
    assert [e.pk for e in mine] == [e.pk for e in orm] and len(mine) == 2
    for read, expected in zip(mine, orm, strict=True):
        assert read.due_on == expected.due_on and read.completed_at == expected.completed_at
        course = read.course
        assert (course.title, course.url_path, course.path, course.depth) == (
            expected.course.title, expected.course.url_path,
            expected.course.path, expected.course.depth,
        )  # fmt: skip
        assert course.certifies_advocates == expected.course.certifies_advocates
        assert course.get_url() == expected.course.get_url()
        assert read.expired_certificate == expected.expired_certificate
    assert {e.course_id: e.expired_certificate for e in mine}[first.pk].code == expired.code
