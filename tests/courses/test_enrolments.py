"""Onboarding rules, enrolments, progress and status, the dashboard step, records."""

from datetime import timedelta

import pytest
from django.utils import timezone

from courses.models import (
    CoursePage,
    Enrolment,
    EnrolmentSource,
    LessonCompletion,
    LessonPage,
    QuizPage,
)
from courses.selectors import TrainingStatus, course_progress, enrolment_status, training_overview
from courses.services import enrolment_create, lesson_complete, onboarding_rule_create
from home.selectors import dashboard_steps
from leaderboard.models import LedgerEntry, Reason
from people.records import personal_data_export
from tests.courses.factories import make_certified, make_course
from tests.people.factories import DepartmentFactory, UserFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.mark.parametrize(
    ("completed", "started", "due", "expected"),
    [
        (False, False, None, TrainingStatus.NOT_STARTED),
        (False, True, 3, TrainingStatus.IN_PROGRESS),
        (False, True, -1, TrainingStatus.OVERDUE),
        (False, False, -1, TrainingStatus.OVERDUE),
        (False, False, 0, TrainingStatus.NOT_STARTED),
        (True, True, -5, TrainingStatus.COMPLETED),
    ],
)
def test_status(completed, started, due, expected):
    due_on = TODAY + timedelta(days=due) if due is not None else None
    status = enrolment_status(completed=completed, started=started, due_on=due_on, today=TODAY)
    assert status == expected


def test_adding_a_rule_enrols_matching_employees_with_due_dates(course_tree):
    course, _, _ = course_tree
    sales, finance = DepartmentFactory(), DepartmentFactory()
    veteran = UserFactory(department=sales, joined_on=TODAY - timedelta(days=400))
    recent = UserFactory(department=sales, joined_on=TODAY - timedelta(days=3))
    other = UserFactory(department=finance)
    rule, enrolled = onboarding_rule_create(course=course, department=sales, due_days=14)
    assert enrolled == 2
    due = dict(Enrolment.objects.filter(course=course).values_list("user_id", "due_on"))
    assert due[veteran.pk] == TODAY + timedelta(days=14)  # from the rule's start
    assert due[recent.pk] == TODAY + timedelta(days=11)  # from joining
    assert other.pk not in due
    assert Enrolment.objects.filter(rule=rule, source=EnrolmentSource.RULE).count() == 2


def test_a_new_employee_is_enrolled_by_the_rules_that_match(course_tree):
    course, _, _ = course_tree
    onboarding_rule_create(course=course, due_days=10)
    newcomer = UserFactory(joined_on=TODAY)
    enrolment = Enrolment.objects.get(user=newcomer, course=course)
    assert enrolment.due_on == TODAY + timedelta(days=10)


def test_an_existing_enrolment_is_kept_when_a_rule_is_added(course_tree, learner):
    course, _, _ = course_tree
    enrolment_create(user=learner, course=course, due_on=TODAY + timedelta(days=60))
    onboarding_rule_create(course=course, due_days=5)
    assert Enrolment.objects.get(user=learner).due_on == TODAY + timedelta(days=60)


def test_lesson_completion_is_idempotent_and_awards_points_once(course_tree, learner):
    course, lessons, _ = course_tree
    first, created = lesson_complete(user=learner, lesson=lessons[0])
    again, created_again = lesson_complete(user=learner, lesson=lessons[0])
    assert created and not created_again and first == again
    assert LessonCompletion.objects.filter(user=learner).count() == 1
    entries = LedgerEntry.objects.filter(user=learner, reason=Reason.LESSON_COMPLETED)
    assert list(entries.values_list("key", flat=True)) == [f"lesson:{learner.pk}:{lessons[0].pk}"]
    # Completing a lesson of a course you were not enrolled in enrols you.
    assert Enrolment.objects.get(user=learner, course=course).source == EnrolmentSource.SELF


def test_progress_counts_lessons_and_the_quiz_and_points_to_the_next_step(course_tree, learner):
    course, lessons, quiz = course_tree
    progress = course_progress(user=learner, course=course)
    assert (progress.done_steps, progress.total_steps, progress.percent) == (0, 4, 0)
    assert progress.next_step[0] == lessons[0].title
    lesson_complete(user=learner, lesson=lessons[0])
    lesson_complete(user=learner, lesson=lessons[2])
    progress = course_progress(user=learner, course=course)
    assert (progress.done_steps, progress.percent, progress.status) == (
        2,
        50,
        TrainingStatus.IN_PROGRESS,
    )
    assert progress.next_step[0] == lessons[1].title
    lesson_complete(user=learner, lesson=lessons[1])
    assert course_progress(user=learner, course=course).next_step[0] == quiz.title


def test_unpublished_lessons_do_not_count(course_tree, learner):
    course, lessons, _ = course_tree
    lessons[2].unpublish()
    assert course_progress(user=learner, course=course).total_steps == 3


def test_dashboard_step_reports_progress_and_due_date_then_certification(course_tree, learner):
    course, lessons, _ = course_tree
    enrolment_create(user=learner, course=course, due_on=TODAY + timedelta(days=5))
    lesson_complete(user=learner, lesson=lessons[0])
    step = next(s for s in dashboard_steps(user=learner) if s.key == "training")
    assert not step.done and step.status.startswith("1 of 4 steps · Due")
    assert step.action == "Continue" and step.url.endswith(f"/{lessons[1].slug}/")
    learner = type(learner).objects.get(pk=learner.pk)  # a fresh request's user
    make_certified(learner, course=course)
    step = next(s for s in dashboard_steps(user=learner) if s.key == "training")
    assert step.done and step.status.startswith("Certified on")


def test_overview_lists_enrolments_and_certificates(course_tree, learner):
    course, _, _ = course_tree
    enrolment_create(user=learner, course=course, due_on=TODAY - timedelta(days=1))
    overview = training_overview(user=learner)
    assert [row.status for row in overview.rows] == [TrainingStatus.OVERDUE]


def test_personal_data_export_holds_training_records(course_tree, learner):
    course, lessons, _ = course_tree
    lesson_complete(user=learner, lesson=lessons[0])
    make_certified(learner, course=course)
    data = personal_data_export(user=learner)["training"]
    assert data["enrolments"][0]["course"] == course.title
    assert data["lessons_completed"][0]["lesson"] == lessons[0].title
    assert data["certificates"][0]["verification_code"]
    other = personal_data_export(user=UserFactory())["training"]
    assert other == {
        "enrolments": [],
        "lessons_completed": [],
        "quiz_attempts": [],
        "certificates": [],
    }


def test_make_course_builds_a_tree_only_the_right_way():
    course, _, _ = make_course(lessons=1)
    assert LessonPage.can_create_at(course) and not QuizPage.can_create_at(course)
    assert not CoursePage.can_create_at(course)
    assert CoursePage.parent_page_types == ["courses.CourseIndexPage"]
