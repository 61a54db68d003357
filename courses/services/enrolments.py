"""Writes for enrolments, onboarding rules, lesson progress and certificates."""

import secrets
from datetime import date, datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from courses.models import (
    Certificate,
    CoursePage,
    Enrolment,
    EnrolmentSource,
    LessonCompletion,
    LessonPage,
    OnboardingRule,
    QuizAttempt,
)
from courses.notices import course_notice_subject
from leaderboard.models import Reason
from leaderboard.services import points_award
from notifications.services import notifications_resolve
from people.models import Department, User
from portal.periods import months_after


@transaction.atomic
def enrolment_create(
    *,
    user: User,
    course: CoursePage,
    due_on: date | None = None,
    source: EnrolmentSource = EnrolmentSource.MANUAL,
    rule: OnboardingRule | None = None,
    created_by: User | None = None,
) -> tuple[Enrolment, bool]:
    """Enrol `user` in `course`; an existing enrolment is kept as it is. An editor's
    enrolment (source MANUAL) without a due date is due after the course's default days;
    the others keep `due_on` as given (None: no due date). Returns (enrolment, created)."""
    existing = Enrolment.objects.filter(user=user, course=course).first()
    if existing is not None:
        return existing, False
    if due_on is None and source == EnrolmentSource.MANUAL:
        due_on = timezone.localdate() + timedelta(days=course.default_due_days)
    try:
        with transaction.atomic():
            enrolment = Enrolment.objects.create(
                user=user,
                course=course,
                due_on=due_on,
                source=source,
                rule=rule,
                created_by=created_by,
            )
    except IntegrityError:
        return Enrolment.objects.get(user=user, course=course), False
    return enrolment, True


def _rule_due_on(rule: OnboardingRule, user: User) -> date:
    """N days after joining; someone whose N days had already run out when the rule was
    added gets N days from the rule's start instead."""
    started = timezone.localtime(rule.created_at).date()
    due = user.joined_on + timedelta(days=rule.days)
    return due if due >= started else started + timedelta(days=rule.days)


@transaction.atomic
def onboarding_rule_apply(*, rule: OnboardingRule) -> int:
    """Enrol every matching active employee not yet enrolled. Returns how many were enrolled."""
    rule = OnboardingRule.objects.select_related("course").get(pk=rule.pk)
    users = User.objects.filter(is_active=True).exclude(enrolments__course_id=rule.course_id)
    if rule.department_id:
        users = users.filter(department_id=rule.department_id)
    rows = [
        Enrolment(
            user=user,
            course_id=rule.course_id,
            due_on=_rule_due_on(rule, user),
            source=EnrolmentSource.RULE,
            rule=rule,
        )
        for user in users.only("pk", "joined_on")
    ]
    Enrolment.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


@transaction.atomic
def onboarding_rule_create(
    *,
    course: CoursePage,
    due_days: int | None = None,
    department: Department | None = None,
    created_at: datetime | None = None,
) -> tuple[OnboardingRule, int]:
    """Add a rule and enrol the employees it matches now, in one transaction (a rule is
    never saved without its enrolments). Returns (rule, how many were enrolled)."""
    rule = OnboardingRule.objects.create(
        course=course,
        department=department,
        due_days=due_days,
        created_at=created_at or timezone.now(),
    )
    return rule, onboarding_rule_apply(rule=rule)


def enrolments_apply_rules(*, user: User) -> int:
    """Enrol a (new) employee in every course whose onboarding rules match them.
    Called whenever a user is created. Returns how many enrolments were created."""
    rules = (
        OnboardingRule.objects.filter(Q(department__isnull=True) | Q(department=user.department_id))
        .exclude(course__enrolments__user=user)
        .select_related("course")
        .order_by("created_at")
    )
    created = 0
    with transaction.atomic():
        for rule in rules:
            _, was_created = enrolment_create(
                user=user,
                course=rule.course,
                due_on=_rule_due_on(rule, user),
                source=EnrolmentSource.RULE,
                rule=rule,
            )
            created += was_created
    return created


def enrolments_apply_rules_to_new(*, users: list[User]) -> int:
    """enrolments_apply_rules for many people created at once (a roster import): the rules
    are read once and the enrolments inserted together. Returns how many were created."""
    rules = list(OnboardingRule.objects.select_related("course").order_by("created_at"))
    wanted: dict[tuple[int, int], Enrolment] = {}
    for user in users:
        for rule in rules:
            if rule.department_id in (None, user.department_id):
                # The oldest matching rule wins, as enrolments_apply_rules keeps the first.
                wanted.setdefault(
                    (user.pk, rule.course_id),
                    Enrolment(
                        user=user,
                        course=rule.course,
                        due_on=_rule_due_on(rule, user),
                        source=EnrolmentSource.RULE,
                        rule=rule,
                    ),
                )
    created = Enrolment.objects.bulk_create(wanted.values(), ignore_conflicts=True, batch_size=500)
    return len(created)


def enrolments_close(*, user: User) -> int:
    """Close `user`'s unfinished enrolments (they left): nothing is deleted, and a closed
    enrolment is no longer due, overdue or reminded. Returns how many were closed. Runs in
    the caller's transaction (people.services.person_deactivate, through its hook)."""
    return Enrolment.objects.filter(
        user=user, completed_at__isnull=True, closed_at__isnull=True
    ).update(closed_at=timezone.now())


def _course_of(lesson: LessonPage) -> CoursePage:
    return CoursePage.objects.ancestor_of(lesson).get()


@transaction.atomic
def lesson_complete(
    *, user: User, lesson: LessonPage, at: datetime | None = None
) -> tuple[LessonCompletion, bool]:
    """Mark a live lesson done for `user` (enrolling them if they were not) and award its
    points once. Returns (completion, created); a repeat changes nothing. `at` backdates
    (demo history only)."""
    at = at or timezone.now()
    existing = LessonCompletion.objects.filter(user=user, lesson=lesson).first()
    if existing is not None:
        return existing, False
    course = _course_of(lesson)
    enrolment_create(user=user, course=course, source=EnrolmentSource.SELF)
    try:
        with transaction.atomic():
            completion = LessonCompletion.objects.create(
                user=user, lesson=lesson, course=course, completed_at=at
            )
    except IntegrityError:
        return LessonCompletion.objects.get(user=user, lesson=lesson), False
    points_award(
        user=user,
        reason=Reason.LESSON_COMPLETED,
        key=f"lesson:{user.pk}:{lesson.pk}",
        source=completion,
        at=at,
    )
    return completion, True


def _certificate_code() -> str:
    return "-".join(secrets.token_hex(2).upper() for _ in range(3))


def course_complete(*, attempt: QuizAttempt) -> Certificate | None:
    """After a passed attempt (inside its transaction): mark the enrolment complete, award
    course points, and for a certifying course issue a certificate and its points."""
    user, course = attempt.user, CoursePage.objects.get(pk=attempt.course_id)
    enrolment, _ = enrolment_create(user=user, course=course, source=EnrolmentSource.SELF)
    if enrolment.completed_at is None:
        Enrolment.objects.filter(pk=enrolment.pk).update(completed_at=attempt.submitted_at)
    # Reminders to finish (or renew) this course have been answered.
    notifications_resolve(
        user=user, subject=course_notice_subject(course.pk), at=attempt.submitted_at
    )
    points_award(
        user=user,
        reason=Reason.COURSE_COMPLETED,
        key=f"course:{user.pk}:{course.pk}",
        source=attempt,
        at=attempt.submitted_at,
    )
    if not course.certifies_advocates:
        return None
    issued = attempt.submitted_at
    expires_on = None
    if course.certificate_validity_months:
        expires_on = months_after(
            timezone.localtime(issued).date(), course.certificate_validity_months
        )
    certificate = Certificate.objects.create(
        user=user,
        course=course,
        attempt=attempt,
        course_title=course.title,
        issued_at=issued,
        expires_on=expires_on,
        code=_certificate_code(),
    )
    points_award(
        user=user,
        reason=Reason.CERTIFIED,
        key=f"certified:{user.pk}:{course.pk}",
        source=certificate,
        at=issued,
    )
    return certificate
