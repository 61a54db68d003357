"""What training adds to the Wagtail admin's screens: onboarding rules and hand enrolments
(through the services), and why a page that holds people's records cannot be deleted."""

from wagtail.admin.views import generic
from wagtail.log_actions import log
from wagtail.models import Page

from courses.models import EnrolmentSource
from courses.selectors import people_with_records_under
from courses.services import enrolment_create, onboarding_rule_create


class RuleCreateView(generic.CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        rule, self.enrolled = onboarding_rule_create(
            course=data["course"], department=data["department"], due_days=data["due_days"]
        )
        log(instance=rule, action="wagtail.create", user=self.request.user, content_changed=True)
        return rule

    def get_success_message(self, instance):
        count = self.enrolled
        return f"Rule added; {count} employee{'s' if count != 1 else ''} enrolled."


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
