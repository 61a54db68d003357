"""Quiz rules that reads and writes both apply: the kinds of question, why the quiz refuses
something, and whether an answer is right.

Pure: no database, so `courses.selectors` and `courses.services` can both import it.
"""

from enum import StrEnum


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


def question_is_correct(question: dict, choice_ids: list[str]) -> bool:
    """Exactly the right choices of one drawn question (see QuizAttempt.questions)."""
    correct = {choice["id"] for choice in question["choices"] if choice["correct"]}
    return bool(correct) and set(choice_ids) == correct
