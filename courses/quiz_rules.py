"""Quiz rules that reads and writes both apply: the kinds of question, why the quiz refuses
something, and whether an answer is right.

Pure: no database, so `courses.selectors` and `courses.services` can both import it.
"""

import itertools
import statistics
from datetime import datetime
from enum import StrEnum

from django.utils import timezone


class QuestionKind(StrEnum):
    """A question's kind: the block name in QuizPage.questions, and `type` in a drawn copy."""

    SINGLE = "single"
    MULTIPLE = "multiple"
    TRUE_FALSE = "true_false"
    POLICY_POST = "policy_post"


SINGLE_ANSWER_KINDS = frozenset(
    {QuestionKind.SINGLE, QuestionKind.TRUE_FALSE, QuestionKind.POLICY_POST}
)


class Refusal(StrEnum):
    """Why the quiz refuses: QuizState.block_code before a start, QuizRefused.code after."""

    REFUSED = "refused"
    LOCKED = "locked"
    PASSED = "passed"
    NO_ATTEMPTS = "no_attempts"
    WAIT = "wait"
    NOT_FOUND = "not_found"
    SUBMITTED = "submitted"
    POSITION = "position"
    EMPTY = "empty"
    CHOICE = "choice"
    TIME_UP = "time_up"
    ANSWERED = "answered"


def question_is_correct(question: dict, choice_ids: list[str]) -> bool:
    """Exactly the right choices of one drawn question (see QuizAttempt.questions)."""
    correct = {choice["id"] for choice in question["choices"] if choice["correct"]}
    return bool(correct) and set(choice_ids) == correct


def moment_label(at: datetime, *, now: datetime | None = None) -> str:
    """A moment as people read it on a page: "14:32" today, else "2 December, 14:32"
    (programme time zone)."""
    local, today = timezone.localtime(at), timezone.localdate(now or timezone.now())
    return f"{local:%H:%M}" if local.date() == today else f"{local:%-d %B}, {local:%H:%M}"


def answer_pace(*, started_at: datetime, answered_at: list[datetime]) -> float | None:
    """Typical seconds a person took per answer: the median gap between the start and each
    first answer, in order. None without answers. One slow answer among quick ones leaves
    the pace quick, so a rushed attempt is told apart from a careful one with a pause."""
    if not answered_at:
        return None
    moments = [started_at, *sorted(answered_at)]
    return statistics.median(
        (later - earlier).total_seconds() for earlier, later in itertools.pairwise(moments)
    )
