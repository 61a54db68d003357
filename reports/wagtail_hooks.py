"""The "Chorus reports" admin menu and its report URLs (/admin/reports/<name>/), and the
programme overview on the admin home (reports/overview.py).

The policy acknowledgement report belongs to the policies app; it is moved from Wagtail's
Reports menu into this one (its URL stays /admin/reports/policy-acknowledgements/).
"""

from django.urls import NoReverseMatch, include, path, reverse
from django.views.generic import RedirectView
from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem

from portal.permissions import PermissionMenuItem
from reports import views
from reports.overview import REPORTS_PERMISSION, ProgrammeOverviewPanel

POLICY_REPORT_URL_NAME = "policies_acknowledgement_report"

chorus_reports_menu = Menu(
    register_hook_name="register_chorus_reports_menu_item",
    construct_hook_name="construct_chorus_reports_menu",
)


class ReportMenuItem(PermissionMenuItem):
    def __init__(self, *args, permission: str = "reports.view_reportaccess", **kwargs):
        super().__init__(*args, permission=permission, **kwargs)


report_urls = (
    [
        path("training/", views.TrainingReportView.as_view(), name="training"),
        path("quiz-questions/", views.QuizReportView.as_view(), name="quiz"),
        path("advocacy/", views.AdvocacyReportView.as_view(), name="advocacy"),
        path(
            "policy/",
            RedirectView.as_view(pattern_name=POLICY_REPORT_URL_NAME, query_string=True),
            name="policy",
        ),
    ],
    "chorus_reports",
)


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("reports/", include(report_urls))]


@hooks.register("register_admin_menu_item")
def register_chorus_reports_menu():
    return SubmenuMenuItem(
        "Chorus reports", chorus_reports_menu, icon_name="doc-full-inverse", order=850
    )


@hooks.register("register_chorus_reports_menu_item")
def training_menu_item():
    return ReportMenuItem("Training", reverse("chorus_reports:training"), order=10)


@hooks.register("register_chorus_reports_menu_item")
def quiz_menu_item():
    return ReportMenuItem("Quiz questions", reverse("chorus_reports:quiz"), order=20)


@hooks.register("register_chorus_reports_menu_item")
def advocacy_menu_item():
    return ReportMenuItem("Advocacy", reverse("chorus_reports:advocacy"), order=40)


def _policy_report_url() -> str | None:
    try:
        return reverse(POLICY_REPORT_URL_NAME)
    except NoReverseMatch:
        return None


@hooks.register("register_chorus_reports_menu_item")
def policy_menu_item():
    url = _policy_report_url()
    return ReportMenuItem(
        "Policy acknowledgements",
        url or "#",
        order=30,
        permission="policies.view_acknowledgement" if url else "nobody.has_this",
    )


@hooks.register("construct_reports_menu")
def move_policy_report(request, menu_items):
    url = _policy_report_url()
    menu_items[:] = [item for item in menu_items if item.url != url]


@hooks.register("construct_homepage_panels")
def programme_overview_panel(request, panels):
    # First on the admin home, above Wagtail's moderation and recent-edits panels.
    if request.user.has_perm(REPORTS_PERMISSION):
        panels.insert(0, ProgrammeOverviewPanel(request))
