import csv
import datetime
import io

from django.utils import timezone
from openpyxl import load_workbook


def at(day: datetime.date, hour: int = 9) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def csv_sections(content: bytes) -> dict[str, list[list[str]]]:
    """Parse a Chorus report CSV back into {table title: [heading row, *rows]}."""
    sections: dict[str, list[list[str]]] = {}
    current = None
    for row in csv.reader(io.StringIO(content.decode())):
        if not row:
            current = None
        elif current is None:
            current = sections.setdefault(row[0], [])
        else:
            current.append(row)
    return sections


def xlsx_sheets(response) -> dict[str, list[list]]:
    content = b"".join(response.streaming_content)
    workbook = load_workbook(io.BytesIO(content), read_only=True)
    return {
        sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)]
        for sheet in workbook.worksheets
    }
