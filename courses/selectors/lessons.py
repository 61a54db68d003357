"""Reads for a lesson page: where the lesson sits in its course and what comes next.

The course outline (titles, URLs, minutes, the quiz) is the same for everyone, so it is
cached per course and site under a generation token that any page or site change moves
on (`outline_forget`, connected in courses.apps); what a person completed is read fresh
on every request, in one small query.
"""

import uuid
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import transaction
from django.db.models import F, Q
from django.http import HttpRequest
from wagtail.models import Page, Site

from courses.models import LessonCompletion, LessonPage, QuizPage
from courses.selectors.steps import LessonItem
from people.models import User

GENERATION_KEY = "courses:outline:generation"
TIMEOUT = 3600  # a backstop: the generation token keeps entries right


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


@dataclass(frozen=True)
class _Step:
    pk: int
    title: str
    url: str | None
    minutes: int | None
    is_lesson: bool


@dataclass(frozen=True)
class _Outline:
    course_id: int
    course: PageLink
    training_url: str | None
    steps: tuple[_Step, ...]


def outline_forget(**kwargs) -> None:
    """A page or a site changed: outlines read before are stale. Once now, for the rest
    of this transaction, and once after commit, for a reader that read the old rows while
    the change was not yet committed (as portal.routing does for its entries)."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)
    transaction.on_commit(lambda: cache.set(GENERATION_KEY, uuid.uuid4().hex, None))


def _outline_read(*, lesson: LessonPage, request: HttpRequest | None) -> _Outline:
    """The lesson's catalogue and course, then the course's live lessons and quizzes in
    tree order. One query."""
    steplen = Page.steplen
    course_path = lesson.path[:-steplen]
    catalogue_path = course_path[:-steplen]
    types = ContentType.objects.get_for_models(LessonPage, QuizPage)
    pages = (
        Page.objects.filter(
            Q(path__in=[catalogue_path, course_path])
            | Q(
                path__startswith=course_path,
                depth=lesson.depth,
                live=True,
                content_type__in=types.values(),
            )
        )
        .annotate(minutes=F("lessonpage__estimated_minutes"))
        .only("title", "url_path", "path", "depth", "content_type")
        .order_by("path")
    )
    by_path = {page.path: page for page in pages}
    course, catalogue = by_path[course_path], by_path[catalogue_path]
    lesson_type = types[LessonPage].pk
    steps = tuple(
        _Step(
            pk=page.pk,
            title=page.title,
            url=page.get_url(request),
            minutes=page.minutes,
            is_lesson=page.content_type_id == lesson_type,
        )
        for page in by_path.values()
        if page.depth == lesson.depth
    )
    return _Outline(
        course_id=course.pk,
        course=PageLink(title=course.title, url=course.get_url(request)),
        training_url=catalogue.get_url(request),
        steps=steps,
    )


def _outline(*, lesson: LessonPage, request: HttpRequest | None) -> _Outline:
    """The outline from the cache when its entry is current. URLs depend on the site the
    request came in on, so entries are per site; a preview reads the tree itself."""
    if request is None or getattr(request, "is_preview", False):
        return _outline_read(lesson=lesson, request=request)
    site = Site.find_for_request(request)  # kept on the request: no query once routed
    key = f"courses:outline:{site.pk if site else None}:{lesson.path[: -Page.steplen]}"
    found = cache.get_many([GENERATION_KEY, key])
    token = found.get(GENERATION_KEY)
    if token is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        token = cache.get(GENERATION_KEY)
    entry = found.get(key)
    if entry is not None and entry[0] == token:
        return entry[1]
    outline = _outline_read(lesson=lesson, request=request)
    cache.set(key, (token, outline), TIMEOUT)
    return outline


def lesson_state(
    *, user: User | None, lesson: LessonPage, request: HttpRequest | None = None
) -> LessonState:
    """The lesson's course and catalogue, its number among the course's live lessons, the
    lessons before and after it (or the quiz after the last), and whether `user` (None: a
    fresh learner) completed it. At most two queries however many lessons: the person's
    completions in the course, and the outline when the cache does not hold it."""
    outline = _outline(lesson=lesson, request=request)
    done: set[int] = set()
    if user is not None:
        completions = LessonCompletion.objects.filter(user=user, course_id=outline.course_id)
        done = set(completions.values_list("lesson_id", flat=True))
    items = [
        LessonItem(
            pk=step.pk, title=step.title, url=step.url, minutes=step.minutes, done=step.pk in done
        )
        for step in outline.steps
        if step.is_lesson
    ]
    quiz = next((step for step in outline.steps if not step.is_lesson), None)
    index = next((i for i, item in enumerate(items) if item.pk == lesson.pk), 0)
    current = items[index] if items else None
    return LessonState(
        course=outline.course,
        training_url=outline.training_url,
        lessons=items,
        quiz=PageLink(title=quiz.title, url=quiz.url) if quiz else None,
        lesson_number=index + 1,
        previous_lesson=items[index - 1] if index > 0 else None,
        next_lesson=items[index + 1] if index + 1 < len(items) else None,
        completed=bool(current and current.done),
    )
