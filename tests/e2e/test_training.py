"""newhire takes the basic training: lessons, a failed quiz (topics to revisit, no
answers, the wait counted down), a retry with fresh questions, the back button and the
review step, a pass with a reload half-way, and the certificate on the dashboard; and the
same review and wait without JavaScript on a phone-sized screen.

The right answers come from the server's database (never from the page), so that failing
and passing are deterministic.
"""

import json
import re

from playwright.sync_api import expect

from tests.e2e.conftest import login, screenshot

ANSWERS = """
import json
from courses.models import QuizAttempt
a = QuizAttempt.objects.get(user__username="newhire", submitted_at__isnull=True)
print(json.dumps([[c["id"] for c in q["choices"] if c["correct"]] for q in a.questions]))
"""
WAIT_OUT = """
from datetime import timedelta
from courses.models import QuizAttempt
QuizAttempt.objects.filter(user__username="newhire").update(
    submitted_at=QuizAttempt.objects.get(user__username="newhire").submitted_at
    - timedelta(minutes=31)
)
"""


DRAWN = """
import json
from courses.models import QuizAttempt
a = QuizAttempt.objects.filter(user__username="newhire").order_by("-number").first()
print(json.dumps([q["key"] for q in a.questions]))
"""


def _drawn_keys(server) -> list[str]:
    return json.loads(server.manage("shell", "-c", DRAWN).strip().splitlines()[-1])


def _right_answers(server) -> list[list[str]]:
    return json.loads(server.manage("shell", "-c", ANSWERS).strip().splitlines()[-1])


def _answer(page, choice_ids: list[str], number: int, total: int) -> None:
    quiz = page.locator("#quiz")
    expect(quiz).to_contain_text(f"Question {number} of {total}")
    for choice_id in choice_ids:
        quiz.locator(f'input[value="{choice_id}"]').check()
    quiz.get_by_role("button", name="Save").click()


def test_newhire_fails_once_then_passes_and_is_certified(server, new_context):
    page = new_context().new_page()
    login(page, server, "newhire")
    steps = page.locator(".step", has=page.get_by_role("heading", name="basic training"))
    expect(steps).to_contain_text("0 of 8 steps")
    steps.get_by_role("link", name="Start").click()

    # Seven lessons, each marked complete with htmx, then on to the next.
    for number in range(1, 8):
        expect(page.get_by_text(f"Lesson {number} of 7")).to_be_visible()
        page.get_by_role("button", name="Mark as complete").click()
        expect(page.locator("#completion")).to_contain_text("You completed this lesson")
        if number == 1:
            screenshot(page, "training-lesson-completed")
        page.locator("#completion a[rel=next]").click()

    expect(page.get_by_role("heading", name="Basic training quiz")).to_be_visible()
    page.get_by_role("button", name="Start quiz").click()
    right = _right_answers(server)
    total = len(right)
    page.evaluate("window.__sameDocument = true")
    for number, ids in enumerate(right, start=1):
        expect(page.locator("#quiz")).to_contain_text(f"Question {number} of {total}")
        choices = page.locator("#quiz input[name=choice]")
        values = [choices.nth(i).get_attribute("value") for i in range(choices.count())]
        # First attempt: right on the first half only, so it fails (below 75%).
        chosen = ids if number <= total // 2 else [next(v for v in values if v not in ids)]
        _answer(page, chosen, number, total)
    assert page.evaluate("window.__sameDocument === true"), "answers should swap, not reload"
    expect(page.locator("#quiz h2")).to_have_text("Review your answers")
    expect(page.locator("#quiz .quiz-overview li")).to_have_count(total)
    screenshot(page, "training-quiz-review")
    first_keys = _drawn_keys(server)
    page.get_by_role("button", name="Submit quiz").click()
    expect(page.locator(".score")).to_contain_text("50%")
    expect(page.locator(".score")).to_contain_text("Not passed")
    expect(page.locator(".quiz-block")).to_contain_text("You can try again from")
    expect(page.locator(".quiz-block")).to_contain_text("30 minutes between attempts")
    expect(page.locator("[data-countdown-left]")).to_contain_text("(in 29:")  # live, with JS
    expect(page.locator(".topics a").first).to_be_visible()
    expect(page.get_by_text("(right answer)")).to_have_count(0)
    screenshot(page, "training-quiz-failed")
    page.goto(f"{server.url}/")
    expect(page.locator("#my-training")).to_contain_text("Next attempt from")

    server.manage("shell", "-c", WAIT_OUT)  # half an hour later
    page.goto(f"{server.url}/training/social-media-basics/quiz/")
    page.get_by_role("button", name="Start quiz").click()
    right = _right_answers(server)
    assert not set(_drawn_keys(server)) & set(first_keys), "a retry draws unseen questions"
    for number, ids in enumerate(right[:3], start=1):
        _answer(page, ids, number, total)
    expect(page.locator("#quiz")).to_contain_text(f"Question 4 of {total}")
    page.get_by_role("link", name="← Previous question").click()  # back, answer kept
    expect(page.locator("#quiz")).to_contain_text(f"Question 3 of {total}")
    for choice_id in right[2]:
        expect(page.locator(f'#quiz input[value="{choice_id}"]')).to_be_checked()
    _answer(page, right[2], 3, total)
    expect(page.locator("#quiz")).to_contain_text(f"Question 4 of {total}")
    shown = page.locator("#quiz legend").inner_text()

    page.reload()  # or a closed tab, or another device: the attempt resumes where it was
    expect(page.locator("#quiz")).to_contain_text(f"Question 4 of {total}")
    expect(page.locator("#quiz legend")).to_have_text(shown)
    screenshot(page, "training-quiz-question")
    for number, ids in enumerate(right[3:], start=4):
        _answer(page, ids, number, total)
    page.get_by_role("button", name="Submit quiz").click()
    expect(page.locator(".score")).to_contain_text("100%")
    expect(page.locator(".score")).to_contain_text("Passed")
    screenshot(page, "training-quiz-passed")
    page.get_by_role("link", name="View your certificate").click()
    expect(page.get_by_role("heading", name="Certificate of completion")).to_be_visible()
    code = page.locator("code").inner_text()
    screenshot(page, "training-certificate")

    page.goto(f"{server.url}/")
    panel = page.locator("#my-training")
    expect(panel).to_contain_text("Completed")
    expect(panel.locator(".certificate-list")).to_contain_text("Social media basic training")
    steps = page.locator(".step", has=page.get_by_role("heading", name="basic training"))
    expect(steps).to_contain_text("Certified on")
    screenshot(page, "training-dashboard-certified")
    assert code in panel.locator(".certificate-list a").get_attribute("href")


READ_ALL = """
from courses.models import LessonPage
from courses.services import lesson_complete
from people.models import User
user = User.objects.get(username="newhire")
for lesson in LessonPage.objects.live().filter(url_path__contains="social-media-basics"):
    lesson_complete(user=user, lesson=lesson)
"""


def test_without_javascript_on_a_phone_the_review_changes_and_the_wait_work(server, new_context):
    page = new_context(javascript=False).new_page()
    page.set_viewport_size({"width": 390, "height": 844})
    login(page, server, "newhire")
    server.manage("shell", "-c", READ_ALL)
    page.goto(f"{server.url}/training/social-media-basics/quiz/")
    page.get_by_role("button", name="Start quiz").click()
    right = _right_answers(server)
    total = len(right)
    _answer(page, right[0], 1, total)
    page.get_by_role("link", name="Review answers").click()
    expect(page.locator("#quiz h2")).to_have_text("Review your answers")
    expect(page.locator("#quiz")).to_contain_text(f"{total - 1} of {total} questions not answered")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(page, "training-quiz-review-390")
    page.get_by_role("link", name="Change answer 1").click()
    expect(page.locator("#quiz")).to_contain_text(f"Question 1 of {total}")
    page.get_by_role("link", name="Review answers").click()
    page.get_by_role("button", name="Submit quiz").click()
    expect(page.locator(".score")).to_contain_text("Not passed")
    wait = page.locator(".quiz-block time")
    expect(wait).to_have_text(re.compile(r"\d\d:\d\d$"))  # a clock time, no countdown
    expect(page.locator("[data-countdown-left]")).to_be_hidden()
    screenshot(page, "training-quiz-failed-390")
