"""What people do in training: enrolments, completions, attempts, certificates, rules.

Deleting a page never deletes a person's record: every record points at its course,
lesson or quiz with on_delete=PROTECT, and the admin refuses to delete such a page (it
says to unpublish it instead; see courses.wagtail_hooks). PROTECT rather than SET_NULL
with a title snapshot, because none of these records means anything without its page:
progress, status and reminders read the page tree, certification reads the course's
rules, and the reports group by course and quiz.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone


class OnboardingRule(models.Model):
    """Enrol matching employees in a course, due N days after they join."""

    # A rule is editor configuration, not a person's record: it may go with its course
    # (whose enrolments protect it from deletion as long as anyone was enrolled).
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="onboarding_rules"
    )
    department = models.ForeignKey(
        "people.Department",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        help_text="Leave blank for everyone.",
    )
    due_days = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text="Due this many days after joining (people whose days had run out when the "
        "rule was added get them from then). Blank: the course's default.",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["course__title", "department__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["course", "department"], name="onboarding_rule_unique_department"
            ),
            models.UniqueConstraint(
                fields=["course"],
                condition=Q(department__isnull=True),
                name="onboarding_rule_unique_everyone",
            ),
        ]

    def __str__(self) -> str:
        who = self.department.name if self.department_id else "Everyone"
        return f"{self.course.title}: {who}, due in {self.days} days"

    @property
    def days(self) -> int:
        return self.due_days or self.course.default_due_days

    def who(self) -> str:
        return self.department.name if self.department_id else "Everyone"

    who.short_description = "Who"


class EnrolmentSource(models.TextChoices):
    RULE = "rule", "Onboarding rule"
    MANUAL = "manual", "Enrolled by an editor"
    SELF = "self", "Started it themselves"


class Enrolment(models.Model):
    # A record of what someone did, not editor content: Wagtail's usage index skips it.
    wagtail_reference_index_ignore = True

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments"
    )
    # Due dates, completion and reminders only mean something with the course's steps.
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.PROTECT, related_name="enrolments"
    )
    due_on = models.DateField(null=True, blank=True)
    source = models.CharField(
        max_length=10, choices=EnrolmentSource.choices, default=EnrolmentSource.MANUAL
    )
    rule = models.ForeignKey(OnboardingRule, null=True, blank=True, on_delete=models.SET_NULL)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    enrolled_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True)
    # Set when the person left before finishing: no longer due, overdue or reminded.
    closed_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Recertification: set when a certificate of the course expired and the person was
    # enrolled again. Quiz attempts before `cycle_started_at` no longer count as passed or
    # against the attempt limit; `expired_certificate` says which certificate lapsed.
    cycle_started_at = models.DateTimeField(null=True, blank=True, editable=False)
    expired_certificate = models.ForeignKey(
        "courses.Certificate",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    class Meta:
        ordering = ["due_on", "enrolled_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "course"], name="enrolment_unique_per_course")
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.course.title}"


class LessonCompletion(models.Model):
    # A record of what someone did, not editor content: Wagtail's usage index skips it.
    wagtail_reference_index_ignore = True

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_completions"
    )
    # Progress counts completions of the course's live lessons, found through the tree.
    lesson = models.ForeignKey(
        "courses.LessonPage", on_delete=models.PROTECT, related_name="completions"
    )
    course = models.ForeignKey("courses.CoursePage", on_delete=models.PROTECT, related_name="+")
    completed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "lesson"], name="lesson_completion_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} completed lesson {self.lesson_id}"


class QuizAttempt(models.Model):
    """One go at a quiz. `questions` is the draw, as the questions stood at the start:
    [{"key", "type", "text", "explanation", "choices": [{"id", "text", "correct"}]}].
    Correctness stays on the server; views only ever show the public projection."""

    # A record of what someone did, not editor content: Wagtail's usage index skips it.
    wagtail_reference_index_ignore = True

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    # The attempt keeps its own copy of the questions, but its number, the attempt limit
    # and the quiz report all count attempts per quiz.
    quiz = models.ForeignKey("courses.QuizPage", on_delete=models.PROTECT, related_name="attempts")
    course = models.ForeignKey("courses.CoursePage", on_delete=models.PROTECT, related_name="+")
    number = models.PositiveSmallIntegerField()
    seed = models.BigIntegerField()
    questions = models.JSONField()
    pass_mark = models.PositiveSmallIntegerField()
    feedback = models.CharField(max_length=10)
    position = models.PositiveSmallIntegerField(
        default=0, help_text="The question to resume at; the number of questions: the review."
    )
    started_at = models.DateTimeField(default=timezone.now)
    deadline = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    correct_count = models.PositiveSmallIntegerField(null=True, blank=True)
    score = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Percent.")
    passed = models.BooleanField(null=True)
    timed_out = models.BooleanField(default=False)

    class Meta:
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "quiz", "number"], name="attempt_number_unique"
            ),
            models.UniqueConstraint(
                fields=["user", "quiz"],
                condition=Q(submitted_at__isnull=True),
                name="attempt_one_open_per_quiz",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.quiz.title} #{self.number}"

    @property
    def total(self) -> int:
        return len(self.questions)

    @property
    def is_open(self) -> bool:
        return self.submitted_at is None


class AttemptAnswer(models.Model):
    # A record of what someone did, not editor content: Wagtail's usage index skips it.
    wagtail_reference_index_ignore = True

    # Part of its attempt (which no page deletion can remove): goes only with the attempt.
    attempt = models.ForeignKey(QuizAttempt, on_delete=models.CASCADE, related_name="answers")
    position = models.PositiveSmallIntegerField()
    choice_ids = models.JSONField()
    correct = models.BooleanField(null=True, help_text="Set when the attempt is graded.")
    # When the question was first answered; a later change keeps it (the speed check).
    answered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["attempt", "position"], name="answer_unique_position")
        ]

    def __str__(self) -> str:
        return f"Answer {self.position + 1} of attempt {self.attempt_id}"


class Certificate(models.Model):
    # A record of what someone did, not editor content: Wagtail's usage index skips it.
    wagtail_reference_index_ignore = True

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="certificates"
    )
    # course_title is a snapshot for the printed certificate, but whether it certifies an
    # advocate is the course's rule: with SET_NULL a deleted course would decertify people.
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.PROTECT, related_name="certificates"
    )
    attempt = models.OneToOneField(
        QuizAttempt, null=True, blank=True, on_delete=models.SET_NULL, related_name="certificate"
    )
    course_title = models.CharField(max_length=255)
    issued_at = models.DateTimeField(default=timezone.now)
    expires_on = models.DateField(null=True, blank=True)
    code = models.CharField(max_length=24, unique=True)

    class Meta:
        ordering = ["-issued_at"]

    def __str__(self) -> str:
        return f"{self.course_title} · {self.user} · {self.code}"

    def is_valid_on(self, day) -> bool:
        return self.expires_on is None or self.expires_on >= day
