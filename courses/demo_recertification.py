"""Demo recertification: colleagues who certified two years ago, so the certificate
report, the expiry reminders and re-enrolment have something to show."""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from courses import demo_content
from courses.demo import take_quiz
from courses.models import Certificate, CoursePage, Enrolment, LessonPage, QuizPage
from courses.services import certificate_expire, lesson_complete
from people.models import User

# Recertification in the demo: one certificate expiring in 10 days, one expired 5 days ago
# (its holder re-enrolled, due 25 days from now). Days relative to the seed's first run.
RECERT_DAYS = (10, -5)
NAMED_USERS = ["advocate", "hr", "newhire", "editor", "moderator", "programme", "reports"]


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _certified_long_ago(user, lessons, quiz, *, expires_on: date) -> Certificate:
    """A full history two years back, so the certificate (valid 24 months) expires on
    `expires_on`."""
    issued_day = _years_before(expires_on, 2)
    at = timezone.make_aware(datetime.combine(issued_day, time(10)))
    start = at - timedelta(hours=1)
    Enrolment.objects.filter(user=user, course__pk=quiz.get_parent().pk).update(enrolled_at=start)
    for number, lesson in enumerate(lessons):
        lesson_complete(user=user, lesson=lesson, at=start + timedelta(minutes=9 * number))
    attempt = take_quiz(user, quiz, at=at, right=quiz.draw_count)
    return Certificate.objects.get(attempt=attempt)


def seed_recertification(*, stdout) -> int:
    """Two colleagues who certified two years ago: one certificate expires in 10 days, the
    other expired and its holder is enrolled again. Once: a later run finds them."""
    basic = CoursePage.objects.filter(slug=demo_content.BASIC_COURSE["slug"]).first()
    if basic is None or not basic.certificate_validity_months:
        return 0
    if Certificate.objects.filter(
        course=basic, issued_at__lt=timezone.now() - timedelta(days=365)
    ).exists():
        return 0
    quiz = QuizPage.objects.live().child_of(basic).get()
    lessons = list(LessonPage.objects.live().child_of(basic).order_by("path"))
    candidates = (
        User.objects.filter(is_active=True)
        .exclude(username__in=NAMED_USERS)
        .exclude(quiz_attempts__quiz=quiz)
        .order_by("joined_on", "pk")[: len(RECERT_DAYS)]
    )
    today = timezone.localdate()
    changed = 0
    for user, days in zip(candidates, RECERT_DAYS, strict=False):
        certificate = _certified_long_ago(
            user, lessons, quiz, expires_on=today + timedelta(days=days)
        )
        if days < 0:
            certificate_expire(certificate=certificate)
        changed += 1
    return changed
