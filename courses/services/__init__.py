"""Writes for training. Keyword-only, typed, each under one transaction."""

from courses.services.enrolments import (
    enrolment_create,
    enrolments_apply_rules,
    enrolments_apply_rules_to_new,
    enrolments_close,
    lesson_complete,
    onboarding_rule_create,
)
from courses.services.quiz import (
    QuizRefused,
    QuizTimeUp,
    quiz_answer_save,
    quiz_attempt_start,
    quiz_attempt_submit,
    quiz_draw,
)
from courses.services.recertification import certificate_expire, certificate_expiries_process
from courses.services.reminders import due_notifications_send

__all__ = [
    "QuizRefused",
    "QuizTimeUp",
    "certificate_expire",
    "certificate_expiries_process",
    "due_notifications_send",
    "enrolment_create",
    "enrolments_apply_rules",
    "enrolments_apply_rules_to_new",
    "enrolments_close",
    "lesson_complete",
    "onboarding_rule_create",
    "quiz_answer_save",
    "quiz_attempt_start",
    "quiz_attempt_submit",
    "quiz_draw",
]
