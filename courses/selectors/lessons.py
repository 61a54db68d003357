"""Reads for a lesson page: where the lesson sits in its course and what comes next."""

from dataclasses import dataclass

from django.http import HttpRequest
from wagtail.models import Page

from courses.models import CoursePage, LessonPage
from courses.selectors.steps import (
    LessonItem,
    QuizItem,
    completed_lesson_ids,
    course_steps,
    lesson_items,
    quiz_item,
)
from people.models import User


@dataclass
class LessonState:
    course: CoursePage
    training_url: str | None  # the course catalogue's
    lessons: list[LessonItem]
    quiz: QuizItem | None
    lesson_number: int
    previous_lesson: LessonItem | None
    next_lesson: LessonItem | None
    completed: bool


def lesson_state(
    *, user: User | None, lesson: LessonPage, request: HttpRequest | None = None
) -> LessonState:
    """The lesson's course and catalogue, its number among the course's live lessons, the
    lessons before and after it (or the quiz after the last), and whether `user` (None: a
    fresh learner) completed it. Five queries, however many lessons."""
    course = CoursePage.objects.parent_of(lesson).get()
    catalogue = Page.objects.parent_of(course).only("url_path").get()
    lessons, quizzes = course_steps(courses=[course])
    done = completed_lesson_ids(user=user, course_ids=[course.pk])
    items = lesson_items(lessons=lessons[course.pk], done=done, request=request)
    index = next((i for i, item in enumerate(items) if item.pk == lesson.pk), 0)
    current = items[index] if items else None
    return LessonState(
        course=course,
        training_url=catalogue.get_url(request),
        lessons=items,
        quiz=quiz_item(quiz=quizzes.get(course.pk), request=request),
        lesson_number=index + 1,
        previous_lesson=items[index - 1] if index > 0 else None,
        next_lesson=items[index + 1] if index + 1 < len(items) else None,
        completed=bool(current and current.done),
    )
