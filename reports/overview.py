"""The programme overview at the top of the admin home: one row per thing HR watches,
each with its figure, what it counts, and a link to the report that explains it.

A fixed number of queries whatever the size of the programme (tests/reports/
test_overview.py). Sharing appears as totals only, as in the advocacy report.
"""

import datetime
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component

from courses.selectors import certificates_expiring
from courses.selectors.programme import training_counts
from policies.report import acknowledgement_summary
from portal.periods import day_start, week_start
from sharing.selectors.programme import sharing_counts

REPORTS_PERMISSION = "reports.view_reportaccess"


@dataclass(frozen=True)
class OverviewRow:
    key: str
    label: str
    value: int | str
    detail: str
    url: str
    link_text: str
    attention: bool = False  # something to act on (overdue people, pending suggestions)


def _plural(count: int, one: str, many: str) -> str:
    return f"{count:,} {one if count == 1 else many}"


def _training_rows(today: datetime.date, training_url: str) -> list[OverviewRow]:
    counts = training_counts(today=today)
    expiring = certificates_expiring(today=today)
    return [
        OverviewRow(
            "onboarding",
            "In training now",
            counts.in_onboarding,
            f"{_plural(counts.overdue, 'person is', 'people are')} overdue"
            if counts.overdue
            else "nobody is overdue",
            training_url,
            "Training report",
            attention=counts.overdue > 0,
        ),
        OverviewRow(
            "certified",
            "Certified advocates",
            counts.certified,
            "hold a valid certificate today",
            training_url,
            "Training report",
        ),
        # Recertification: certificates that run out soon and were not renewed.
        OverviewRow(
            "expiring",
            "Certificates expiring",
            expiring.next_30_days,
            f"in the next 30 days; {expiring.next_90_days:,} in the next 90",
            training_url,
            "Training report",
            attention=expiring.next_30_days > 0,
        ),
    ]


def _policy_rows() -> list[OverviewRow]:
    url = reverse("policies_acknowledgement_report")
    rows = [row for row in acknowledgement_summary() if row.current]
    if not rows:
        return [
            OverviewRow(
                "policy",
                "Policy acknowledgement",
                "—",
                "no policy asks for acknowledgement yet",
                url,
                "Policy report",
            )
        ]
    return [
        OverviewRow(
            f"policy-{row.policy_id}",
            f"{row.title}, version {row.version}",
            f"{row.percent} %",
            f"{row.acknowledged:,} of {row.employees:,} acknowledged; {row.missing:,} still to do",
            f"{url}?version={row.key}&status=missing",
            "Who is missing",
            attention=row.missing > 0,
        )
        for row in rows
    ]


def _sharing_rows(today: datetime.date) -> list[OverviewRow]:
    monday = week_start(today)
    counts = sharing_counts(
        since=day_start(monday), until=day_start(today + datetime.timedelta(days=1))
    )
    advocacy = f"{reverse('chorus_reports:advocacy')}?start={monday}&end={today}"
    return [
        OverviewRow(
            "shares",
            "Shares this week",
            counts.shares,
            f"and {_plural(counts.credited_clicks, 'credited click', 'credited clicks')}, "
            f"since Monday {monday:%d %b}",
            advocacy,
            "Advocacy report",
        ),
        OverviewRow(
            "suggestions",
            "Suggestions waiting",
            counts.pending_suggestions,
            "for review",
            reverse("sharing_suggestion:index") + "?state=pending",
            "Review suggestions",
            attention=counts.pending_suggestions > 0,
        ),
    ]


def overview_rows(*, today: datetime.date | None = None) -> list[OverviewRow]:
    """Every row of the overview, in the order shown. Eight queries."""
    today = today or timezone.localdate()
    training_url = reverse("chorus_reports:training")
    return [*_training_rows(today, training_url), *_policy_rows(), *_sharing_rows(today)]


class ProgrammeOverviewPanel(Component):
    """The admin home's first panel, for those who may read the Chorus reports."""

    name = "chorus_programme_overview"
    order = 10
    template_name = "reports/admin_home_overview.html"

    class Media:
        css = {"all": ["reports/overview.css"]}

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        return {"rows": overview_rows(), "today": timezone.localdate()}
