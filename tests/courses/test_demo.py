"""The demo training: real pages, the onboarding rule, and varied histories."""

import io

import pytest

from courses.demo import seed
from courses.models import CoursePage, LessonPage, OnboardingRule, QuizAttempt, QuizPage
from courses.selectors import TrainingStatus, advocate_is_certified, training_overview
from home.demo import seed as home_seed
from people.demo import seed as people_seed
from people.models import User

pytestmark = pytest.mark.django_db


def test_demo_training_is_varied_and_idempotent():
    people_seed(stdout=io.StringIO())
    home_seed(stdout=io.StringIO())
    assert seed(stdout=io.StringIO()) > 0

    basic = CoursePage.objects.live().get(slug="social-media-basics")
    assert basic.certifies_advocates and basic.url_path.endswith("/training/social-media-basics/")
    assert LessonPage.objects.live().child_of(basic).count() >= 6
    quiz = QuizPage.objects.live().child_of(basic).get()
    assert len(quiz.questions) >= 14 and quiz.draw_count == 8 and quiz.pass_mark == 75
    assert CoursePage.objects.live().filter(slug="linkedin-for-professionals").exists()
    rule = OnboardingRule.objects.get(course=basic, department__isnull=True)
    assert rule.due_days == 14

    newhire = User.objects.get(username="newhire")
    [row] = training_overview(user=newhire).rows
    assert row.status == TrainingStatus.NOT_STARTED and row.done_steps == 0
    assert advocate_is_certified(user=User.objects.get(username="advocate"))

    others = User.objects.exclude(username__in=["hr", "newhire", "advocate"])
    certified = sum(advocate_is_certified(user=user) for user in others)
    assert certified >= 0.55 * others.count()
    statuses = [training_overview(user=user).rows[0].status for user in others]
    assert {TrainingStatus.COMPLETED, TrainingStatus.IN_PROGRESS, TrainingStatus.OVERDUE} <= set(
        statuses
    )
    assert QuizAttempt.objects.filter(passed=False).exists()

    assert seed(stdout=io.StringIO()) == 0


def test_demo_has_one_certificate_expiring_in_10_days_and_one_expired_once():
    from datetime import timedelta

    from django.utils import timezone

    from courses.demo_recertification import seed_recertification
    from courses.models import Certificate, Enrolment
    from courses.selectors import certificates_expiring, certification_lapse

    people_seed(stdout=io.StringIO())
    home_seed(stdout=io.StringIO())
    seed(stdout=io.StringIO())
    assert seed_recertification(stdout=io.StringIO()) == 2
    today = timezone.localdate()
    soon = Certificate.objects.get(expires_on=today + timedelta(days=10))
    expired = Certificate.objects.get(expires_on=today - timedelta(days=5))
    assert advocate_is_certified(user=soon.user)
    assert not advocate_is_certified(user=expired.user)
    enrolment = Enrolment.objects.get(user=expired.user, course=expired.course)
    assert enrolment.expired_certificate == expired and enrolment.completed_at is None
    assert certification_lapse(user=expired.user).due_on == today + timedelta(days=25)
    assert certificates_expiring(today=today).next_30_days >= 1

    before = list(Certificate.objects.values_list("pk", "expires_on").order_by("pk"))
    assert seed_recertification(stdout=io.StringIO()) == 0
    assert seed(stdout=io.StringIO()) == 0
    assert list(Certificate.objects.values_list("pk", "expires_on").order_by("pk")) == before
