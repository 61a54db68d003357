"""What training pages show the person looking at them, read as their templates render.

The selectors query the page models, so the pages cannot call them without an import
cycle; their templates ask through these tags instead (`{% load courses_tags %}`).
In a preview without a signed-in user they show a fresh learner's view.
"""

from django import template

from courses import selectors
from courses.estimates import quiz_minutes as _quiz_minutes
from courses.models import CourseIndexPage, CoursePage, LessonPage, QuizPage
from courses.quiz_rules import moment_label

register = template.Library()


def _person(context):
    user = getattr(context.get("request"), "user", None)
    return user if user is not None and user.is_authenticated else None


@register.simple_tag(takes_context=True)
def course_catalogue(context, index: CourseIndexPage) -> list[selectors.CourseProgress]:
    return selectors.catalogue_for(
        user=_person(context), index=index, request=context.get("request")
    )


@register.simple_tag(takes_context=True)
def course_progress(context, course: CoursePage) -> selectors.CourseProgress:
    return selectors.course_progress(
        user=_person(context), course=course, request=context.get("request")
    )


@register.simple_tag(takes_context=True)
def lesson_state(context, lesson: LessonPage) -> selectors.LessonState:
    return selectors.lesson_state(
        user=_person(context), lesson=lesson, request=context.get("request")
    )


@register.simple_tag(takes_context=True)
def quiz_state(context, quiz: QuizPage, course: CoursePage | None = None) -> selectors.QuizState:
    return selectors.quiz_state(user=_person(context), quiz=quiz, course=course)


@register.simple_tag(takes_context=True)
def certificate_history(context) -> list:
    """The signed-in person's certificates, newest first, each marked valid or renewed."""
    user = _person(context)
    return selectors.certificate_list(user=user) if user is not None else []


@register.filter
def moment(at) -> str:
    """A moment as people read it: "14:32" today, else "2 December, 14:32"."""
    return moment_label(at) if at else ""


@register.filter
def quiz_minutes(questions: int) -> int:
    """About how many minutes an attempt of this many questions takes."""
    return _quiz_minutes(questions)
