"""Quiz question figures, so HR can find and fix bad questions.

Discrimination index (stated on the report): D = (share of passing attempts that got the
question right) − (share of failing attempts that got it right), over the submitted
attempts that drew the question. It runs from −1 to +1; near 0 or negative means the
question does not separate those who passed from those who failed. Left blank when no
attempt, or every attempt, passed. An unanswered question counts as wrong, as in grading.
"""

import datetime
from collections import Counter, defaultdict

from courses.selectors.reports import (
    AnswerRow,
    AttemptRow,
    QuizPage,
    attempt_answers_by_position,
    quiz_attempts_submitted,
)
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


def _figures(attempts: list[AttemptRow]) -> list[Figure]:
    passed = sum(1 for a in attempts if a["passed"])
    return [
        Figure("Attempts submitted", len(attempts)),
        Figure("Passed", passed),
        Figure("Pass rate", f"{percent(passed, len(attempts))} %" if attempts else "—"),
    ]


def quiz_report(
    *, start: datetime.date, end: datetime.date, quiz: QuizPage | None = None
) -> Report:
    """Per question of each quiz, over attempts submitted in [start, end]."""
    since, until = aware_range(start, end)
    attempts = quiz_attempts_submitted(since=since, until=until, quiz=quiz)
    answers = attempt_answers_by_position(attempt_ids=[a["pk"] for a in attempts])
    return Report(
        figures=_figures(attempts),
        tables=[_questions_table(_question_rows(*_tally(attempts, answers)))],
    )
