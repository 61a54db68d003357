"""Reads for a course's steps: its live lessons and quiz, and which lessons a person has
done, listed as the course, catalogue and lesson pages show them.

Every selector here runs a fixed number of queries, however many lessons or courses.
"""

from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.db.models import Q
from django.http import HttpRequest

from courses.models import CoursePage, LessonCompletion, LessonPage, QuizPage
from people.models import User


@dataclass
class LessonItem:
    pk: int
    title: str
    url: str | None
    minutes: int
    done: bool


@dataclass
class QuizItem:
    page: QuizPage  # without its question pool
    url: str | None

    @property
    def title(self) -> str:
        return self.page.title


def _children_of(courses: list[CoursePage]) -> Q:
    return reduce(
        or_, (Q(path__startswith=c.path, depth=c.depth + 1) for c in courses), Q(pk__in=[])
    )


def _course_of(page, courses: list[CoursePage]) -> CoursePage:
    return next(course for course in courses if page.path.startswith(course.path))


def course_steps(
    *, courses: list[CoursePage]
) -> tuple[dict[int, list[LessonPage]], dict[int, QuizPage]]:
    """Each course's live lessons in tree order and its live quiz (without the question
    pool), by course id. Two queries."""
    children = _children_of(courses)
    lessons: dict[int, list[LessonPage]] = {course.pk: [] for course in courses}
    for lesson in (
        LessonPage.objects.live()
        .filter(children)
        .order_by("path")
        .only("title", "url_path", "path", "depth", "estimated_minutes")
    ):
        lessons[_course_of(lesson, courses).pk].append(lesson)
    quizzes: dict[int, QuizPage] = {}
    for quiz in QuizPage.objects.live().filter(children).order_by("path").defer("questions"):
        quizzes.setdefault(_course_of(quiz, courses).pk, quiz)
    return lessons, quizzes


def completed_lesson_ids(*, user: User | None, course_ids: list[int]) -> set[int]:
    """Ids of the lessons of these courses that `user` completed. One query."""
    completions = LessonCompletion.objects.filter(user=user, course_id__in=course_ids)
    return set(completions.values_list("lesson_id", flat=True))


def lesson_items(
    *, lessons: list[LessonPage], done: set[int], request: HttpRequest | None = None
) -> list[LessonItem]:
    """The lessons as the pages list them, each marked done when its id is in `done`."""
    return [
        LessonItem(
            pk=lesson.pk,
            title=lesson.title,
            url=lesson.get_url(request),
            minutes=lesson.estimated_minutes,
            done=lesson.pk in done,
        )
        for lesson in lessons
    ]


def quiz_item(*, quiz: QuizPage | None, request: HttpRequest | None = None) -> QuizItem | None:
    """The quiz as the pages link to it (None for a course without a live quiz)."""
    return QuizItem(page=quiz, url=quiz.get_url(request)) if quiz is not None else None
