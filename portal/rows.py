"""Single-statement writes the ORM has no form for, for the hot write paths (issue 12),
and the pieces of the hot paths' hand-written reads.

Both run on SQLite (3.35+) and PostgreSQL: INSERT … ON CONFLICT and RETURNING. A
savepoint around an insert that may hit a unique key costs two statements more, and a
look-up before it one more.

On PostgreSQL the hot paths' statements go through prepared_cursor: each is parsed and
planned once per pooled connection instead of on every request (a five-table read of the
tracked link planned in 0.6 ms and ran in 0.2).
"""

from functools import cache

from django.db import connection, models

UPSERT_BATCH = 2000  # rows per statement (SQLite allows 32,766 parameters)


def prepared_cursor():
    """A cursor for a fixed-shape statement the hot paths send again and again: on
    PostgreSQL its parameters are bound on the server, so psycopg keeps the statement
    prepared on the connection (settings: prepare_threshold); elsewhere the usual cursor.

    Every parameter must have a type PostgreSQL can infer from where it stands (a column it
    is compared with or stored in), as there is no client-side interpolation to fall back
    on. A statement whose text changes with its input (an IN list of any length) still
    works, each shape prepared apart."""
    if connection.vendor != "postgresql":
        return connection.cursor()
    # connection.cursor()'s own steps, with the cursor class Django uses when
    # OPTIONS["server_side_binding"] is on: checked, connected, and wrapped (query
    # logging and execute wrappers included).
    connection.close_if_health_check_failed()
    connection.ensure_connection()
    with connection.wrap_database_errors:
        return connection._prepare_cursor(_prepared_class()(connection.connection))


@cache
def _prepared_class():
    # Imported here: psycopg comes with the postgres extra, and SQLite runs without it.
    from django.db.backends.postgresql.base import ServerBindingCursor

    class PreparedCursor(ServerBindingCursor):
        def _send_query_prepared(self, name, pgq, *, binary=None):
            # What Django's query log reads (last_executed_query): psycopg sets it on an
            # unprepared run only, and the log would say None (the statement, with $n).
            self._query = pgq
            super()._send_query_prepared(name, pgq, binary=binary)

    return PreparedCursor


def table(model: type[models.Model]) -> str:
    """The quoted table of `model`, for the same statements."""
    return connection.ops.quote_name(model._meta.db_table)


def column(model: type[models.Model], name: str, alias: str = "") -> str:
    """The quoted column of `model`'s field `name` (prefixed with `alias.`), for the hot
    paths' hand-written statements."""
    quoted = connection.ops.quote_name(model._meta.get_field(name).column)
    return f"{alias}.{quoted}" if alias else quoted


def selected(parts) -> tuple[str, list]:
    """For a hand-written SELECT over several models: the column list and, per column, what
    turns its value into the field's (SQLite hands dates and booleans over as text and
    integers). `parts`: (model, alias, field names) each."""
    sql, converters = [], []
    for model, alias, names in parts:
        for name in names:
            field = model._meta.get_field(name)
            sql.append(column(model, name, alias))
            col = field.get_col(model._meta.db_table)
            converters.append((col, connection.ops.get_db_converters(col)))
    return ", ".join(sql), converters


def converted(row, converters, parts) -> list[list]:
    """One row of such a SELECT as each part's values, converted."""
    values = []
    for value, (col, col_converters) in zip(row, converters, strict=True):
        for converter in col_converters:
            value = converter(value, col, connection)
        values.append(value)
    split, start = [], 0
    for _model, _alias, names in parts:
        split.append(values[start : start + len(names)])
        start += len(names)
    return split


def instance(model: type[models.Model], names, values) -> models.Model:
    """A model instance from some of its columns, the others deferred (loaded if asked):
    from_db takes them in the model's field order."""
    given = dict(zip(names, values, strict=True))
    order = [f.attname for f in model._meta.concrete_fields if f.attname in given]
    return model.from_db(connection.alias, order, [given[name] for name in order])


def upsert(
    model: type[models.Model], keys: tuple[str, ...], values: tuple[str, ...], rows, *, add: bool
) -> None:
    """Insert each row (keys…, values…), or, where a row with those keys is there, add the
    values to it (`add`) or set them: one INSERT … ON CONFLICT DO UPDATE per UPSERT_BATCH
    rows. PostgreSQL takes the rows' locks in the order given, so a caller that must keep a
    lock order passes them sorted. `keys` must be the fields of one unique constraint."""
    if not rows:
        return
    meta = model._meta
    fields = [meta.get_field(name) for name in (*keys, *values)]
    quote = connection.ops.quote_name
    table = quote(meta.db_table)
    names = [quote(field.column) for field in fields]
    updates = ", ".join(
        f"{name} = {table}.{name} + EXCLUDED.{name}" if add else f"{name} = EXCLUDED.{name}"
        for name in names[len(keys) :]
    )
    placeholders = "(" + ", ".join(["%s"] * len(names)) + ")"
    # The hot paths upsert a row or two; a bulk load's statements are one-offs.
    with prepared_cursor() if len(rows) <= 8 else connection.cursor() as cursor:
        for start in range(0, len(rows), UPSERT_BATCH):
            batch = rows[start : start + UPSERT_BATCH]
            cursor.execute(
                f"INSERT INTO {table} ({', '.join(names)}) "  # noqa: S608 - names from the model
                f"VALUES {', '.join([placeholders] * len(batch))} "
                f"ON CONFLICT ({', '.join(names[: len(keys)])}) DO UPDATE SET {updates}",
                [
                    field.get_db_prep_save(value, connection)
                    for row in batch
                    for field, value in zip(fields, row, strict=True)
                ],
            )


def insert_unless_taken(instance: models.Model, *, unique: tuple[str, ...]) -> bool:
    """Insert `instance` (a new row, its pk from the database) unless a row with the same
    `unique` fields (one unique constraint) is there: INSERT … ON CONFLICT DO NOTHING
    RETURNING, in one statement. Sets its pk and returns True when inserted; False, with
    nothing written, when the row was there. Sends no save signals, runs no save()."""
    meta = instance._meta
    fields = [field for field in meta.concrete_fields if not field.primary_key]
    quote = connection.ops.quote_name
    target = ", ".join(quote(meta.get_field(name).column) for name in unique)
    with prepared_cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {quote(meta.db_table)} "  # noqa: S608 - names from the model
            f"({', '.join(quote(field.column) for field in fields)}) "
            f"VALUES ({', '.join(['%s'] * len(fields))}) "
            f"ON CONFLICT ({target}) DO NOTHING RETURNING {quote(meta.pk.column)}",
            [
                field.get_db_prep_save(field.pre_save(instance, True), connection)
                for field in fields
            ],
        )
        row = cursor.fetchone()
    if row is None:
        return False
    instance.pk = row[0]
    instance._state.adding = False
    instance._state.db = connection.alias
    return True
