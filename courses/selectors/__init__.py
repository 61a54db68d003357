"""Reads for training: progress, status, quiz state, certificates.

Every selector runs a fixed number of queries, however many lessons, questions, courses
or people there are. Other apps use `advocate_is_certified` and `certificate_current`.
"""

from courses.selectors.certificates import (
    advocate_is_certified,
    certificate_current,
    certificate_list,
)
from courses.selectors.progress import (
    COMPLETED,
    IN_PROGRESS,
    NOT_STARTED,
    OVERDUE,
    CourseProgress,
    TrainingOverview,
    catalogue_for,
    course_progress,
    enrolment_status,
    lesson_context,
    page_url,
    progress_for,
    training_overview,
)
from courses.selectors.quiz import (
    QuizState,
    attempt_answer_feedback,
    attempt_question,
    attempt_review,
    quiz_state,
)

__all__ = [
    "COMPLETED",
    "IN_PROGRESS",
    "NOT_STARTED",
    "OVERDUE",
    "CourseProgress",
    "QuizState",
    "TrainingOverview",
    "advocate_is_certified",
    "attempt_answer_feedback",
    "attempt_question",
    "attempt_review",
    "catalogue_for",
    "certificate_current",
    "certificate_list",
    "course_progress",
    "enrolment_status",
    "lesson_context",
    "page_url",
    "progress_for",
    "quiz_state",
    "training_overview",
]
