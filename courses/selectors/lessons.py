"""Reads for a lesson page: where the lesson sits in its course and what comes next."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, F, OuterRef, Q, Value
from django.http import HttpRequest
from wagtail.models import Page

from courses.models import LessonCompletion, LessonPage, QuizPage
from courses.selectors.steps import LessonItem
from people.models import User


@dataclass
class PageLink:
    title: str
    url: str | None


@dataclass
class LessonState:
    course: PageLink
    training_url: str | None  # the course catalogue's
    lessons: list[LessonItem]
    quiz: PageLink | None
    lesson_number: int
    previous_lesson: LessonItem | None
    next_lesson: LessonItem | None
    completed: bool


def _outline(*, user: User | None, lesson: LessonPage):
    """The lesson's catalogue and course, then the course's live lessons and quizzes in
    tree order, as plain pages: each lesson with its minutes and whether `user` completed
    it (in this course). One query."""
    steplen = Page.steplen
    course_path = lesson.path[:-steplen]
    catalogue_path = course_path[:-steplen]
    types = ContentType.objects.get_for_models(LessonPage, QuizPage).values()
    if user is None:
        done = Value(False)
    else:
        done = Exists(
            LessonCompletion.objects.filter(
                user=user, lesson=OuterRef("pk"), course__path=course_path
            )
        )
    pages = (
        Page.objects.filter(
            Q(path__in=[catalogue_path, course_path])
            | Q(path__startswith=course_path, depth=lesson.depth, live=True, content_type__in=types)
        )
        .annotate(minutes=F("lessonpage__estimated_minutes"), done=done)
        .only("title", "url_path", "path", "depth", "content_type")
        .order_by("path")
    )
    return course_path, catalogue_path, list(pages)


def lesson_state(
    *, user: User | None, lesson: LessonPage, request: HttpRequest | None = None
) -> LessonState:
    """The lesson's course and catalogue, its number among the course's live lessons, the
    lessons before and after it (or the quiz after the last), and whether `user` (None: a
    fresh learner) completed it. One query, however many lessons."""
    course_path, catalogue_path, pages = _outline(user=user, lesson=lesson)
    by_path = {page.path: page for page in pages}
    course, catalogue = by_path[course_path], by_path[catalogue_path]
    steps = [page for page in pages if page.depth == lesson.depth]
    lesson_type = ContentType.objects.get_for_model(LessonPage).pk
    items = [
        LessonItem(
            pk=page.pk,
            title=page.title,
            url=page.get_url(request),
            minutes=page.minutes,
            done=page.done,
        )
        for page in steps
        if page.content_type_id == lesson_type
    ]
    quiz = next((page for page in steps if page.content_type_id != lesson_type), None)
    index = next((i for i, item in enumerate(items) if item.pk == lesson.pk), 0)
    current = items[index] if items else None
    return LessonState(
        course=PageLink(title=course.title, url=course.get_url(request)),
        training_url=catalogue.get_url(request),
        lessons=items,
        quiz=PageLink(title=quiz.title, url=quiz.get_url(request)) if quiz else None,
        lesson_number=index + 1,
        previous_lesson=items[index - 1] if index > 0 else None,
        next_lesson=items[index + 1] if index + 1 < len(items) else None,
        completed=bool(current and current.done),
    )
