import datetime

import pytest
from django.test import Client

from courses.models import AttemptAnswer, QuizAttempt
from reports.quiz import quiz_report
from tests.courses.factories import CoursePageFactory, QuizPageFactory
from tests.people.factories import EditorFactory, UserFactory
from tests.reports.helpers import at, csv_sections, xlsx_sheets

pytestmark = pytest.mark.django_db

START, END = datetime.date(2026, 3, 1), datetime.date(2026, 3, 31)
Q1 = {
    "key": "q1",
    "type": "single",
    "text": "Which is fine to share?",
    "explanation": "",
    "choices": [
        {"id": "a", "text": "The published press release", "correct": True},
        {"id": "b", "text": "The draft roadmap", "correct": False},
        {"id": "c", "text": "A customer's email", "correct": False},
    ],
}
Q2 = {
    "key": "q2",
    "type": "true_false",
    "text": "You must disclose that you work here.",
    "explanation": "",
    "choices": [
        {"id": "d", "text": "True", "correct": True},
        {"id": "e", "text": "False", "correct": False},
    ],
}


@pytest.fixture
def quiz():
    course = CoursePageFactory(title="Basics")
    quiz = QuizPageFactory(parent=course, title="Basics quiz")
    number = iter(range(1, 100))

    def attempt(passed, answers, *, day=datetime.date(2026, 3, 10), submitted=True, pace=60):
        started = at(day) - datetime.timedelta(minutes=10)
        a = QuizAttempt.objects.create(
            user=UserFactory(first_name="Pat", last_name=f"Pace{pace}"),
            started_at=started,
            quiz=quiz,
            course=course,
            number=next(number),
            seed=1,
            questions=[Q1, Q2],
            pass_mark=50,
            feedback="end",
            submitted_at=at(day) if submitted else None,
            passed=passed if submitted else None,
        )
        for position, choice in enumerate(answers):
            if choice is None:
                continue  # unanswered
            question = (Q1, Q2)[position]
            correct = next(c["correct"] for c in question["choices"] if c["id"] == choice)
            AttemptAnswer.objects.create(
                attempt=a,
                position=position,
                choice_ids=[choice],
                correct=correct,
                answered_at=started + datetime.timedelta(seconds=pace * (position + 1)),
            )

    quiz.make_attempt = attempt

    attempt(True, ["a", "d"])
    attempt(True, ["a", "e"])
    attempt(False, ["b", "d"])
    attempt(False, ["b", None])
    attempt(False, ["c", "e"], day=datetime.date(2026, 4, 2))  # outside the range
    attempt(None, ["c", "e"], submitted=False)  # still open
    return quiz


def test_question_figures_hand_computed(quiz):
    report = quiz_report(start=START, end=END)
    rows = {r["question"]: r for r in report.tables[0].rows}
    # Q1: drawn 4, right in the two passes only → 50 %; "b" picked twice when wrong;
    # D = 2/2 (passes right) − 0/2 (fails right) = 1.0.
    assert rows[Q1["text"]] == {
        "quiz": "Basics quiz",
        "question": Q1["text"],
        "drawn": 4,
        "percent_correct": 50.0,
        "common_wrong": "The draft roadmap",
        "common_wrong_count": 2,
        "discrimination": 1.0,
    }
    # Q2: right in pass 1 and fail 1 → 50 %; the unanswered one is wrong but picked no
    # choice; "False" picked once; D = 1/2 − 1/2 = 0.0.
    assert rows[Q2["text"]]["percent_correct"] == 50.0
    assert rows[Q2["text"]]["common_wrong"] == "False"
    assert rows[Q2["text"]]["common_wrong_count"] == 1
    assert rows[Q2["text"]]["discrimination"] == 0.0
    # Weakest question first.
    assert [r["question"] for r in report.tables[0].rows] == [Q2["text"], Q1["text"]]
    assert [(f.label, f.value) for f in report.figures] == [
        ("Attempts submitted", 4),
        ("Passed", 2),
        ("Pass rate", "50.0 %"),
        ("Answered too fast", 0),
    ]
    assert report.tables[1].rows == []


def test_an_attempt_answered_faster_than_anyone_reads_is_flagged_not_failed(quiz):
    """The quiz's threshold is 5 s a question (the default): 2 s a question is flagged, 6 s
    is not, and the flagged attempt keeps its pass."""
    quiz.make_attempt(True, ["a", "d"], pace=2)
    quiz.make_attempt(False, ["b", "e"], pace=6)
    report = quiz_report(start=START, end=END)
    figures = {f.label: f.value for f in report.figures}
    assert figures["Answered too fast"] == 1 and figures["Passed"] == 3
    [row] = report.tables[1].rows
    assert (row["name"], row["pace"], row["threshold"]) == ("Pat Pace2", 2.0, 5)
    quiz.fast_answer_seconds = 0  # HR switches the flag off
    quiz.save_revision().publish()
    assert quiz_report(start=START, end=END).tables[1].rows == []


def test_discrimination_blank_without_both_groups(quiz):
    report = quiz_report(start=datetime.date(2026, 4, 1), end=datetime.date(2026, 4, 30))
    assert {r["discrimination"] for r in report.tables[0].rows} == {None}


def test_export_and_quiz_filter(quiz):
    client = Client()
    client.force_login(EditorFactory())
    params = {"start": "2026-03-01", "end": "2026-03-31", "quiz": quiz.pk}
    page = client.get("/admin/reports/quiz-questions/", params)
    assert page.status_code == 200
    assert "Discrimination D =" in page.content.decode()
    sections = csv_sections(
        client.get("/admin/reports/quiz-questions/", {**params, "export": "csv"}).content
    )
    [heading, first, second] = sections["Questions"]
    assert heading[-1] == "Discrimination (D)"
    assert (first[1], first[-1]) == (Q2["text"], "0.0")
    assert (second[1], second[-1]) == (Q1["text"], "1.0")
    sheets = xlsx_sheets(client.get("/admin/reports/quiz-questions/", {**params, "export": "xlsx"}))
    assert sheets["Questions"][2][-1] == 1.0
    bad = client.get("/admin/reports/quiz-questions/", {"quiz": "nope"})
    assert bad.status_code == 400
    assert "Select a valid choice" in bad.content.decode()
