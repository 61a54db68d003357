"""Reads for training: progress, status, quiz state, certificates.

Every selector runs a fixed number of queries, however many lessons, questions, courses
or people there are. Other apps use `advocate_is_certified`.
"""

from courses.selectors.certificates import (
    RENEWAL_WINDOW_DAYS,
    CertificateLapse,
    ExpiringCertificates,
    advocate_is_certified,
    certificate_list,
    certificates_expiring,
    certificates_renewable,
    certification_lapse,
)
from courses.selectors.deletion import people_with_records_under
from courses.selectors.lessons import LessonState, lesson_state
from courses.selectors.overview import TrainingOverview, training_overview
from courses.selectors.progress import (
    CourseProgress,
    TrainingStatus,
    catalogue_for,
    course_progress,
    enrolment_status,
    progress_for,
)
from courses.selectors.quiz import (
    QuizState,
    answers_are_shown,
    attempt_answer_feedback,
    attempt_answers,
    attempt_overview,
    attempt_question,
    attempt_review,
    attempt_topics,
    quiz_state,
)

__all__ = [
    "RENEWAL_WINDOW_DAYS",
    "CertificateLapse",
    "CourseProgress",
    "ExpiringCertificates",
    "LessonState",
    "QuizState",
    "TrainingOverview",
    "TrainingStatus",
    "advocate_is_certified",
    "answers_are_shown",
    "attempt_answer_feedback",
    "attempt_answers",
    "attempt_overview",
    "attempt_question",
    "attempt_review",
    "attempt_topics",
    "catalogue_for",
    "certificate_list",
    "certificates_expiring",
    "certificates_renewable",
    "certification_lapse",
    "course_progress",
    "enrolment_status",
    "lesson_state",
    "people_with_records_under",
    "progress_for",
    "quiz_state",
    "training_overview",
]
