"""Spreadsheet exports that cannot run formulas (CSV/formula injection, OWASP).

A person's name is theirs to choose, so `=HYPERLINK("http://evil.example/","Open")` can
reach any report. Spreadsheet programs read a cell starting with `=`, `+`, `-` or `@` (and,
after trimming, a tab or carriage return) as a formula. Every Wagtail report view in Chorus
mixes in `SafeSpreadsheetExportMixin`, so every exported cell is text:

- CSV: a text value with one of those first characters is written with a leading `'`,
  which spreadsheet programs show as the start of text. The prefix is visible to a
  program that reads the CSV as data; that is the price of a CSV that is safe to open.
- XLSX: every text value is written as a string cell (data type "s"), never a formula,
  and keeps its original text.

Every export is also recorded in the audit trail (who, which report, its filters, the
format, when): a spreadsheet of people's records leaves the system with it.

Only text is neutralised. Numbers (int, float, Decimal), dates and empty cells are
written as they are, so -3 stays the number -3 in XLSX and "-3" in CSV. The rule goes by
type, not by look: the text "-3" is still text and is prefixed in CSV.
"""

from typing import Any

from portal.audit import REPORT_EXPORT, audit_record
from portal.models import AuditLogEntry

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def csv_text(value: Any) -> Any:
    """`value` as a CSV cell that no spreadsheet program runs: text starting with one of
    FORMULA_PREFIXES gets a leading `'`; anything else, text or not, is returned as is."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class SafeSpreadsheetExportMixin:
    """Mix in before Wagtail's ReportView (or any SpreadsheetExportMixin view): its CSV
    values pass through `csv_text` after Wagtail's preprocessing, and its XLSX rows hold
    every text value as a string cell. Views that write their own rows must use
    `preprocess_field_value` (CSV) and `generate_xlsx_row` (XLSX) for every cell."""

    def as_spreadsheet(self, queryset, spreadsheet_format):
        response = super().as_spreadsheet(queryset, spreadsheet_format)
        if response is not None:
            export_audit(self, spreadsheet_format)
        return response

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV:
            return csv_text(value)
        return value

    def generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        for cell in super().generate_xlsx_row(worksheet, row_dict, date_format=date_format):
            # openpyxl makes any text starting with "=" a formula; Wagtail turns those
            # back, and this does it for all text, whatever openpyxl decides next.
            if isinstance(cell.value, str) and cell.data_type != "s":
                cell.data_type = "s"
            yield cell


def export_audit(view, spreadsheet_format: str) -> None:
    """Record that `view`'s user exported it: the report's title, its filters as given in
    the query string, the format and the file name."""
    request = view.request
    policy = getattr(view, "permission_policy", None)
    subject = getattr(policy, "model", None) or getattr(view, "model", None) or AuditLogEntry
    audit_record(
        actor=request.user,
        action=REPORT_EXPORT,
        instance=subject,
        label=str(getattr(view, "page_title", "") or view.get_filename()),
        data={
            "report": request.path,
            "format": spreadsheet_format,
            "filters": {
                key: values if len(values) > 1 else values[0]
                for key, values in request.GET.lists()
                if key != "export"
            },
            "file": view.get_filename(),
        },
    )
