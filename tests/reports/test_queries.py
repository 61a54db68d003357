"""Query budgets: each report runs a fixed number of queries, however much data there is."""

import datetime

import pytest

from courses.models import AttemptAnswer, Enrolment, LessonCompletion, QuizAttempt
from people.models import ConsentKind
from people.services import consent_set
from reports.advocacy import advocacy_report
from reports.quiz import quiz_report
from reports.training import training_report
from sharing.models import Click, Share, Suggestion, SuggestionState, UAClass
from tests.courses.factories import (
    CertificateFactory,
    CoursePageFactory,
    LessonPageFactory,
    QuizPageFactory,
)
from tests.people.factories import DepartmentFactory, SocialNetworkFactory, UserFactory
from tests.reports.helpers import at
from tests.sharing.factories import post_create

pytestmark = pytest.mark.django_db

START, END = datetime.date(2026, 3, 1), datetime.date(2026, 3, 31)
TODAY = datetime.date(2026, 3, 20)
DAY = datetime.date(2026, 3, 10)
QUESTION = {
    "key": "q1",
    "type": "single",
    "text": "Which is fine to share?",
    "explanation": "",
    "choices": [
        {"id": "a", "text": "The press release", "correct": True},
        {"id": "b", "text": "The roadmap", "correct": False},
    ],
}


def _people(size: int) -> list:
    departments = [DepartmentFactory() for _ in range(2)]
    return [UserFactory(department=departments[i % 2]) for i in range(size)]


def _advocacy_data(size: int) -> None:
    posts = [post_create(title=f"Post {i}") for i in range(2)]
    for i, user in enumerate(_people(size)):
        consent_set(user=user, kind=ConsentKind.ADVOCACY, granted=True, source="test")
        CertificateFactory(user=user)
        SocialNetworkFactory(user=user, platform="linkedin", followers=10 * i)
        share = Share.objects.create(
            user=user,
            post=posts[i % 2],
            post_title=posts[i % 2].title,
            platform="linkedin",
            code=f"code{i}",
            caption="c",
            created_at=at(DAY),
        )
        Click.objects.create(
            share=share, at=at(DAY), visitor_key=f"v{i}", ua_class=UAClass.PERSON, credited=True
        )
        Suggestion.objects.create(
            user=user,
            url="https://example.com/x",
            note="n",
            state=SuggestionState.ACCEPTED if i % 2 else SuggestionState.PENDING,
            created_at=at(DAY),
        )


def _training_data(size: int) -> None:
    course = CoursePageFactory()
    lesson = LessonPageFactory(parent=course)
    for i, user in enumerate(_people(size)):
        Enrolment.objects.create(
            user=user,
            course=course,
            enrolled_at=at(DAY),
            completed_at=at(DAY) if i % 2 else None,
            due_on=datetime.date(2026, 3, 15),
        )
        LessonCompletion.objects.create(user=user, lesson=lesson, course=course)
        CertificateFactory(user=user, course=course, issued_at=at(DAY))


def _quiz_data(size: int) -> None:
    course = CoursePageFactory()
    quiz = QuizPageFactory(parent=course)
    for i, user in enumerate(_people(size)):
        attempt = QuizAttempt.objects.create(
            user=user,
            quiz=quiz,
            course=course,
            number=1,
            seed=1,
            questions=[QUESTION],
            pass_mark=50,
            feedback="end",
            submitted_at=at(DAY),
            passed=bool(i % 2),
        )
        AttemptAnswer.objects.create(
            attempt=attempt, position=0, choice_ids=["a" if i % 2 else "b"], correct=bool(i % 2)
        )


@pytest.mark.parametrize("size", [1, 8])
def test_advocacy_report_query_budget(size, django_assert_max_num_queries):
    _advocacy_data(size)
    with django_assert_max_num_queries(8):
        report = advocacy_report(start=START, end=END, today=TODAY)
    assert {f.label: f.value for f in report.figures}["Shares in the period"] == size


@pytest.mark.parametrize("size", [1, 8])
def test_training_report_query_budget(size, django_assert_max_num_queries):
    _training_data(size)
    # Seven, and one for the certificates expiring in the next 30 and 90 days.
    with django_assert_max_num_queries(8):
        report = training_report(start=START, end=END, today=TODAY)
    assert report.tables[0].rows[0]["enrolled"] == size


@pytest.mark.parametrize("size", [1, 8])
def test_quiz_report_query_budget(size, django_assert_max_num_queries):
    _quiz_data(size)
    # Attempts, answers, and the names of the people whose attempts were too fast to read.
    with django_assert_max_num_queries(3):
        report = quiz_report(start=START, end=END)
    assert report.tables[0].rows[0]["drawn"] == size
