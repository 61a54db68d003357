"""The tracked link's statements: the share read (locked or not), the click stored, and on
PostgreSQL a refused click read and stored in one statement. Written out by hand: the
ORM's select_related over a page and its create compiled for longer than the database
took to answer them."""

from datetime import datetime
from functools import cache

from django.db import connection
from django.db.models import F
from wagtail.models import Page

from people.models import User
from portal.periods import day_start, local_day
from portal.rows import converted, instance, prepared_cursor, selected
from sharing.models import Campaign, Click, Refusal, Share, SharePostPage
from sharing.selectors.clicks import REPEAT_WINDOW

# What the hot path reads of a share, its sharer, its post (a Wagtail page: two tables)
# and the post's campaign, in one statement written out once: the ORM's select_related
# over a page cost more to compile than the database took to answer it.
_READ = (
    (Share, ("id", "user_id", "post_id", "platform", "points_due_until", "retracted_at",
             "credited_clicks")),
    (User, ("id", "is_active", "email")),
    (Page, ("id", "slug", "live", "expired", "expire_at")),
    (SharePostPage, ("page_ptr_id", "target_url", "campaign_id", "retracted_at")),
    (Campaign, ("id", "slug", "starts_on", "ends_on")),
)  # fmt: skip


_PARTS = [(model, f"t{n}", names) for n, (model, names) in enumerate(_READ)]


@cache
def _read_plan() -> tuple[str, list]:
    """The statement, and per column what turns its value into the field's."""
    quote = connection.ops.quote_name
    columns, converters = selected(_PARTS)
    s, u, p, sp, c = (quote(model._meta.db_table) for model, _ in _READ)
    sql = (
        f"SELECT {columns} FROM {s} t0 "  # noqa: S608 - names from the models
        f"JOIN {u} t1 ON t1.{quote('id')} = t0.{quote('user_id')} "
        f"LEFT JOIN {p} t2 ON t2.{quote('id')} = t0.{quote('post_id')} "
        f"LEFT JOIN {sp} t3 ON t3.{quote('page_ptr_id')} = t0.{quote('post_id')} "
        f"LEFT JOIN {c} t4 ON t4.{quote('id')} = t3.{quote('campaign_id')} "
        f"WHERE t0.{quote('code')} = %s"
    )
    return sql, converters


def _share_from_row(row) -> Share:
    _, converters = _read_plan()
    share_values, user_values, page_values, post_values, campaign_values = converted(
        row, converters, _PARTS
    )
    share = instance(Share, _READ[0][1], share_values)
    share.user = instance(User, _READ[1][1], user_values)
    post = None
    if share.post_id is not None and page_values[0] is not None:
        post = instance(SharePostPage, (*_READ[2][1], *_READ[3][1]), (*page_values, *post_values))
        campaign = None
        if post.campaign_id is not None:
            campaign = instance(Campaign, _READ[4][1], campaign_values)
        post.campaign = campaign
    share.post = post
    return share


def share_by_code(code: str, *, lock: bool, sharer: bool = False) -> Share | None:
    """The share behind `code` with what the path needs (its sharer, its post and the
    post's campaign on it; anything else loads when asked); `lock`: its row locked, so
    concurrent clicks are counted in turn; `sharer` (with `lock`): the sharer's row too,
    after the share's, in the same statement, for an award to this person in the same
    transaction (points_award's person lock: one statement fewer). (SQLite locks no rows:
    there the IMMEDIATE transaction holds the database's write lock already.)"""
    sql, _ = _read_plan()
    if lock and connection.features.has_select_for_update:
        sql += " FOR UPDATE OF t0, t1" if sharer else " FOR UPDATE OF t0"
    with prepared_cursor() as cursor:
        cursor.execute(sql, [code])
        row = cursor.fetchone()
    return None if row is None else _share_from_row(row)


def share_with_refused_click(
    code: str, *, at: datetime, keys: list[str], ua_class: str, method: str, refusal: str | None
) -> tuple[Share | None, Click | None]:
    """PostgreSQL only: share_by_code (unlocked) and, in the same autocommitted statement,
    a refused click stored on it: `refusal` given, always (the request refused itself);
    None, only if one of `keys` was credited on the share within REPEAT_WINDOW, as
    "repeat". A credited click stays credited, so a repeat seen without the share's lock
    is one under it too; a reader who is not one finds no click stored (None) and goes
    the locked way. The label is the request's even where the share is no longer
    available: the caller corrects it (click_refusal_set)."""
    sql = _refused_sql(repeat=refusal is None)
    ops = connection.ops
    values = [ops.adapt_datetimefield_value(at), keys[0], ua_class, method]
    if refusal is None:
        window = ops.adapt_datetimefield_value(at - REPEAT_WINDOW)
        params = [code, *values, Refusal.REPEAT.value, keys[0], keys[1], window]
    else:
        params = [code, *values, str(refusal)]
    with prepared_cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    if row is None:
        return None, None
    share = _share_from_row(row[:-1])
    if row[-1] is None:
        return share, None
    stored = _click_stored(
        share=share, at=at, keys=keys, ua_class=ua_class, method=method,
        pk=row[-1], refusal=refusal or Refusal.REPEAT,
    )  # fmt: skip
    return share, stored


def click_refusal_set(click: Click, refusal: str) -> None:
    """Relabel a refused click (one UPDATE): share_with_refused_click's for a share that
    is no longer available."""
    Click.objects.filter(pk=click.pk).update(refusal=refusal)
    click.refusal = refusal


@cache
def _refused_sql(*, repeat: bool) -> str:
    """share_with_refused_click's statement: the share read as a CTE, the insert beside it
    (a data-modifying CTE runs once, whether or not the outer SELECT reads it)."""
    read, converters = _read_plan()
    quote = connection.ops.quote_name
    names = [f"c{n}" for n in range(len(converters))]  # the read repeats names ("id")
    guard = f"WHERE {_repeat_sql('s.c0')}" if repeat else ""
    return (
        f"WITH s ({', '.join(names)}) AS ({read}), ins AS ({_insert_sql()} "  # noqa: S608
        f"SELECT s.c0, %s, %s, %s, %s, FALSE, %s FROM s {guard} {_RETURNING}) "
        f"SELECT s.*, (SELECT {quote('id')} FROM ins) FROM s"
    )


def click_insert(
    *,
    share: Share,
    at: datetime,
    keys: list[str],
    ua_class: str,
    method: str,
    refusal: str | None,
    daily_cap: int = 0,
    first_reader: bool = False,
) -> Click:
    """Store one click in one INSERT … RETURNING (the ORM's create compiled for longer
    than the database took). `refusal` None: the statement decides it from the share's
    credited clicks, read in the same statement after the share's lock: "repeat" when one
    of `keys` (the visitor's keys for today and yesterday) was credited within
    REPEAT_WINDOW, "daily_cap" when `daily_cap` were credited today, else credited; it
    was a count and an insert, two statements. A click it credits is counted on the share
    (credited_clicks; `first_reader`: its points_due_until cleared too) by the same
    statement on PostgreSQL (a data-modifying CTE), by an UPDATE after it on SQLite; the
    caller updates its `share`."""
    ops = connection.ops
    values = [share.pk, ops.adapt_datetimefield_value(at), keys[0], ua_class, method]
    if refusal is not None:
        sql = f"{_insert_sql()} VALUES (%s, %s, %s, %s, %s, %s, %s) {_RETURNING}"
        params = [*values, refusal == Refusal.CREDITED, str(refusal)]
    else:
        sql, params = _decide_sql(), [*values, *_decide_params(share, at, keys, daily_cap)]
        if in_one_statement():
            sql = _decide_counted_sql(first_reader=first_reader)
            params += [share.pk, Refusal.CREDITED.value]
    with prepared_cursor() as cursor:
        cursor.execute(sql, params)
        pk, stored = cursor.fetchone()
    if refusal is None and stored == Refusal.CREDITED and not in_one_statement():
        counted = {"credited_clicks": F("credited_clicks") + 1}
        if first_reader:
            counted["points_due_until"] = None
        Share.objects.filter(pk=share.pk).update(**counted)
    return _click_stored(
        share=share, at=at, keys=keys, ua_class=ua_class, method=method, pk=pk, refusal=stored
    )


def _decide_params(share: Share, at: datetime, keys: list[str], daily_cap: int) -> list:
    """_decide_sql's parameters after the click's own values."""
    ops = connection.ops
    window = ops.adapt_datetimefield_value(at - REPEAT_WINDOW)
    today = ops.adapt_datetimefield_value(day_start(local_day(at)))
    return [
        Refusal.CREDITED.value,
        share.pk, keys[0], keys[1], window, Refusal.REPEAT.value,
        share.pk, today, daily_cap, Refusal.DAILY_CAP.value,
        Refusal.CREDITED.value,
    ]  # fmt: skip


def in_one_statement() -> bool:
    """Whether the database takes data-modifying CTEs (PostgreSQL, not SQLite), so a read
    and a write, or two writes, of this module go in one statement."""
    return connection.vendor == "postgresql"


@cache
def _decide_counted_sql(*, first_reader: bool) -> str:
    """_decide_sql, and the share's counter moved by the same statement when it credits
    (the share's row is locked already; both parts see the same snapshot)."""
    quote = connection.ops.quote_name
    counter = quote("credited_clicks")
    assign = f"{counter} = {counter} + 1"
    if first_reader:
        assign += f", {quote('points_due_until')} = NULL"
    return (
        f"WITH ins AS ({_decide_sql()}), "  # noqa: S608 - names from the models
        f"counted AS (UPDATE {quote(Share._meta.db_table)} SET {assign} "
        f"WHERE {quote('id')} = %s AND EXISTS (SELECT 1 FROM ins WHERE {quote('refusal')} = %s)) "
        f"SELECT {quote('id')}, {quote('refusal')} FROM ins"
    )


def _click_stored(*, share, at, keys, ua_class, method, pk, refusal) -> Click:
    """The Click a statement of this module stored (as the database holds it, pk given)."""
    click = Click(
        share=share, at=at, visitor_key=keys[0], ua_class=ua_class, method=method,
        credited=refusal == Refusal.CREDITED, refusal=refusal,
    )  # fmt: skip
    click.pk = pk
    click._state.adding = False
    click._state.db = connection.alias
    return click


_CLICK_COLUMNS = ("share_id", "at", "visitor_key", "ua_class", "method", "credited", "refusal")
_RETURNING = 'RETURNING "id", "refusal"'  # quoted the same on SQLite and PostgreSQL


@cache
def _insert_sql() -> str:
    quote = connection.ops.quote_name
    columns = ", ".join(quote(name) for name in _CLICK_COLUMNS)
    return f"INSERT INTO {quote(Click._meta.db_table)} ({columns})"


def _repeat_sql(share: str) -> str:
    """The repeat rule: one of two visitor keys (%s, %s) credited on `share` (a column or
    a placeholder) after a time (%s); its parameters in that order, after `share`'s."""
    quote = connection.ops.quote_name
    return (
        f"EXISTS (SELECT 1 FROM {quote(Click._meta.db_table)} "  # noqa: S608 - names from the model
        f"WHERE {quote('share_id')} = {share} AND {quote('credited')} "
        f"AND {quote('visitor_key')} IN (%s, %s) AND {quote('at')} > %s)"
    )


@cache
def _decide_sql() -> str:
    """The insert whose refusal the share's credited clicks decide (see click_insert)."""
    quote = connection.ops.quote_name
    table = quote(Click._meta.db_table)
    credited_on_share = f"{quote('share_id')} = %s AND {quote('credited')}"
    return (
        f"{_insert_sql()} "  # noqa: S608 - names from the model
        f"SELECT %s, %s, %s, %s, %s, d.refusal = %s, d.refusal FROM (SELECT CASE "
        f"WHEN {_repeat_sql('%s')} THEN %s "
        f"WHEN (SELECT COUNT(*) FROM {table} WHERE {credited_on_share} "
        f"AND {quote('at')} >= %s) >= %s THEN %s "
        f"ELSE %s END AS refusal) d {_RETURNING}"
    )
