"""Training actions: mark a lesson complete, start a quiz, answer, submit, certificate.

Pages (catalogue, course, lesson, quiz intro) are served by Wagtail; these views do the
writes and the one-question-per-screen attempt. Each htmx view also works as a plain form.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRedirect, replace_url

from courses import services
from courses.models import Certificate, FeedbackMode, LessonPage, QuizAttempt, QuizPage
from courses.quiz_rules import Refusal
from courses.selectors import (
    answers_are_shown,
    attempt_answer_feedback,
    attempt_answers,
    attempt_overview,
    attempt_question,
    attempt_review,
    attempt_topics,
    lesson_state,
    quiz_state,
)


@require_POST
@vary_on_headers("HX-Request")
def lesson_complete(request, lesson_id: int):
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    _, created = services.lesson_complete(user=request.user, lesson=lesson)
    if request.htmx:
        state = lesson_state(user=request.user, lesson=lesson, request=request)
        context = {"page": lesson, "lesson": state}
        return TemplateResponse(request, "courses/lesson_page.html#completion", context)
    if created:
        messages.success(request, f"“{lesson.title}” is marked as complete.")
    return redirect(lesson.get_url(request))


@require_POST
def quiz_start(request, quiz_id: int):
    quiz = get_object_or_404(QuizPage.objects.live(), pk=quiz_id)
    try:
        attempt = services.quiz_attempt_start(user=request.user, quiz=quiz)
    except services.QuizRefused as refusal:
        messages.error(request, refusal.message)
        return redirect(quiz.get_url(request))
    return redirect("courses:attempt", attempt_id=attempt.pk)


def _own_attempt(request, attempt_id: int, *, questions: bool = True) -> QuizAttempt:
    attempts = QuizAttempt.objects.select_related("quiz", "course").defer("quiz__questions")
    if not questions:  # the service reloads the attempt under a lock anyway
        attempts = attempts.defer("questions")
    attempt = attempts.filter(pk=attempt_id, user=request.user).first()
    if attempt is None:
        raise Http404("That quiz attempt does not exist or belongs to someone else.")
    return attempt


def _attempt_context(
    attempt: QuizAttempt, *, position: int | None = None, partial: bool = False, **extra
) -> dict:
    """The attempt screen at `position` (default: where it resumes); the number of
    questions is the review step. The `partial` (the htmx swap) shows neither the quiz
    nor the course, so they are not loaded for it."""
    position = attempt.position if position is None else position
    answers = attempt_answers(attempt=attempt) if attempt.is_open else {}
    on_question = attempt.is_open and position < attempt.total
    context = {
        "attempt": attempt,
        **({} if partial else {"quiz": attempt.quiz, "course": attempt.course}),
        "question": (
            attempt_question(attempt=attempt, position=position, answers=answers)
            if on_question
            else None
        ),
        "overview": (
            attempt_overview(attempt=attempt, answers=answers)
            if attempt.is_open and not on_question
            else None
        ),
        "unanswered": attempt.total - len(answers),
    }
    context.update(extra)
    return context


def _result_context(request, attempt: QuizAttempt) -> dict:
    state = quiz_state(user=request.user, quiz=attempt.quiz, course=attempt.course)
    certificate = Certificate.objects.filter(attempt=attempt).first()
    return _attempt_context(
        attempt,
        state=state,
        certificate=certificate,
        review=attempt_review(attempt=attempt) if answers_are_shown(attempt=attempt) else [],
        topics=[] if attempt.passed else attempt_topics(attempt=attempt),
    )


def _requested_position(request, attempt: QuizAttempt) -> int | None:
    """?q=N shows question N, ?review the review step; anything else: where it resumes."""
    if "review" in request.GET:
        return attempt.total
    try:
        number = int(request.GET.get("q", ""))
    except ValueError:
        return None
    return number - 1 if 1 <= number <= attempt.total else None


@require_GET
@vary_on_headers("HX-Request")
def attempt_detail(request, attempt_id: int):
    attempt = _own_attempt(request, attempt_id)
    if attempt.is_open and attempt.deadline and timezone.now() > attempt.deadline:
        attempt, _ = services.quiz_attempt_submit(user=request.user, attempt_id=attempt.pk)
        messages.warning(request, "Time was up, so your attempt was graded as it stood.")
    if not attempt.is_open:
        if request.htmx:  # a step of a tab left open: the result is a page of its own
            return HttpResponseClientRedirect(request.path)
        return TemplateResponse(request, "courses/result.html", _result_context(request, attempt))
    context = _attempt_context(attempt, position=_requested_position(request, attempt))
    if request.htmx:
        return TemplateResponse(request, "courses/attempt.html#quiz", {**context, "swapped": True})
    return TemplateResponse(request, "courses/attempt.html", context)


def _chosen(request) -> tuple[int | None, list[str]]:
    try:
        position = int(request.POST.get("position", ""))
    except ValueError:
        position = None
    return position, [value for value in request.POST.getlist("choice") if value]


@require_POST
@vary_on_headers("HX-Request")
def attempt_answer(request, attempt_id: int):
    # No read before the service's: it loads the attempt and its answers under its lock,
    # and refuses someone else's. The swap shows only the attempt (the quiz is read only
    # for feedback after each answer).
    position, choice_ids = _chosen(request)
    result_url = reverse("courses:attempt", kwargs={"attempt_id": attempt_id})
    try:
        if position is None:
            raise services.QuizRefused("That answer form was incomplete; nothing was saved.")
        attempt, answer = services.quiz_answer_save(
            user=request.user, attempt_id=attempt_id, position=position, choice_ids=choice_ids
        )
    except services.QuizTimeUp as refusal:
        services.quiz_attempt_submit(user=request.user, attempt_id=attempt_id)
        messages.warning(request, refusal.message)
        return HttpResponseClientRedirect(result_url) if request.htmx else redirect(result_url)
    except services.QuizRefused as refusal:
        if refusal.code == Refusal.NOT_FOUND:
            raise Http404(refusal.message) from refusal
        if refusal.code == Refusal.SUBMITTED:
            messages.warning(request, refusal.message)
            return HttpResponseClientRedirect(result_url) if request.htmx else redirect(result_url)
        attempt = _own_attempt(request, attempt_id)  # also the 404 for someone else's
        stay = position if refusal.code != Refusal.POSITION else None
        context = _attempt_context(attempt, position=stay, error=refusal.message)
        if request.htmx:
            return TemplateResponse(request, "courses/attempt.html#quiz", context, status=422)
        return TemplateResponse(request, "courses/attempt.html", context, status=400)
    feedback = None
    if attempt.feedback == FeedbackMode.EACH:
        feedback = attempt_answer_feedback(
            attempt=attempt, position=answer.position, choice_ids=answer.choice_ids
        )
    if request.htmx:
        context = _attempt_context(attempt, feedback=feedback, swapped=True, partial=True)
        response = TemplateResponse(request, "courses/attempt.html#quiz", context)
        return replace_url(response, result_url)  # a reload resumes where the attempt is
    if feedback:
        verdict = "Correct" if feedback["correct"] else "Not quite"
        messages.info(
            request, f"Question {feedback['number']}: {verdict}. {feedback['explanation']}"
        )
    return redirect(result_url)


@require_POST
def attempt_submit(request, attempt_id: int):
    attempt = _own_attempt(request, attempt_id, questions=False)
    attempt, graded_now = services.quiz_attempt_submit(user=request.user, attempt_id=attempt.pk)
    if graded_now and attempt.timed_out:
        messages.warning(request, "Time was up, so your attempt was graded as it stood.")
    return redirect("courses:attempt", attempt_id=attempt.pk)


@login_not_required  # the verification page: anyone given the code may check it
@require_GET
def certificate_detail(request, code: str):
    certificate = get_object_or_404(
        Certificate.objects.select_related("user", "course"), code=code.upper()
    )
    # A renewed certificate stays verifiable; the page says a newer one replaced it.
    newer = (
        Certificate.objects.filter(
            user=certificate.user_id,
            course=certificate.course_id,
            issued_at__gt=certificate.issued_at,
        )
        .order_by("issued_at")
        .first()
    )
    return TemplateResponse(
        request,
        "courses/certificate.html",
        {
            "certificate": certificate,
            "valid": certificate.is_valid_on(timezone.localdate()),
            "renewed_by": newer,
        },
    )
