"""Factories for the course page tree and training records.

For other apps' tests: `make_certified(user)` makes a person a certified advocate in one
line (a valid certificate from a course that certifies advocates).
"""

import uuid

import factory
import wagtail_factories
from django.conf import settings
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from courses.models import (
    Certificate,
    CourseIndexPage,
    CoursePage,
    Enrolment,
    EnrolmentSource,
    LessonPage,
    QuizPage,
)
from courses.quiz_rules import QuestionKind
from home.models import HomePage
from tests.people.factories import UserFactory


def home_page() -> HomePage:
    """The dashboard page; recreated when a transactional test flushed the migration's."""
    home = HomePage.objects.filter(depth=2).first()
    if home is not None:
        return home
    locale = Locale.objects.first() or Locale.objects.create(language_code=settings.LANGUAGE_CODE)
    root = Page.objects.filter(depth=1).first() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=locale)
    )
    home = root.add_child(instance=HomePage(title="Dashboard", slug="home", locale=locale))
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "root_page": home, "site_name": "Chorus"},
    )
    return home


def training_index() -> CourseIndexPage:
    index = CourseIndexPage.objects.filter(slug="training").first()
    if index is None:
        index = CourseIndexPage(title="Training", slug="training")
        home_page().add_child(instance=index)
    return index


def question(
    kind: QuestionKind = QuestionKind.SINGLE,
    text: str | None = None,
    correct: int | list[int] = 0,
    choices: int = 4,
) -> dict:
    """One raw question block. `correct` is the index (or indexes) of the right choices;
    for true_false it is 0 for true and 1 for false."""
    text = text or f"Question {uuid.uuid4().hex[:6]}?"
    block_id = str(uuid.uuid4())
    if kind == QuestionKind.TRUE_FALSE:
        value = {
            "text": text,
            "correct": "true" if correct == 0 else "false",
            "explanation": "Why.",
        }
        return {"type": kind, "value": value, "id": block_id}
    right = {correct} if isinstance(correct, int) else set(correct)
    items = [
        {
            "type": "item",
            "id": str(uuid.uuid4()),
            "value": {"text": f"{text} choice {i}", "correct": i in right},
        }
        for i in range(choices)
    ]
    return {
        "type": kind,
        "value": {"text": text, "choices": items, "explanation": f"Because of {text}"},
        "id": block_id,
    }


def question_pool(size: int) -> list[dict]:
    kinds = list(QuestionKind)
    pool = []
    for i in range(size):
        kind = kinds[i % len(kinds)]
        correct = [0, 2] if kind == QuestionKind.MULTIPLE else 0
        pool.append(question(kind, text=f"Q{i} {kind}", correct=correct))
    return pool


class CourseIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CourseIndexPage

    title = "Training"
    slug = "training"
    parent = factory.LazyFunction(home_page)


class CoursePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CoursePage

    title = factory.Sequence(lambda n: f"Course {n}")
    summary = "What this course is for."
    certifies_advocates = True
    parent = factory.LazyFunction(training_index)


class LessonPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LessonPage

    title = factory.Sequence(lambda n: f"Lesson {n}")
    intro = "Why this lesson matters."
    body = factory.LazyFunction(
        lambda: [
            {"type": "text", "value": "<p>Lesson text.</p>", "id": str(uuid.uuid4())},
            {
                "type": "callout",
                "value": {"kind": "tip", "text": "A tip."},
                "id": str(uuid.uuid4()),
            },
        ]
    )
    parent = factory.SubFactory(CoursePageFactory)


class QuizPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = QuizPage

    title = "Quiz"
    slug = "quiz"
    pass_mark = 75
    draw_count = 4
    shuffle = True
    questions = factory.LazyAttribute(lambda quiz: question_pool(max(quiz.draw_count, 6)))
    parent = factory.SubFactory(CoursePageFactory)


def make_course(
    *, lessons: int = 3, pool: int = 6, draw: int = 4, certifies: bool = True, **quiz_fields
) -> tuple[CoursePage, list[LessonPage], QuizPage]:
    """A published course with `lessons` lessons and a quiz drawing `draw` of `pool`."""
    course = CoursePageFactory(certifies_advocates=certifies)
    lesson_pages = [LessonPageFactory(parent=course) for _ in range(lessons)]
    quiz = QuizPageFactory(
        parent=course, draw_count=draw, questions=question_pool(pool), **quiz_fields
    )
    return course, lesson_pages, quiz


class CertificateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Certificate

    user = factory.SubFactory(UserFactory)
    course = factory.LazyFunction(
        lambda: (
            CoursePage.objects.filter(certifies_advocates=True).first()
            or CoursePageFactory(certifies_advocates=True)
        )
    )
    course_title = factory.LazyAttribute(lambda c: c.course.title)
    issued_at = factory.LazyFunction(timezone.now)
    expires_on = None
    code = factory.Sequence(lambda n: f"TEST-{n:06d}")


def make_certified(user, **fields) -> Certificate:
    """Make `user` a certified advocate now (enrolled, completed, valid certificate)."""
    certificate = CertificateFactory(user=user, **fields)
    Enrolment.objects.get_or_create(
        user=user,
        course=certificate.course,
        defaults={"completed_at": certificate.issued_at, "source": EnrolmentSource.MANUAL},
    )
    return certificate
