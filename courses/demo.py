"""Demo training: the two courses as published pages, the onboarding rule, and varied
histories made through the real services (so points and badges follow from them)."""

import random
import uuid
from datetime import datetime, time, timedelta
from enum import StrEnum

from django.utils import timezone
from wagtail.models import Site

from courses import demo_content
from courses.models import (
    CourseIndexPage,
    CoursePage,
    Enrolment,
    FeedbackMode,
    LessonCompletion,
    LessonPage,
    OnboardingRule,
    QuizAttempt,
    QuizPage,
)
from courses.notices import TRAINING_DUE, course_notice_subject
from courses.quiz_rules import QuestionKind
from courses.selectors import course_progress
from courses.services import (
    lesson_complete,
    onboarding_rule_create,
    quiz_answer_save,
    quiz_attempt_start,
    quiz_attempt_submit,
)
from notifications.demo import demo_notification
from people.models import User

INDEX_INTRO = (
    "<p>Short courses you can take at your own pace. The <strong>social media basic "
    "training</strong> is part of everyone's onboarding; passing its quiz certifies you as an "
    "advocate. Everything else is optional.</p>"
)


def _id() -> str:
    return str(uuid.uuid4())


def _body(blocks: list) -> list[dict]:
    return [{"type": kind, "value": value, "id": _id()} for kind, value in blocks]


def _question(question: dict, lesson: LessonPage) -> dict:
    kind = question["type"]
    if kind == QuestionKind.TRUE_FALSE:
        truth = next(c["text"] for c in question["choices"] if c["correct"]) == "True"
        value = {
            "text": question["text"],
            "correct": "true" if truth else "false",
            "explanation": question["explanation"],
        }
    else:
        value = {
            "text": question["text"],
            "choices": [
                {"type": "item", "value": {"text": c["text"], "correct": c["correct"]}, "id": _id()}
                for c in question["choices"]
            ],
            "explanation": question["explanation"],
        }
    return {"type": kind, "value": {**value, "lesson": lesson.pk}, "id": _id()}


def _publish(parent, page):
    # Live from the start, like a page published once: no per-page revision publishing
    # (it dominated the seed's time); the first edit in the admin creates a revision.
    now = timezone.now()
    page.live, page.has_unpublished_changes = True, False
    page.first_published_at = page.last_published_at = now
    parent.add_child(instance=page)
    return page


def _course(index: CourseIndexPage, data: dict, **fields) -> CoursePage:
    course = _publish(
        index,
        CoursePage(
            title=data["title"],
            slug=data["slug"],
            summary=data["summary"],
            **fields,
        ),
    )
    lessons = {}
    for lesson in data["lessons"]:
        lessons[lesson["slug"]] = _publish(
            course,
            LessonPage(
                title=lesson["title"],
                slug=lesson["slug"],
                intro=lesson.get("intro", ""),
                body=_body(lesson["body"]),
            ),
        )
    quiz = data["quiz"]
    teaching = [lessons[slug] for slug in quiz["lessons"]]
    _publish(
        course,
        QuizPage(
            title=quiz["title"],
            slug=quiz["slug"],
            intro="One question per screen; your answers are saved as you go.",
            pass_mark=quiz["pass_mark"],
            draw_count=quiz["draw"],
            wait_minutes=30,
            shuffle=True,
            feedback=FeedbackMode.SUBMIT,
            questions=[
                _question(q, lesson) for q, lesson in zip(quiz["questions"], teaching, strict=True)
            ],
        ),
    )
    return course


def _pages(created: list) -> CoursePage:
    home = Site.objects.get(is_default_site=True).root_page.specific
    index = CourseIndexPage.objects.filter(slug="training").first()
    if index is None:
        index = _publish(
            home, CourseIndexPage(title="Training", slug="training", intro=INDEX_INTRO)
        )
        created.append(index)
    basic = CoursePage.objects.filter(slug=demo_content.BASIC_COURSE["slug"]).first()
    if basic is None:
        basic = _course(
            index,
            demo_content.BASIC_COURSE,
            certifies_advocates=True,
            certificate_validity_months=24,
            default_due_days=14,
        )
        created.append(basic)
    if not CoursePage.objects.filter(slug=demo_content.LINKEDIN_COURSE["slug"]).exists():
        created.append(_course(index, demo_content.LINKEDIN_COURSE, default_due_days=30))
    return basic


def take_quiz(user, quiz, *, at, right: int, pace: int = 40) -> QuizAttempt:
    """An attempt answered with `right` correct answers (the demo knows the answers), one
    every `pace` seconds."""
    attempt = quiz_attempt_start(user=user, quiz=quiz, now=at)
    for position, question in enumerate(attempt.questions):
        correct = [c["id"] for c in question["choices"] if c["correct"]]
        wrong = [c["id"] for c in question["choices"] if not c["correct"]][:1]
        quiz_answer_save(
            user=user,
            attempt_id=attempt.pk,
            position=position,
            choice_ids=correct if position < right else wrong,
            now=at + timedelta(seconds=pace * (position + 1)),
        )
    attempt, _ = quiz_attempt_submit(
        user=user, attempt_id=attempt.pk, now=at + timedelta(minutes=7)
    )
    return attempt


class Plan(StrEnum):
    """The training history a demo employee gets."""

    CERTIFIED = "certified"
    RETRIED = "retried"  # failed once, then certified
    IN_PROGRESS = "in_progress"
    FAILED = "failed"
    NONE = "none"


def _history(user, lessons, quiz, *, plan: Plan, days_ago: int, rng, pace: int = 40) -> None:
    now = timezone.now()
    start = now - timedelta(days=days_ago, hours=rng.randint(1, 8))
    read = (
        len(lessons) if plan in {Plan.CERTIFIED, Plan.RETRIED, Plan.FAILED} else rng.randint(1, 5)
    )
    for number, lesson in enumerate(lessons[:read]):
        lesson_complete(user=user, lesson=lesson, at=start + timedelta(minutes=9 * number))
    # Enrolled when they joined or when the onboarding rule began (30 days back), never
    # after they started: the training report's days to complete count from enrolment.
    joined = timezone.make_aware(datetime.combine(user.joined_on, time(9)))
    Enrolment.objects.filter(user=user, course__pk=quiz.get_parent().pk).update(
        enrolled_at=min(start, max(joined, now - timedelta(days=30)))
    )
    at = start + timedelta(hours=1)
    total = quiz.draw_count
    if plan in {Plan.RETRIED, Plan.FAILED}:
        take_quiz(user, quiz, at=at, right=rng.randint(3, total - 3), pace=pace)
        at += timedelta(days=1)
    if plan in {Plan.CERTIFIED, Plan.RETRIED}:
        take_quiz(user, quiz, at=at, right=rng.choice([total - 1, total, total]))


def seed(*, stdout) -> int:
    created: list = []
    basic = _pages(created)
    now = timezone.now()
    if not OnboardingRule.objects.filter(course=basic, department__isnull=True).exists():
        rule, enrolled = onboarding_rule_create(
            course=basic, due_days=14, created_at=now - timedelta(days=30)
        )
        created.append(rule)
        created.extend([None] * enrolled)
    lessons = list(LessonPage.objects.live().child_of(basic).order_by("path"))
    quiz = QuizPage.objects.live().child_of(basic).get()
    if LessonCompletion.objects.filter(course=basic).exists():
        return len(created)
    rng = random.Random(303)  # noqa: S311 - demo data
    for username, days in (("advocate", 100), ("hr", 300)):
        user = User.objects.filter(username=username).first()
        if user is not None:
            _history(user, lessons, quiz, plan=Plan.CERTIFIED, days_ago=days, rng=rng)
            created.append(user)
    others = User.objects.exclude(username__in=["advocate", "hr", "newhire"]).order_by("pk")
    # About 60% certified (some on a second attempt), the rest spread over in progress,
    # failed once, and not started; unfinished ones past their due date show as overdue.
    plans = [Plan.CERTIFIED] * 21 + [Plan.RETRIED] * 6 + [Plan.IN_PROGRESS] * 9
    plans += [Plan.FAILED] * 5 + [Plan.NONE] * 3
    rng.shuffle(plans)
    rushed = False
    for user, plan in zip(others, plans, strict=False):
        if plan == Plan.NONE:
            continue
        joined_days = (now.date() - user.joined_on).days
        days_ago = max(1, min(joined_days, 28) - rng.randint(0, 3))
        # One person clicks through a first attempt in 2 seconds a question: the quiz
        # report flags it for HR.
        pace = 2 if plan == Plan.FAILED and not rushed else 40
        rushed = rushed or pace == 2
        _history(user, lessons, quiz, plan=plan, days_ago=days_ago, rng=rng, pace=pace)
        if plan == Plan.IN_PROGRESS and rng.random() < 0.5:
            # HR gave some people more time, as editors do in the Enrolments admin.
            Enrolment.objects.filter(user=user, course=basic).update(
                due_on=now.date() + timedelta(days=rng.randint(2, 12))
            )
        created.append(user)
    return len(created)


def seed_notices(*, stdout) -> int:
    """The new hire's training reminder in the bell, with the course page's time estimate."""
    basic = CoursePage.objects.filter(slug=demo_content.BASIC_COURSE["slug"]).first()
    if basic is None:
        return 0
    minutes = course_progress(user=None, course=basic).minutes
    enrolment = Enrolment.objects.filter(user__username="newhire", course=basic).first()
    return demo_notification(
        username="newhire",
        index=0,
        kind=TRAINING_DUE,
        title="Your social media basics training is waiting",
        body=f"It takes about {minutes} minutes. Start whenever suits you this week.",
        url="/training/",
        # Passing the course resolves it, like the real reminders; sent on enrolment.
        subject=course_notice_subject(basic.pk),
        at=enrolment.enrolled_at if enrolment else None,
    )
