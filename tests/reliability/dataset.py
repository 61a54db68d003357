"""Reads and writes on the private database, run as a separate process next to the servers:
`python -m tests.reliability.dataset <command>` with DATABASE_URL pointing at it.

plan        what the load may do: a session per person, shares not made yet, pending
            policy acknowledgements, open quiz attempts with an answer for each question,
            tracked-link codes. JSON on stdout.
counts      rows that committed actions leave behind. JSON on stdout.
verify      reads the actions that were answered as done (JSON on stdin) and prints those
            with no committed row. JSON on stdout.
session     a fresh logged-in session for one person. JSON on stdout.
newcomers   <prefix> <count>: people of one test's own, created after the shared plan was
            made (so no other test acts for them): a session each and the policy
            acknowledgements they owe. JSON on stdout.
deactivate  deactivates one person (as HR or the identity provider would).
reconcile   runs leaderboard_reconcile and prints the differences. JSON on stdout.
"""

import json
import os
import sys

MAX_SHARES = 400
MAX_ATTEMPTS = 30


def _session_for(user) -> str:
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    model_backend = "django.contrib.auth.backends.ModelBackend"
    backends = settings.AUTHENTICATION_BACKENDS
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = model_backend if model_backend in backends else backends[-1]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key


def _share_candidates(users) -> list[dict]:
    from people.selectors import network_list
    from sharing.gate import sharing_gate
    from sharing.models import Share
    from sharing.selectors.posts import posts_available

    posts = list(posts_available())
    done = set(Share.objects.values_list("user_id", "post_id", "platform"))
    candidates = []
    for user in users:
        if not sharing_gate(user=user).open:
            continue
        platforms = set(network_list(user=user).values_list("platform", flat=True))
        for post in posts:
            for platform in post.caption_platforms():
                if platform in platforms and (user.pk, post.pk, platform) not in done:
                    candidates.append(
                        {"user": user.username, "post": post.pk, "platform": platform}
                    )
    return candidates[:MAX_SHARES]


def _ack_candidates(users) -> list[dict]:
    from policies.selectors import policies_pending

    return [
        {
            "user": user.username,
            "policy": policy.policy_id,
            "version": policy.version,
            "revision": policy.revision_id,
        }
        for user in users
        for policy in policies_pending(user=user)
    ]


def _attempts(users) -> list[dict]:
    from courses.models import LessonPage, QuizPage
    from courses.services import QuizRefused, lesson_complete, quiz_attempt_start
    from portal import realtime

    attempts = []
    quizzes = list(QuizPage.objects.live())
    with realtime.suppressed():
        for user in users:
            for quiz in quizzes:
                if len(attempts) >= MAX_ATTEMPTS:
                    return attempts
                try:
                    attempt = quiz_attempt_start(user=user, quiz=quiz)
                except QuizRefused:
                    # Lessons first (the rule a person meets too), then the quiz.
                    for lesson in LessonPage.objects.live().descendant_of(quiz.get_parent()):
                        lesson_complete(user=user, lesson=lesson)
                    try:
                        attempt = quiz_attempt_start(user=user, quiz=quiz)
                    except QuizRefused:
                        continue
                if attempt.position:
                    continue  # half answered before: keep the plan simple
                choices = [question["choices"][0]["id"] for question in attempt.questions]
                attempts.append({"user": user.username, "attempt": attempt.pk, "choices": choices})
    return attempts


def newcomers(prefix: str, count: int) -> dict:
    """`count` people named `<prefix>-<n>`, created if missing, with their sessions and
    pending acknowledgements: data of one test's own, never in the shared plan."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    users = []
    for index in range(count):
        fields = {"first_name": prefix, "last_name": str(index), "password": make_password(None)}
        user, _ = get_user_model().objects.get_or_create(
            username=f"{prefix}-{index}", defaults=fields
        )
        users.append(user)
    return {
        "sessions": {user.username: _session_for(user) for user in users},
        "acks": _ack_candidates(users),
    }


def plan() -> dict:
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    from people.models import ConsentKind
    from people.selectors import users_with_consent
    from sharing.models import Share

    users = list(get_user_model().objects.filter(is_active=True).order_by("pk"))
    codes = list(
        Share.objects.filter(retracted_at__isnull=True).values_list("code", flat=True)[:50]
    )
    board = users_with_consent(kind=ConsentKind.LEADERBOARD).filter(is_active=True)
    return {
        # An HR correction through the admin changes the board at will: pushes follow.
        "correction_url": reverse("points_ledger:add"),
        "board_person": board.order_by("pk").values_list("pk", flat=True).first(),
        "board_username": board.order_by("pk").values_list("username", flat=True).first(),
        "sessions": {user.username: _session_for(user) for user in users},
        "shares": _share_candidates(users),
        "acks": _ack_candidates(users),
        "attempts": _attempts(users),
        "codes": codes,
    }


def counts() -> dict:
    from django.db.models import Sum

    from courses.models import AttemptAnswer
    from policies.models import Acknowledgement
    from sharing.models import Click, ClickOverflow, Share

    overflow = ClickOverflow.objects.aggregate(total=Sum("requests"))["total"] or 0
    return {
        "shares": Share.objects.count(),
        "clicks": Click.objects.count() + overflow,
        "answers": AttemptAnswer.objects.count(),
        "acks": Acknowledgement.objects.count(),
    }


def verify(done: dict) -> dict:
    """The actions answered as done that left no row."""
    from courses.models import AttemptAnswer
    from policies.models import Acknowledgement
    from sharing.models import Share

    missing = {"shares": [], "acks": [], "answers": []}
    for item in done.get("shares", []):
        if not Share.objects.filter(
            user__username=item["user"], post_id=item["post"], platform=item["platform"]
        ).exists():
            missing["shares"].append(item)
    for item in done.get("acks", []):
        if not Acknowledgement.objects.filter(
            user__username=item["user"], policy_id=item["policy"], version=item["version"]
        ).exists():
            missing["acks"].append(item)
    for item in done.get("answers", []):
        if not AttemptAnswer.objects.filter(
            attempt_id=item["attempt"], position=item["position"]
        ).exists():
            missing["answers"].append(item)
    return missing


def deactivate(username: str) -> bool:
    from django.contrib.auth import get_user_model

    from people.services import person_deactivate

    user = get_user_model().objects.get(username=username)
    return person_deactivate(user=user, source="reliability test")


def reconcile() -> list[str]:
    from leaderboard.services.reconcile import leaderboard_reconcile

    return [f"{d.kind}: {d.detail}" for d in leaderboard_reconcile(fix=False)]


def main(argv: list[str]) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    import django

    django.setup()
    command = argv[0]
    if command == "plan":
        result = plan()
    elif command == "counts":
        result = counts()
    elif command == "verify":
        result = verify(json.load(sys.stdin))
    elif command == "session":
        from django.contrib.auth import get_user_model

        result = _session_for(get_user_model().objects.get(username=argv[1]))
    elif command == "newcomers":
        result = newcomers(argv[1], int(argv[2]))
    elif command == "deactivate":
        result = deactivate(argv[1])
    elif command == "reconcile":
        result = reconcile()
    else:
        raise SystemExit(f"unknown command {command!r}; see the module docstring")
    sys.stdout.write(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
