from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy

from notifications.kinds import NOTIFICATION_KINDS
from people.records import RECORDS_SECTION
from policies import demo, notices
from policies.admin_views import AcknowledgementReportView, policy_records_held
from policies.models import Acknowledgement
from policies.panels import ACKNOWLEDGEMENTS_SECTION, policy_banner, policy_step
from policies.selectors import CURRENT_VERSIONS_CACHE_KEY
from policies.viewsets import AcknowledgementViewSet
from portal.extensions import (
    BANNER,
    CACHE_READ_AHEAD,
    DASHBOARD_STEP,
    DEMO_SEED,
    NAV_ITEM,
    PAGE_RECORDS,
)
from portal.navigation import section_nav_item
from portal.permissions import RecordPermissionPolicy

register_permission_policy(Acknowledgement, RecordPermissionPolicy(Acknowledgement))
acknowledgement_viewset = AcknowledgementViewSet()


@hooks.register("register_admin_viewset")
def register_acknowledgement_records():
    return acknowledgement_viewset


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path(
            "reports/policy-acknowledgements/",
            AcknowledgementReportView.as_view(),
            name="policies_acknowledgement_report",
        ),
        path(
            "reports/policy-acknowledgements/results/",
            AcknowledgementReportView.as_view(results_only=True),
            name="policies_acknowledgement_report_results",
        ),
    ]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("policies.view_acknowledgement")


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return ReportMenuItem(
        "Policy acknowledgements",
        reverse("policies_acknowledgement_report"),
        icon_name="doc-full",
        order=50,
    )


@hooks.register("register_reports_menu_item")
def register_records_menu_item():
    return ReportMenuItem(
        "Acknowledgement records",
        reverse(acknowledgement_viewset.get_url_name("index")),
        icon_name="tick-inverse",
        order=51,
    )


hooks.register(BANNER, policy_banner, order=10)
hooks.register(DASHBOARD_STEP, policy_step, order=20)
hooks.register(RECORDS_SECTION, lambda: ACKNOWLEDGEMENTS_SECTION, order=30)
hooks.register(DEMO_SEED, demo.seed, order=40)
hooks.register(NOTIFICATION_KINDS, lambda: notices.KINDS)
hooks.register(PAGE_RECORDS, policy_records_held)


@hooks.register(NAV_ITEM, order=30)
def policy_nav_item(request):
    return section_nav_item(request, "Policy", "policy")


@hooks.register(CACHE_READ_AHEAD)
def policies_read_ahead():
    return [CURRENT_VERSIONS_CACHE_KEY]  # the banner on every page asks for them
