"""Admin screens for what editors manage that is not a page (onboarding rules and hand
enrolments), the refusal to delete pages that hold people's records, and what training
adds to shared pages and commands."""

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from courses import dashboard, demo, demo_recertification, notices, records
from courses.admin_views import (
    EnrolmentCreateView,
    RuleCreateView,
    RuleDeleteView,
    RuleEditView,
    training_records_held,
)
from courses.models import Enrolment, OnboardingRule
from courses.selectors.lessons import GENERATION_KEY
from courses.services import enrolments_apply_rules_to_new, enrolments_close
from notifications.kinds import NOTIFICATION_KINDS
from people.records import RECORDS_SECTION
from people.services import PEOPLE_CREATED, PERSON_DEACTIVATED
from portal.extensions import (
    CACHE_READ_AHEAD,
    DASHBOARD_PANEL,
    DASHBOARD_STEP,
    DEMO_SEED,
    NAV_ITEM,
    PAGE_RECORDS,
)
from portal.navigation import section_nav_item


class OnboardingRuleViewSet(ModelViewSet):
    model = OnboardingRule
    icon = "calendar"
    menu_label = "Onboarding rules"
    form_fields = ["course", "department", "due_days"]
    list_display = ["course", "who", "days", "created_at"]
    add_view_class = RuleCreateView
    edit_view_class = RuleEditView
    delete_view_class = RuleDeleteView


class EnrolmentViewSet(ModelViewSet):
    model = Enrolment
    icon = "user"
    menu_label = "Enrolments"
    form_fields = ["user", "course", "due_on"]
    list_display = ["user", "course", "due_on", "source", "completed_at"]
    list_filter = ["course", "source"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    add_view_class = EnrolmentCreateView


class TrainingGroup(ModelViewSetGroup):
    menu_label = "Training"
    menu_icon = "doc-full-inverse"
    menu_order = 250
    items = (OnboardingRuleViewSet("onboarding_rules"), EnrolmentViewSet("enrolments"))


@hooks.register("register_admin_viewset")
def register_training_viewsets():
    return TrainingGroup()


hooks.register(DASHBOARD_STEP, dashboard.training_step, order=10)
hooks.register(DASHBOARD_PANEL, dashboard.training_panel, order=20)
hooks.register(RECORDS_SECTION, lambda: records.SECTION, order=20)
hooks.register(DEMO_SEED, demo.seed, order=30)
hooks.register(DEMO_SEED, demo_recertification.seed_recertification, order=31)
hooks.register(NOTIFICATION_KINDS, lambda: notices.KINDS)
hooks.register(DEMO_SEED, demo.seed_notices, order=73)
hooks.register(PAGE_RECORDS, training_records_held)
hooks.register(PERSON_DEACTIVATED, enrolments_close)
hooks.register(PEOPLE_CREATED, enrolments_apply_rules_to_new)


@hooks.register(NAV_ITEM, order=20)
def training_nav_item(request):
    return section_nav_item(request, "Training", "training")


@hooks.register(CACHE_READ_AHEAD)
def courses_read_ahead():
    return [GENERATION_KEY]  # the outlines' (the dashboard's training, every course page)
