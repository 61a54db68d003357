"""What training adds to the Wagtail admin's screens: onboarding rules and hand enrolments
(through the services), and why a page that holds people's records cannot be deleted."""

from django.db import transaction
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views import generic
from wagtail.admin.views.pages.create import CreateView as PageCreateView
from wagtail.log_actions import log
from wagtail.models import Page

from courses.models import CoursePage, EnrolmentSource, QuizPage
from courses.selectors import people_with_records_under
from courses.services import enrolment_create, onboarding_rule_create
from portal.audit import ONBOARDING_RULE_CHANGE, audit_record


class RuleCreateView(generic.CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        with transaction.atomic():
            rule, self.enrolled = onboarding_rule_create(
                course=data["course"], department=data["department"], due_days=data["due_days"]
            )
            log(rule, "wagtail.create", user=self.request.user, content_changed=True)
            _rule_audit(self.request.user, rule, change="create", enrolled=self.enrolled)
        return rule

    def get_success_message(self, instance):
        count = self.enrolled
        return f"Rule added; {count} employee{'s' if count != 1 else ''} enrolled."


class RuleEditView(generic.EditView):
    def save_instance(self):
        with transaction.atomic():
            rule = super().save_instance()
            _rule_audit(self.request.user, rule, change="edit", fields=self.form.changed_data)
        return rule


class RuleDeleteView(generic.DeleteView):
    def delete_action(self):
        with transaction.atomic():
            _rule_audit(self.request.user, self.object, change="delete")
            super().delete_action()


def _rule_audit(user, rule, *, change: str, **data) -> None:
    """Onboarding rules decide who must train by when: each change goes in the audit trail,
    with what the rule says after it (before it, for a delete)."""
    audit_record(
        actor=user,
        action=ONBOARDING_RULE_CHANGE,
        instance=rule,
        data={
            "change": change,
            "course": rule.course.title,
            "department": rule.department.name if rule.department else None,
            "due_days": rule.due_days,
            **data,
        },
    )


class EnrolmentCreateView(generic.CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        enrolment, _ = enrolment_create(
            user=data["user"],
            course=data["course"],
            due_on=data["due_on"],
            source=EnrolmentSource.MANUAL,
            created_by=self.request.user,
        )
        log(
            instance=enrolment,
            action="wagtail.create",
            user=self.request.user,
            content_changed=True,
        )
        return enrolment


def training_records_held(*, page: Page) -> str | None:
    """PAGE_RECORDS: why `page` cannot be deleted when it, or a page below it, holds
    training records; None when it holds none."""
    people = people_with_records_under(page=page)
    if not people:
        return None
    who = "1 person has" if people == 1 else f"{people} people have"
    what = "it or the pages below it" if page.numchild else "it"
    return (
        f"“{page.get_admin_display_title()}” cannot be deleted: {who} training records for "
        f"{what} (enrolments, completed lessons, quiz attempts or certificates), and people's "
        "records are never deleted with a page. Unpublish it instead: it leaves the "
        "portal, and the records stay for their history and the reports."
    )


def _quiz_state(quiz: QuizPage) -> str:
    if quiz.live:
        return "it is published"
    if quiz.first_published_at:
        return "it is unpublished"
    at = quiz.latest_revision_created_at
    when = f" on {timezone.localtime(at):%d %b at %H:%M}" if at else ""
    # Wagtail's autosave turns an "add" form into a draft at the first change.
    return (
        f"it is a draft that was never published, saved{when}, perhaps automatically "
        "when an earlier “add quiz” was left unfinished"
    )


@require_admin_access
@never_cache
def quiz_add(request, parent_page_id: int):
    """Wagtail's "add quiz" page, except when the course already has its one quiz: then
    a page saying so, with a link to that quiz, instead of Wagtail's "you do not have
    permission" (QuizPage.max_count_per_parent = 1)."""
    parent = get_object_or_404(Page, pk=parent_page_id).specific
    may_add = parent.permissions_for_user(request.user).can_add_subpage()
    quiz = QuizPage.objects.child_of(parent).first() if isinstance(parent, CoursePage) else None
    if quiz is None or not may_add:
        return PageCreateView.as_view()(request, "courses", "quizpage", parent_page_id)
    title, course = quiz.get_admin_display_title(), parent.get_admin_display_title()
    message = (
        f"A course has one quiz, and “{course}” already has “{title}” ({_quiz_state(quiz)}). "
        "Edit that quiz to change its questions, or delete it first to start again."
    )
    return TemplateResponse(
        request,
        "courses/admin/one_quiz.html",
        {"course": parent, "quiz": quiz, "message": message},
        status=409 if request.method == "POST" else 200,
    )
