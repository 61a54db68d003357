"""Deleting a page never deletes people's training records: the admin says why it cannot
delete a page that has them (or whose pages below have them) and offers to unpublish."""

import pytest
from django.db.models import ProtectedError
from django.urls import reverse
from wagtail.models import Page

from courses.models import AttemptAnswer, Certificate, Enrolment, LessonCompletion, QuizAttempt
from tests.courses.factories import make_certified
from tests.courses.helpers import answer_all, read_all, started_attempt
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db
REFUSED = "cannot be deleted: 1 person has training records for it"
BELOW = "cannot be deleted: 1 person has training records for it or the pages below it"


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def _delete_url(page) -> str:
    return reverse("wagtailadmin_pages:delete", args=[page.pk])


def _records() -> tuple[int, ...]:
    models = (Enrolment, LessonCompletion, QuizAttempt, AttemptAnswer, Certificate)
    return tuple(model.objects.count() for model in models)


def test_a_lesson_someone_completed_is_not_deleted_and_the_editor_is_told_why(
    admin_client, course_tree, learner
):
    _, lessons, _ = course_tree
    read_all(learner, lessons[:1])
    response = admin_client.get(_delete_url(lessons[0]))
    html = response.content.decode()
    assert response.status_code == 200
    assert f"“{lessons[0].title}” {REFUSED} (enrolments, completed lessons" in html
    assert "records are never deleted with a page" in html
    assert "Unpublish it instead" in html
    assert reverse("wagtailadmin_pages:unpublish", args=[lessons[0].pk]) in html
    assert "Yes, delete it" not in html

    response = admin_client.post(_delete_url(lessons[0]))
    assert response.status_code == 409
    assert REFUSED in response.content.decode()
    assert Page.objects.filter(pk=lessons[0].pk).exists()
    assert LessonCompletion.objects.filter(user=learner, lesson=lessons[0]).exists()


@pytest.mark.parametrize("target", ["course", "catalogue"])
def test_a_page_whose_pages_below_hold_records_is_not_deleted(
    admin_client, course_tree, learner, target
):
    course, lessons, quiz = course_tree
    attempt = answer_all(learner, started_attempt(learner, lessons, quiz), right=1)
    before = _records()
    page = course if target == "course" else course.get_parent()
    assert BELOW in admin_client.get(_delete_url(page)).content.decode()
    assert admin_client.post(_delete_url(page)).status_code == 409
    assert Page.objects.descendant_of(page, inclusive=True).count() == 1 + len(lessons) + 1 + (
        target == "catalogue"
    )
    assert _records() == before
    assert AttemptAnswer.objects.filter(attempt=attempt).count() == attempt.total


def test_a_course_with_only_a_certificate_is_not_deleted(admin_client, course_tree, learner):
    course, _, _ = course_tree
    make_certified(learner, course=course)
    assert admin_client.post(_delete_url(course)).status_code == 409
    assert Certificate.objects.filter(user=learner, course=course).exists()


def test_an_unpublished_page_with_records_says_it_is_already_unpublished(
    admin_client, course_tree, learner
):
    course, lessons, _ = course_tree
    read_all(learner, lessons[:1])
    course.unpublish()
    html = admin_client.get(_delete_url(course)).content.decode()
    assert BELOW in html and "It is already unpublished" in html


def test_a_page_without_records_still_deletes(admin_client, course_tree, learner):
    _, lessons, _ = course_tree
    read_all(learner, lessons[:1])  # records elsewhere in the course do not matter
    assert "Yes, delete it" in admin_client.get(_delete_url(lessons[2])).content.decode()
    response = admin_client.post(_delete_url(lessons[2]))
    assert response.status_code == 302
    assert not Page.objects.filter(pk=lessons[2].pk).exists()
    assert LessonCompletion.objects.filter(user=learner).count() == 1


def test_bulk_delete_refuses_pages_with_records(admin_client, course_tree, learner):
    _, lessons, _ = course_tree
    read_all(learner, lessons[:1])
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
    response = admin_client.post(f"{url}?id={lessons[0].pk}&id={lessons[1].pk}")
    assert response.status_code == 409
    assert f"“{lessons[0].title}” {REFUSED}" in response.content.decode()
    assert Page.objects.filter(pk__in=[lessons[0].pk, lessons[1].pk]).count() == 2


def test_records_protect_their_pages_outside_the_admin_too(course_tree, learner):
    course, lessons, _ = course_tree
    read_all(learner, lessons[:1])
    with pytest.raises(ProtectedError):
        Page.objects.get(pk=course.pk).delete()
    assert Enrolment.objects.filter(user=learner, course=course).exists()
