"""Reads for a course's steps: its live lessons and quiz, listed as the course, catalogue
and lesson pages show them, each lesson marked with whether the person did it.

Every selector here runs a fixed number of queries, however many lessons or courses.
A course's live lessons and quiz are the same for everyone, so they are cached per course
under the lesson outlines' generation token (moved on by any page or site change, see
courses.selectors.lessons); what a person completed is always read fresh (by
courses.selectors.progress, with their quiz attempts).
"""

import uuid
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.core.cache import cache
from django.db.models import Model, Q
from django.http import HttpRequest

from courses.models import CoursePage, LessonPage, QuizPage


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


TIMEOUT = 3600  # a backstop: the generation token keeps entries right


def _steps_read(
    courses: list[CoursePage],
) -> tuple[dict[int, list[LessonPage]], dict[int, QuizPage]]:
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


def _plain(page: Model) -> tuple[tuple[str, ...], tuple]:
    """The loaded field values, for the cache: plain data, not a pickled page."""
    deferred = page.get_deferred_fields()
    names = tuple(f.attname for f in page._meta.concrete_fields if f.attname not in deferred)
    return names, tuple(getattr(page, name) for name in names)


def _page(model: type[Model], plain: tuple[tuple[str, ...], tuple]) -> Model:
    """The page as the query built it: the fields it did not load stay deferred."""
    names, values = plain
    return model.from_db(model.objects.db, list(names), list(values))


def course_steps(
    *, courses: list[CoursePage]
) -> tuple[dict[int, list[LessonPage]], dict[int, QuizPage]]:
    """Each course's live lessons in tree order and its live quiz (without the question
    pool), by course id. One cache read; two queries for the courses it does not hold."""
    if not courses:
        return {}, {}
    # The lesson outlines' token, whose receivers courses.apps connects; lessons imports
    # this module for LessonItem, so the import waits until the call.
    from courses.selectors.lessons import GENERATION_KEY

    keys = {course.pk: f"courses:steps:{course.pk}" for course in courses}
    found = cache.get_many([GENERATION_KEY, *keys.values()])
    token = found.get(GENERATION_KEY)
    if token is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        token = cache.get(GENERATION_KEY)
    lessons: dict[int, list[LessonPage]] = {}
    quizzes: dict[int, QuizPage] = {}
    missing = []
    for course in courses:
        entry = found.get(keys[course.pk])
        if entry is None or entry[0] != token:
            missing.append(course)
            continue
        lessons[course.pk] = [_page(LessonPage, plain) for plain in entry[1]]
        if entry[2] is not None:
            quizzes[course.pk] = _page(QuizPage, entry[2])
    if missing:
        read_lessons, read_quizzes = _steps_read(missing)
        lessons.update(read_lessons)
        quizzes.update(read_quizzes)
        cache.set_many(
            {
                keys[course.pk]: (
                    token,
                    [_plain(lesson) for lesson in read_lessons[course.pk]],
                    _plain(read_quizzes[course.pk]) if course.pk in read_quizzes else None,
                )
                for course in missing
            },
            TIMEOUT,
        )
    return lessons, quizzes


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
