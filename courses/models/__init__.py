from courses.models.pages import CourseIndexPage, CoursePage, FeedbackMode, LessonPage, QuizPage
from courses.models.records import (
    AttemptAnswer,
    Certificate,
    Enrolment,
    EnrolmentSource,
    LessonCompletion,
    OnboardingRule,
    QuizAttempt,
)

__all__ = [
    "AttemptAnswer",
    "Certificate",
    "CourseIndexPage",
    "CoursePage",
    "Enrolment",
    "EnrolmentSource",
    "FeedbackMode",
    "LessonCompletion",
    "LessonPage",
    "OnboardingRule",
    "QuizAttempt",
    "QuizPage",
]
