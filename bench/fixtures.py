"""What the load generator uses up, made through the services: fresh shares to click, people
ready to share, open quiz attempts, and logged-in sessions for all of them.

Each measured request consumes its own item (a new reader of a fresh share, a new
share of a post, the next question of an attempt), so every request does the real work.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import HASH_SESSION_KEY, SESSION_KEY, load_backend
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.utils import timezone

from courses.models import (
    Certificate,
    CoursePage,
    Enrolment,
    EnrolmentSource,
    LessonPage,
    QuizPage,
)
from courses.services import lesson_complete, quiz_attempt_start
from leaderboard.models import PointsSettings
from people.models import ConsentKind, Department, User
from people.services import consent_set, network_add
from policies.selectors import policies_pending
from policies.services import policy_acknowledge
from sharing.captions import code_new
from sharing.models import Share, SharingSettings

CLICKS_PER_SHARE = 20  # below PointsSettings.click_cap_per_share: every credited click earns
SHARES_PER_SHARER = 5
CSRF = "benchcsrf" + "0" * 23  # an unmasked 32-character CSRF secret, cookie and header


def _backend() -> str:
    for path in settings.AUTHENTICATION_BACKENDS:
        if hasattr(load_backend(path), "get_user"):
            return path
    raise RuntimeError("No authentication backend can load a user from a session.")


def sessions_create(users: list[User]) -> list[str]:
    """A logged-in session per person (as django.contrib.auth.login stores it)."""
    backend, expires = _backend(), timezone.now() + timedelta(days=1)
    store, rows, keys = SessionStore(), [], []
    for user in users:
        key = secrets.token_hex(16)
        data = {
            SESSION_KEY: str(user.pk),
            "_auth_user_backend": backend,
            HASH_SESSION_KEY: user.get_session_auth_hash(),
        }
        rows.append(Session(session_key=key, session_data=store.encode(data), expire_date=expires))
        keys.append(key)
    Session.objects.bulk_create(rows, batch_size=2000)
    return keys


def click_shares(people: list[int], post_id: int) -> list[str]:
    """A new share with no clicks yet per person."""
    shares = [
        Share(
            user_id=user_id,
            post_id=post_id,
            post_title="Bench",
            platform="linkedin",
            code=code_new(),
            caption="Worth it.",
        )
        for user_id in people
    ]
    Share.objects.bulk_create(shares)
    return [share.code for share in shares]


def sharers_make(users: list[User]) -> None:
    """Make each person a certified advocate who acknowledged the policies and opted in."""
    course = CoursePage.objects.filter(certifies_advocates=True).first()
    now = timezone.now()
    for user in users:
        network_add(
            user=user, platform="linkedin", handle=f"@bench{user.pk}", audience="professional",
            followers=300,
        )  # fmt: skip
        consent_set(user=user, kind=ConsentKind.ADVOCACY, granted=True, source="bench")
        for policy in policies_pending(user=user):
            policy_acknowledge(user=user, policy_id=policy.policy_id, version=policy.version)
        Enrolment.objects.get_or_create(
            user=user,
            course=course,
            defaults={"completed_at": now, "source": EnrolmentSource.MANUAL},
        )
        Certificate.objects.create(
            user=user, course=course, course_title=course.title, code=secrets.token_hex(8)
        )


def learners_make(users: list[User]) -> list[dict]:
    """An open attempt at the advocacy quiz per person, with its right answers in order."""
    quiz = QuizPage.objects.live().first()
    lessons = LessonPage.objects.live().descendant_of(quiz.get_parent()).order_by("path")
    attempts = []
    for user in users:
        for lesson in lessons:  # the quiz unlocks once the course's lessons are done
            lesson_complete(user=user, lesson=lesson)
        attempt = quiz_attempt_start(user=user, quiz=quiz)
        answers = [
            [position, [c["id"] for c in question["choices"] if c["correct"]]]
            for position, question in enumerate(attempt.questions)
        ]
        attempts.append({"attempt": attempt.pk, "answers": answers})
    return attempts


def people_make(count: int, tag: str) -> list[User]:
    """`count` new employees for this run only (the data set's people keep their history)."""
    department = Department.objects.first()
    return User.objects.bulk_create(
        User(username=f"{tag}-{n}", password="!", first_name="Bench", last_name=f"{tag} {n}",  # noqa: S106
             email=f"{tag}-{n}@example.com", department=department)
        for n in range(count)
    )  # fmt: skip


def plan_make(*, posts: list[int], need: dict[str, int]) -> dict:
    """Everything one run uses up, for `need` requests per path."""
    # Programme settings that keep each measured action on its full path: every share
    # earns points (no weekly cap in the way), every credited click too (CLICKS_PER_SHARE).
    sharing_settings = SharingSettings.load()
    sharing_settings.weekly_cap = 10_000
    sharing_settings.save()
    assert PointsSettings.load().click_cap_per_share > CLICKS_PER_SHARE
    tag = f"run{secrets.token_hex(3)}"
    credit = -(-need["credited"] // CLICKS_PER_SHARE)
    codes = click_shares([u.pk for u in people_make(credit + 16, f"{tag}-c")], posts[0])
    pushers = people_make(4, f"{tag}-p")  # on the board: their clicks change it
    for person in pushers:
        consent_set(user=person, kind=ConsentKind.LEADERBOARD, granted=True, source="bench")
    push_codes = click_shares([u.pk for u in pushers], posts[0])
    # A few posts each: a person may confirm RATE_LIMITS["share"] (20) shares a minute.
    posts = posts[:SHARES_PER_SHARER]
    sharers = people_make(-(-need["share"] // len(posts)), f"{tag}-s")
    sharers_make(sharers)
    draw = QuizPage.objects.live().first().draw_count or 5
    learners = people_make(-(-need["quiz"] // draw) + 16, f"{tag}-q")
    attempts = learners_make(learners)
    for attempt, session in zip(attempts, sessions_create(learners), strict=True):
        attempt["session"] = session
    sharer_sessions = sessions_create(sharers)
    return {
        "credit_codes": codes[:credit],
        "refuse_codes": codes[credit:],
        "push_codes": push_codes,
        "share_pairs": [[s, post] for post in posts for s in sharer_sessions],
        "attempts": attempts,
        "viewer": sessions_create([User.objects.get(username="advocate")])[0],
        "socket_sessions": sessions_create(people_make(need["sockets"], f"{tag}-w")),
        "lesson_url": _lesson_url(),
        "csrf": CSRF,
    }


def _lesson_url() -> str:
    lesson = LessonPage.objects.live().order_by("path")[2]
    return lesson.get_url()
