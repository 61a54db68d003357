"""The shape every Chorus report shares: a filter form with a date range, sections of
tables (some with a chart), and CSV/XLSX export of exactly those tables.

Built on Wagtail's ReportView (and its SpreadsheetExportMixin: ?export=csv|xlsx), with
the export writing every table on screen instead of one queryset.
"""

import csv
import datetime
import json
import re
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any

from django import forms
from django.http import FileResponse, HttpResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.safestring import SafeString
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets import AdminDateInput
from wagtail.permission_policies import ModelPermissionPolicy

from portal.exports import SafeSpreadsheetExportMixin
from portal.periods import day_start
from reports.models import ReportAccess

DEFAULT_WEEKS = 12


@dataclass
class Column:
    key: str
    label: str
    numeric: bool = False


@dataclass
class Table:
    key: str
    title: str
    columns: list[Column]
    rows: list[dict[str, Any]]
    note: str = ""
    chart: SafeString | None = None
    empty: str = "Nothing in this period."

    @property
    def cell_rows(self) -> list[list[tuple[Any, bool]]]:
        """Rows as (value, numeric) cells in column order, for the template."""
        return [[(row.get(c.key), c.numeric) for c in self.columns] for row in self.rows]


@dataclass
class Figure:
    label: str
    value: Any
    note: str = ""


@dataclass
class Report:
    figures: list[Figure] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)


class ReportDateInput(AdminDateInput):
    """Wagtail's date picker, started from a static file (reports/date-filter.js) that
    reads the options from a data attribute. Wagtail's own widget calls initDateChooser
    in an inline script as it is parsed, before the admin has loaded the picker's script
    at the end of the page ("initDateChooser is not defined")."""

    template_name = "reports/widgets/date_input.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"]["data-chorus-date-chooser"] = json.dumps(self.get_config())
        return context

    @property
    def media(self):
        return super().media + forms.Media(js=["reports/date-filter.js"])


class DateRangeForm(forms.Form):
    """A date range (inclusive, programme time zone); the last 12 weeks by default."""

    start = forms.DateField(label="From", required=False, widget=ReportDateInput)
    end = forms.DateField(label="To", required=False, widget=ReportDateInput)

    def clean(self):
        data = super().clean()
        today = timezone.localdate()
        end = data.get("end") or today
        start = data.get("start") or end - datetime.timedelta(weeks=DEFAULT_WEEKS)
        if "start" in self.errors or "end" in self.errors:
            return data
        if end < start:
            raise forms.ValidationError("The end date is before the start date.")
        data["start"], data["end"] = start, end
        return data


def aware_range(
    start: datetime.date, end: datetime.date
) -> tuple[datetime.datetime, datetime.datetime]:
    """[start 00:00, the day after end 00:00) in the programme's time zone."""
    return day_start(start), day_start(end + datetime.timedelta(days=1))


def week_labels(weeks: list[datetime.date]) -> list[str]:
    """Chart labels for weeks, by their Monday ("02 Mar")."""
    return [f"{week:%d %b}" for week in weeks]


def percent(part: float, whole: float) -> float | None:
    return round(100 * part / whole, 1) if whole else None


class ChorusReportView(SafeSpreadsheetExportMixin, ReportView):
    """A Chorus report: subclasses set form_class and implement build(**cleaned_data)."""

    template_name = "reports/report.html"
    results_template_name = "reports/report.html"
    form_class = DateRangeForm
    permission_policy = ModelPermissionPolicy(ReportAccess)
    permission_required = "view"
    paginate_by = None
    header_icon = "doc-full-inverse"
    slug = ""
    intro = ""

    @cached_property
    def form(self) -> forms.Form:
        data = self.request.GET.copy()
        data.pop("export", None)
        # Show the default range in the fields rather than leaving them blank.
        if not data.get("start") and not data.get("end"):
            end = timezone.localdate()
            data["end"] = end.isoformat()
            data["start"] = (end - datetime.timedelta(weeks=DEFAULT_WEEKS)).isoformat()
        return self.form_class(data)

    def build(self, **filters) -> Report:
        raise NotImplementedError

    def get_queryset(self):
        return []

    @cached_property
    def report(self) -> Report | None:
        if not self.form.is_valid():
            return None
        return self.build(**self.form.cleaned_data)

    def get_filename(self):
        if self.form.is_valid():
            data = self.form.cleaned_data
            return f"chorus-{self.slug}-{data['start']:%Y-%m-%d}-to-{data['end']:%Y-%m-%d}"
        return f"chorus-{self.slug}"

    def get(self, request, *args, **kwargs):
        self.object_list = []
        if self.is_export and self.report is not None:
            return self.as_spreadsheet(self.report.tables, request.GET.get("export"))
        context = self.get_context_data()
        status = 200 if self.report is not None else 400
        return self.render_to_response(context, status=status)

    def render_to_response(self, context, **response_kwargs):
        # ReportView would export here; exports were handled in get().
        return super(ReportView, self).render_to_response(context, **response_kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            form=self.form,
            report=self.report,
            intro=self.intro,
            csv_url=self.csv_export_url,
            xlsx_url=self.xlsx_export_url,
        )
        return context

    # Export: every table on screen, in order. CSV: a title row, a heading row and the
    # rows of each table, a blank row between tables. XLSX: one sheet per table. Every
    # cell, titles and headings too, goes through the mixin's formula-safe writing.

    def _csv_row(self, values):
        return [self.preprocess_field_value("", _plain(v), self.FORMAT_CSV) for v in values]

    def _xlsx_row(self, sheet, values):
        return self.generate_xlsx_row(sheet, {i: _plain(v) for i, v in enumerate(values)})

    def write_csv_response(self, tables):
        buffer = []
        writer = csv.writer(_Lines(buffer))
        for index, table in enumerate(tables):
            if index:
                writer.writerow([])
            writer.writerow(self._csv_row([table.title]))
            writer.writerow(self._csv_row([column.label for column in table.columns]))
            for row in table.rows:
                writer.writerow(self._csv_row([row.get(c.key) for c in table.columns]))
        response = HttpResponse("".join(buffer), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.get_filename()}.csv"'
        return response

    def write_xlsx_response(self, tables):
        from openpyxl import Workbook

        workbook = Workbook(write_only=True, iso_dates=True)
        used: set[str] = set()
        for table in tables:
            name = re.sub(r"[\[\]:*?/\\]", " ", table.title)[:31].strip() or table.key[:31]
            while name in used:
                name = name[:28] + f" {len(used)}"
            used.add(name)
            sheet = workbook.create_sheet(title=name)
            sheet.append(self._xlsx_row(sheet, [column.label for column in table.columns]))
            for row in table.rows:
                sheet.append(self._xlsx_row(sheet, [row.get(c.key) for c in table.columns]))
        output = BytesIO()
        workbook.save(output)
        output.seek(0)
        return FileResponse(
            output,
            as_attachment=True,
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            filename=f"{self.get_filename()}.xlsx",
        )


def _plain(value):
    # Chart markup and the like arrive as SafeString; a spreadsheet wants a plain str.
    return str(value) if isinstance(value, SafeString) else value


class _Lines:
    def __init__(self, buffer: list[str]):
        self.buffer = buffer

    def write(self, value: str) -> None:
        self.buffer.append(value)
