"""Fast inserts for the data set: COPY on PostgreSQL, executemany on SQLite, with a
progress bar. Rows carry their own primary keys, so later rows can point at them without
reading them back; sequences are moved past them at the end (sequences_reset)."""

import sys
import time
from collections.abc import Iterable, Sequence

from django.core.management.color import no_style
from django.db import connection, models

CHUNK = 20_000


class Progress:
    """A one-line progress bar on stderr (no dependency, no output when not a terminal)."""

    def __init__(self, label: str, total: int):
        self.label, self.total, self.done = label, max(total, 1), 0
        self.started = self.shown = time.monotonic()
        self.tty = sys.stderr.isatty()

    def add(self, count: int) -> None:
        self.done += count
        now = time.monotonic()
        if self.tty and (now - self.shown > 0.2 or self.done >= self.total):
            self.shown = now
            filled = int(30 * min(self.done, self.total) / self.total)
            sys.stderr.write(
                f"\r  {self.label:<22} [{'#' * filled}{'.' * (30 - filled)}] "
                f"{self.done:>10,}/{self.total:,}  {now - self.started:5.1f}s"
            )
            sys.stderr.flush()

    def close(self) -> None:
        elapsed = time.monotonic() - self.started
        end = "\n" if self.tty else ""
        sys.stderr.write(f"{end}  {self.label}: {self.done:,} rows in {elapsed:.1f}s\n")


def _converters(model: type[models.Model], fields: Sequence[str]):
    """Per column, what turns a Python value into what the driver takes (SQLite only: psycopg
    adapts dates, datetimes and booleans itself, COPY included)."""
    out = []
    for name in fields:
        field = model._meta.get_field(name)
        if connection.vendor == "sqlite" and isinstance(field, models.DateTimeField):
            out.append(connection.ops.adapt_datetimefield_value)
        elif connection.vendor == "sqlite" and isinstance(field, models.DateField):
            out.append(connection.ops.adapt_datefield_value)
        else:
            out.append(None)
    return out


def rows_insert(
    model: type[models.Model], fields: Sequence[str], rows: Iterable[tuple], *, total: int
) -> int:
    """Insert `rows` (tuples in `fields` order, by field name: `user` takes the user id) into
    `model`'s table. Returns the number of rows written."""
    table = model._meta.db_table
    # NOT NULL columns the caller does not name take the field's default (columns other
    # apps add to these tables keep working without a change here).
    named = {model._meta.get_field(name).attname for name in fields}
    extra = [
        f for f in model._meta.concrete_fields
        if f.attname not in named and not f.null and not f.primary_key
    ]  # fmt: skip
    defaults = tuple(f.get_default() for f in extra)
    if extra:
        fields = [*fields, *(f.name for f in extra)]
        rows = (row + defaults for row in rows)
    columns = [model._meta.get_field(name).column for name in fields]
    progress = Progress(model.__name__, total)
    written = 0
    with connection.cursor() as wrapper:
        if connection.vendor == "postgresql":
            sql = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
            with wrapper.cursor.copy(sql) as copy:
                for row in rows:
                    copy.write_row(row)
                    written += 1
                    if written % CHUNK == 0:
                        progress.add(CHUNK)
            progress.add(written % CHUNK)
        else:
            convert = _converters(model, fields)
            marks = ", ".join(["%s"] * len(columns))
            sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"  # noqa: S608
            chunk: list[tuple] = []
            for row in rows:
                chunk.append(
                    tuple(v if c is None else c(v) for v, c in zip(row, convert, strict=True))
                )
                if len(chunk) == CHUNK:
                    wrapper.executemany(sql, chunk)
                    written += len(chunk)
                    progress.add(len(chunk))
                    chunk = []
            if chunk:
                wrapper.executemany(sql, chunk)
                written += len(chunk)
                progress.add(len(chunk))
    progress.close()
    return written


def next_id(model: type[models.Model]) -> int:
    """The first free primary key of `model`."""
    last = model.objects.order_by("-pk").values_list("pk", flat=True).first()
    return (last or 0) + 1


def sequences_reset(models_: Sequence[type[models.Model]]) -> None:
    """Move PostgreSQL's id sequences past the ids the bulk rows brought (no-op on SQLite)."""
    statements = connection.ops.sequence_reset_sql(no_style(), list(models_))
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
