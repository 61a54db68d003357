"""Quiz question figures, so HR can find and fix bad questions.

Discrimination index (stated on the report): D = (share of passing attempts that got the
question right) − (share of failing attempts that got it right), over the submitted
attempts that drew the question. It runs from −1 to +1; near 0 or negative means the
question does not separate those who passed from those who failed. Left blank when no
attempt, or every attempt, passed. An unanswered question counts as wrong, as in grading.
"""

import datetime
from collections import Counter, defaultdict

from django.utils import timezone

from courses.quiz_rules import answer_pace
from courses.selectors.reports import (
    AnswerRow,
    AttemptRow,
    QuizPage,
    attempt_answers_by_position,
    quiz_attempts_submitted,
)
from people.models import User
from reports.base import Column, Figure, Report, Table, aware_range, percent

DISCRIMINATION_NOTE = (
    "Discrimination D = (share correct among passing attempts) − (share correct among "
    "failing attempts), from −1 to +1. Below about 0.2 the question barely separates "
    "those who passed from those who failed; negative means stronger candidates got it "
    "wrong more often. Blank when there were no passes or no fails."
)
QUESTION_COUNTS = ("drawn", "correct", "passed", "passed_correct", "failed", "failed_correct")

QuestionKey = tuple[int, str]


def _tally(
    attempts: list[AttemptRow], answers: dict[tuple[int, int], AnswerRow]
) -> tuple[dict[QuestionKey, dict], dict[QuestionKey, Counter]]:
    """Per question of each quiz: how often it was drawn and answered right, overall and
    among passing and failing attempts; and how often each wrong choice was picked."""
    stats: dict[QuestionKey, dict] = {}
    wrong: dict[QuestionKey, Counter] = defaultdict(Counter)
    for attempt in attempts:
        for position, question in enumerate(attempt["questions"]):
            key = (attempt["quiz_id"], question["key"])
            row = stats.setdefault(
                key,
                {
                    "quiz": attempt["quiz_title"],
                    "question": question["text"],
                    **dict.fromkeys(QUESTION_COUNTS, 0),
                },
            )
            answer = answers.get((attempt["pk"], position))
            right = bool(answer and answer["correct"])
            group = "passed" if attempt["passed"] else "failed"
            row["drawn"] += 1
            row["correct"] += right
            row[group] += 1
            row[f"{group}_correct"] += right
            if answer and not right:
                texts = {c["id"]: c["text"] for c in question["choices"] if not c["correct"]}
                wrong[key].update(texts[i] for i in answer["choice_ids"] if i in texts)
    return stats, wrong


def _discrimination(row: dict) -> float | None:
    if not (row["passed"] and row["failed"]):
        return None
    return round(row["passed_correct"] / row["passed"] - row["failed_correct"] / row["failed"], 2)


def _question_rows(stats: dict[QuestionKey, dict], wrong: dict[QuestionKey, Counter]) -> list[dict]:
    """One row per question, weakest (lowest discrimination) first within each quiz."""
    rows = []
    for key, row in stats.items():
        common = wrong[key].most_common(1)
        rows.append(
            {
                "quiz": row["quiz"],
                "question": row["question"],
                "drawn": row["drawn"],
                "percent_correct": percent(row["correct"], row["drawn"]),
                "common_wrong": common[0][0] if common else "",
                "common_wrong_count": common[0][1] if common else 0,
                "discrimination": _discrimination(row),
            }
        )
    rows.sort(key=lambda r: (r["quiz"], r["discrimination"] is None, r["discrimination"] or 0))
    return rows


def _questions_table(rows: list[dict]) -> Table:
    return Table(
        "questions",
        "Questions",
        [
            Column("quiz", "Quiz"),
            Column("question", "Question"),
            Column("drawn", "Times drawn", True),
            Column("percent_correct", "Correct (%)", True),
            Column("common_wrong", "Wrong answer most often picked"),
            Column("common_wrong_count", "Times picked", True),
            Column("discrimination", "Discrimination (D)", True),
        ],
        rows,
        note=DISCRIMINATION_NOTE + " Weakest questions first.",
        empty="No quiz attempts were submitted in this period.",
    )


FAST_NOTE = (
    "Attempts whose answers came, typically (the median time per answer), faster than the "
    "quiz's threshold: quicker than anyone could read the question. They are graded as "
    "usual; the flag is for a conversation, not a penalty. Each quiz sets its threshold "
    "(“flag answers faster than”, seconds per question)."
)


def _fast_rows(attempts: list[AttemptRow], answers: dict[tuple[int, int], AnswerRow]) -> list:
    """The attempts answered faster than their quiz's threshold, quickest first."""
    flagged = []
    for attempt in attempts:
        times = [
            answer["answered_at"]
            for position in range(len(attempt["questions"]))
            if (answer := answers.get((attempt["pk"], position)))
        ]
        pace = answer_pace(started_at=attempt["started_at"], answered_at=times)
        if pace is not None and pace < attempt["fast_answer_seconds"]:
            flagged.append((pace, attempt))
    names = {u.pk: u.name for u in User.objects.filter(pk__in={a["user_id"] for _, a in flagged})}
    return [
        {
            "quiz": attempt["quiz_title"],
            "name": names.get(attempt["user_id"], ""),
            "attempt": attempt["number"],
            "submitted": f"{timezone.localtime(attempt['submitted_at']):%Y-%m-%d %H:%M}",
            "pace": round(pace, 1),
            "threshold": attempt["fast_answer_seconds"],
            "score": attempt["score"],
        }
        for pace, attempt in sorted(flagged, key=lambda item: item[0])
    ]


def _fast_table(rows: list[dict]) -> Table:
    return Table(
        "too_fast",
        "Answered faster than a person could read",
        [
            Column("quiz", "Quiz"),
            Column("name", "Name"),
            Column("attempt", "Attempt", True),
            Column("submitted", "Submitted"),
            Column("pace", "Seconds per answer (median)", True),
            Column("threshold", "Threshold (s)", True),
            Column("score", "Score (%)", True),
        ],
        rows,
        note=FAST_NOTE,
        empty="No attempt in this period was answered that fast.",
    )


def _figures(attempts: list[AttemptRow], fast: int) -> list[Figure]:
    passed = sum(1 for a in attempts if a["passed"])
    return [
        Figure("Attempts submitted", len(attempts)),
        Figure("Passed", passed),
        Figure("Pass rate", f"{percent(passed, len(attempts))} %" if attempts else "—"),
        Figure("Answered too fast", fast, "flagged below, still graded"),
    ]


def quiz_report(
    *, start: datetime.date, end: datetime.date, quiz: QuizPage | None = None
) -> Report:
    """Per question of each quiz, over attempts submitted in [start, end]."""
    since, until = aware_range(start, end)
    attempts = quiz_attempts_submitted(since=since, until=until, quiz=quiz)
    answers = attempt_answers_by_position(attempt_ids=[a["pk"] for a in attempts])
    fast = _fast_rows(attempts, answers)
    return Report(
        figures=_figures(attempts, len(fast)),
        tables=[_questions_table(_question_rows(*_tally(attempts, answers))), _fast_table(fast)],
    )
