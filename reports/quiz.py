"""Quiz question figures, so HR can find and fix bad questions.

Discrimination index (stated on the report): D = (share of passing attempts that got the
question right) − (share of failing attempts that got it right), over the submitted
attempts that drew the question. It runs from −1 to +1; near 0 or negative means the
question does not separate those who passed from those who failed. Left blank when no
attempt, or every attempt, passed. An unanswered question counts as wrong, as in grading.
"""

import datetime
from collections import Counter, defaultdict

from courses.models import AttemptAnswer, QuizAttempt, QuizPage
from reports.base import Column, Figure, Report, Table, aware_range, percent

DISCRIMINATION_NOTE = (
    "Discrimination D = (share correct among passing attempts) − (share correct among "
    "failing attempts), from −1 to +1. Below about 0.2 the question barely separates "
    "those who passed from those who failed; negative means stronger candidates got it "
    "wrong more often. Blank when there were no passes or no fails."
)


def quiz_report(
    *, start: datetime.date, end: datetime.date, quiz: QuizPage | None = None
) -> Report:
    """Per question of each quiz, over attempts submitted in [start, end]."""
    begin, stop = aware_range(start, end)
    attempts = QuizAttempt.objects.filter(
        submitted_at__gte=begin, submitted_at__lt=stop
    ).select_related("quiz")
    if quiz is not None:
        attempts = attempts.filter(quiz=quiz)
    attempts = list(attempts.order_by("quiz__title", "pk"))
    answers: dict[tuple[int, int], AttemptAnswer] = {
        (a.attempt_id, a.position): a
        for a in AttemptAnswer.objects.filter(attempt__in=[a.pk for a in attempts])
    }

    stats: dict[tuple[int, str], dict] = {}
    wrong: dict[tuple[int, str], Counter] = defaultdict(Counter)
    for attempt in attempts:
        for position, question in enumerate(attempt.questions):
            key = (attempt.quiz_id, question["key"])
            row = stats.setdefault(
                key,
                {
                    "quiz": attempt.quiz.title,
                    "question": question["text"],
                    "drawn": 0,
                    "correct": 0,
                    "passed": 0,
                    "passed_correct": 0,
                    "failed": 0,
                    "failed_correct": 0,
                },
            )
            answer = answers.get((attempt.pk, position))
            right = bool(answer and answer.correct)
            row["drawn"] += 1
            row["correct"] += right
            group = "passed" if attempt.passed else "failed"
            row[group] += 1
            row[f"{group}_correct"] += right
            if answer and not right:
                texts = {c["id"]: c["text"] for c in question["choices"] if not c["correct"]}
                for choice_id in answer.choice_ids:
                    if choice_id in texts:
                        wrong[key][texts[choice_id]] += 1

    rows = []
    for key, row in stats.items():
        common = wrong[key].most_common(1)
        discrimination = None
        if row["passed"] and row["failed"]:
            discrimination = round(
                row["passed_correct"] / row["passed"] - row["failed_correct"] / row["failed"], 2
            )
        rows.append(
            {
                "quiz": row["quiz"],
                "question": row["question"],
                "drawn": row["drawn"],
                "percent_correct": percent(row["correct"], row["drawn"]),
                "common_wrong": common[0][0] if common else "",
                "common_wrong_count": common[0][1] if common else 0,
                "discrimination": discrimination,
            }
        )
    rows.sort(key=lambda r: (r["quiz"], r["discrimination"] is None, r["discrimination"] or 0))

    passed = sum(1 for a in attempts if a.passed)
    return Report(
        figures=[
            Figure("Attempts submitted", len(attempts)),
            Figure("Passed", passed),
            Figure("Pass rate", f"{percent(passed, len(attempts))} %" if attempts else "—"),
        ],
        tables=[
            Table(
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
        ],
    )
