"""Reads for the admin's page deletion: whose training records a page (or a page below
it) holds, so the admin can refuse to delete it (see courses.wagtail_hooks)."""

from django.db.models import Q
from wagtail.models import Page

from courses.models import Certificate, Enrolment, LessonCompletion, QuizAttempt


def people_with_records_under(*, page: Page) -> int:
    """How many people have training records (an enrolment, a lesson completion, a quiz
    attempt or a certificate) for `page` or any page below it. Five queries at most."""
    subtree = Page.objects.descendant_of(page, inclusive=True).values("pk")
    record_sets = (
        Enrolment.objects.filter(course__in=subtree),
        LessonCompletion.objects.filter(Q(lesson__in=subtree) | Q(course__in=subtree)),
        QuizAttempt.objects.filter(Q(quiz__in=subtree) | Q(course__in=subtree)),
        Certificate.objects.filter(course__in=subtree),
    )
    people: set[int] = set()
    for records in record_sets:
        people.update(records.values_list("user_id", flat=True).distinct())
    return len(people)
