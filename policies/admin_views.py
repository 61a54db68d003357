"""The acknowledgement report in the Wagtail admin (with Wagtail's CSV/XLSX export), and
the refusal to delete a policy page that people's records refer to."""

import django_filters
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy

from people.models import Department, User
from policies.models import Acknowledgement
from policies.report import acknowledgement_people, acknowledgement_summary, report_versions
from policies.selectors import policy_records_under
from portal.exports import SafeSpreadsheetExportMixin


class AcknowledgementStatus(models.TextChoices):
    MISSING = "missing", "Still to acknowledge"
    DONE = "done", "Acknowledged"

    @classmethod
    def of(cls, acknowledged_at) -> "AcknowledgementStatus":
        return cls.DONE if acknowledged_at else cls.MISSING


def _version_choices(request=None):
    return [
        (f"{v.policy_id}:{v.number}", f"{v.policy.title} — version {v.number}")
        for v in report_versions()
    ]


class AcknowledgementReportFilterSet(WagtailFilterSet):
    version = django_filters.ChoiceFilter(
        label="Policy version",
        choices=_version_choices,
        method="filter_nothing",  # chooses what the report is about (see the view)
        empty_label=None,
    )
    department = django_filters.ModelChoiceFilter(
        label="Department",
        queryset=Department.objects.all(),
        field_name="department",
        empty_label="All departments",
    )
    status = django_filters.ChoiceFilter(
        label="Status",
        choices=AcknowledgementStatus.choices,
        method="filter_status",
        empty_label="Everyone",
    )

    class Meta:
        model = User
        fields = ["version", "department", "status"]

    def filter_nothing(self, queryset, name, value):
        return queryset

    def filter_status(self, queryset, name, value):
        if value == AcknowledgementStatus.MISSING:
            return queryset.filter(acknowledged_at__isnull=True)
        if value == AcknowledgementStatus.DONE:
            return queryset.filter(acknowledged_at__isnull=False)
        return queryset


class StatusColumn(Column):
    def get_value(self, instance):
        return AcknowledgementStatus.of(instance.acknowledged_at).label


class AcknowledgementReportView(SafeSpreadsheetExportMixin, ReportView):
    page_title = "Policy acknowledgements"
    header_icon = "doc-full"
    index_url_name = "policies_acknowledgement_report"
    index_results_url_name = "policies_acknowledgement_report_results"
    results_template_name = "policies/admin/acknowledgement_report_results.html"
    filterset_class = AcknowledgementReportFilterSet
    permission_policy = ModelPermissionPolicy(Acknowledgement)
    permission_required = "view"
    model = User
    default_ordering = "department__name"
    paginate_by = 100
    columns = [
        Column("name", label="Name", accessor="name"),
        Column("username", label="Username"),
        Column("department", label="Department", accessor="department"),
        StatusColumn("status", label="Status"),
        DateColumn("acknowledged_at", label="Acknowledged"),
    ]
    list_export = [
        "name",
        "username",
        "department_name",
        "policy",
        "version",
        "status",
        "acknowledged_at",
    ]
    export_headings = {
        "name": "Name",
        "username": "Username",
        "department_name": "Department",
        "policy": "Policy",
        "version": "Version",
        "status": "Status",
        "acknowledged_at": "Acknowledged at",
    }

    @cached_property
    def selected(self) -> tuple[int, int] | None:
        """(policy id, version) the report is about: the chosen one, else the newest."""
        choices = [key for key, _ in _version_choices()]
        wanted = self.request.GET.get("version")
        key = wanted if wanted in choices else (choices[0] if choices else None)
        if key is None:
            return None
        policy_id, version = key.split(":")
        return int(policy_id), int(version)

    @cached_property
    def department_id(self) -> int | None:
        filters = self.filters
        if filters is not None and filters.is_valid():
            department = filters.form.cleaned_data.get("department")
            return department.pk if department else None
        return None

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        if self.selected and "version" not in kwargs["data"]:
            data = kwargs["data"].copy()
            data["version"] = "{}:{}".format(*self.selected)
            kwargs["data"] = data
        return kwargs

    def get_base_queryset(self):
        if self.selected is None:
            return User.objects.none()
        policy_id, version = self.selected
        return acknowledgement_people(policy_id=policy_id, version=version)

    def order_queryset(self, queryset):
        return queryset.order_by("acknowledged_at", "department__name", "last_name", "username")

    def get_filename(self):
        suffix = "-v{1}".format(*self.selected) if self.selected else ""
        return f"policy-acknowledgements{suffix}-{timezone.localdate():%Y-%m-%d}"

    def to_row_dict(self, item):
        summary = self.summary_selected
        return {
            "name": item.name,
            "username": item.username,
            "department_name": item.department.name if item.department else "",
            "policy": summary.title if summary else "",
            "version": summary.version if summary else "",
            "status": AcknowledgementStatus.of(item.acknowledged_at).label,
            "acknowledged_at": item.acknowledged_at or "",
        }

    @cached_property
    def summary(self):
        return acknowledgement_summary(department_id=self.department_id)

    @cached_property
    def summary_selected(self):
        if self.selected is None:
            return None
        key = "{}:{}".format(*self.selected)
        return next((row for row in self.summary if row.key == key), None)

    def get_export_url(self, format):
        # The report's own address, also when the filters re-render only the results.
        params = self.request.GET.copy()
        params["export"] = format
        return f"{reverse(self.index_url_name)}?{params.urlencode()}"

    @cached_property
    def header_more_buttons(self):
        # The downloads are buttons above the results, as on the other Chorus reports,
        # not entries in the header's "…" menu.
        return []

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["summary"] = self.summary
        context["summary_selected"] = self.summary_selected
        context["csv_url"] = self.csv_export_url
        context["xlsx_url"] = self.xlsx_export_url
        return context


def policy_records_held(*, page: Page) -> str | None:
    """PAGE_RECORDS: why `page` cannot be deleted when it, or a page below it, is a policy
    with versions or acknowledgements; None otherwise."""
    records = policy_records_under(page=page)
    if not records:
        return None
    # A policy has no pages below it: a page that has some holds policies, it is not one.
    what, whose = ("the policies below it", "their") if page.numchild else ("it", "its")
    versions = f"{records.versions} version{'s' if records.versions != 1 else ''}"
    if records.people:
        who = "1 person has" if records.people == 1 else f"{records.people} people have"
        held = f"{who} acknowledged {what}, and {whose} version history ({versions}) is kept "
        held += "with those acknowledgements; people's records"
    else:
        held = f"{whose} version history ({versions}) records what was in effect and when, "
        held += "and records"
    return (
        f"“{page.get_admin_display_title()}” cannot be deleted: {held} are never deleted "
        "with a page. Unpublish it instead: it leaves the portal, and the records stay for "
        "their history and the reports."
    )
