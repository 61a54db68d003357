"""Reading a roster file (CSV or XLSX) into rows, each with the line it came from."""

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime

COLUMNS = ["email", "first_name", "last_name", "department", "job_title", "joined_on", "left_on"]
REQUIRED = {"email"}


class RosterFileError(ValueError):
    """The file as a whole cannot be read: nothing is imported."""


@dataclass(frozen=True)
class Row:
    line: int  # as a spreadsheet shows it: the header is line 1
    values: dict[str, str]


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _header(cells: list) -> list[str]:
    header = [_cell(c).lower().replace(" ", "_") for c in cells]
    missing = REQUIRED - set(header)
    if missing:
        raise RosterFileError(
            f"The first line must name the columns; {', '.join(sorted(missing))} is missing. "
            f"Expected: {','.join(COLUMNS)}."
        )
    unknown = [h for h in header if h and h not in COLUMNS]
    if unknown:
        raise RosterFileError(
            f"Unknown column(s): {', '.join(unknown)}. Expected: {','.join(COLUMNS)}."
        )
    return header


def _rows(lines: Iterator[list]) -> Iterator[Row]:
    try:
        header = _header(next(lines))
    except StopIteration:
        raise RosterFileError("The file is empty.") from None
    for number, cells in enumerate(lines, start=2):
        values = {name: _cell(cell) for name, cell in zip(header, cells, strict=False) if name}
        if any(values.values()):
            yield Row(number, values)


def _csv_lines(data: bytes) -> Iterator[list]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RosterFileError("A CSV roster must be UTF-8 text.") from None
    yield from csv.reader(io.StringIO(text))


def _xlsx_lines(data: bytes) -> Iterator[list]:
    # Imported here: openpyxl is 175 modules (about 5 MB in every web process) that only
    # a roster upload or template download needs.
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises several kinds for a file that is not a workbook
        raise RosterFileError("This is not an XLSX workbook Chorus can read.") from None
    try:
        for row in workbook.worksheets[0].iter_rows(values_only=True):
            yield list(row)
    finally:
        workbook.close()


def roster_read(*, data: bytes, filename: str) -> list[Row]:
    """Every non-empty row of a CSV or XLSX roster; RosterFileError for an unreadable file
    or a header without the email column."""
    if filename.lower().endswith(".xlsx"):
        return list(_rows(_xlsx_lines(data)))
    if filename.lower().endswith(".csv"):
        return list(_rows(_csv_lines(data)))
    raise RosterFileError("Upload a .csv or .xlsx file.")


def roster_template(*, kind: str) -> bytes:
    """An empty roster with the expected columns and one example row."""
    example = ["ada@example.com", "Ada", "Lovelace", "Research", "Analyst", "2025-01-06", ""]
    if kind == "xlsx":
        from openpyxl import Workbook  # see _xlsx_lines

        workbook = Workbook()
        sheet = workbook.active
        sheet.title = "Roster"
        sheet.append(COLUMNS)
        sheet.append(example)
        out = io.BytesIO()
        workbook.save(out)
        return out.getvalue()
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    writer.writerow(example)
    return out.getvalue().encode()
