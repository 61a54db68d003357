"""Pieces of the tracked-link path: who is asking (without keeping who), and where to send them."""

import hashlib
import hmac
import re
from datetime import date, datetime, timedelta
from functools import cache
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from crawlerdetect import CrawlerDetect
from django.conf import settings
from django.db import connection
from wagtail.models import Page

from people.models import User
from portal.periods import day_start, local_day
from portal.rows import converted, instance, prepared_cursor, selected
from sharing.models import Campaign, Click, Refusal, Share, SharePostPage, UAClass
from sharing.selectors.clicks import REPEAT_WINDOW

# Fetchers that build link previews in feeds and chats: they get the redirect, never credit.
# crawlerdetect knows most of them as crawlers but not which are previews, and misses a
# few (Bluesky's Cardyb), so this short list names them; it is checked first.
PREVIEW_PATTERN = re.compile(
    r"linkedinbot|twitterbot|facebookexternalhit|facebot|slackbot|slack-imgproxy|discordbot|"
    r"whatsapp|telegrambot|skypeuripreview|microsoftpreview|teams|iframely|embedly|redditbot|"
    r"pinterest|vkshare|mastodon|bluesky|cardyb|google-pagerenderer|snapchat|viber|"
    r"line/|kakaotalk|outlook|applebot|xing-contenttabreceiver|quora link preview|tumblr",
    re.IGNORECASE,
)
# Every other robot, HTTP library, monitor and headless browser: crawlerdetect's maintained
# list (the PHP CrawlerDetect project's patterns). Its instance caches recent agents.
_CRAWLERS = CrawlerDetect()
UTM_KEYS = ("utm_source", "utm_medium", "utm_campaign")


def ua_classify(user_agent: str) -> str:
    if not user_agent.strip():
        return UAClass.BOT
    if PREVIEW_PATTERN.search(user_agent):
        return UAClass.PREVIEW
    if _CRAWLERS.is_crawler(user_agent):
        return UAClass.BOT
    return UAClass.PERSON


def _daily_secret(day: date) -> bytes:
    """A secret for one day, derived from SECRET_KEY; yesterday's key says nothing about today's."""
    return hashlib.sha256(
        f"chorus-visitor:{day.isoformat()}:{settings.SECRET_KEY}".encode()
    ).digest()


def visitor_key(*, ip: str, user_agent: str, day: date) -> str:
    """A keyed hash of address and browser: the same visitor on the same day, nothing more.

    Two colleagues behind one office address get different keys when their browsers differ.
    """
    message = f"{ip}\n{user_agent}".encode()
    return hmac.new(_daily_secret(day), message, hashlib.sha256).hexdigest()


def visitor_keys_24h(*, ip: str, user_agent: str, day: date) -> list[str]:
    """Today's key and yesterday's: a 24-hour window can span midnight."""
    return [
        visitor_key(ip=ip, user_agent=user_agent, day=day),
        visitor_key(ip=ip, user_agent=user_agent, day=day - timedelta(days=1)),
    ]


def utm_merge(target: str, *, source: str, campaign: str) -> str:
    """`target` with our UTM parameters merged into its query; other parameters and the
    fragment are kept, and any UTM values it had are replaced by ours."""
    parts = urlsplit(target)
    query = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if key not in UTM_KEYS
    ]
    query += [
        ("utm_source", source),
        ("utm_medium", "employee_advocacy"),
        ("utm_campaign", campaign),
    ]
    return urlunsplit(parts._replace(query=urlencode(query)))


def client_ip(request) -> str:
    return request.META.get("REMOTE_ADDR", "") or ""


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


def share_by_code(code: str, *, lock: bool) -> Share | None:
    """The share behind `code` with what the path needs (its sharer, its post and the
    post's campaign on it; anything else loads when asked); `lock`: its row locked, so
    concurrent clicks are counted in turn. (SQLite locks no rows: there the IMMEDIATE
    transaction holds the database's write lock already.)"""
    sql, _ = _read_plan()
    if lock and connection.features.has_select_for_update:
        sql += " FOR UPDATE OF t0"
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
) -> Click:
    """Store one click in one INSERT … RETURNING (the ORM's create compiled for longer
    than the database took). `refusal` None: the statement decides it from the share's
    credited clicks, read in the same statement after the share's lock: "repeat" when one
    of `keys` (the visitor's keys for today and yesterday) was credited within
    REPEAT_WINDOW, "daily_cap" when `daily_cap` were credited today, else credited; it
    was a count and an insert, two statements."""
    ops = connection.ops
    values = [share.pk, ops.adapt_datetimefield_value(at), keys[0], ua_class, method]
    if refusal is not None:
        sql = f"{_insert_sql()} VALUES (%s, %s, %s, %s, %s, %s, %s) {_RETURNING}"
        params = [*values, refusal == Refusal.CREDITED, str(refusal)]
    else:
        sql = _decide_sql()
        window = ops.adapt_datetimefield_value(at - REPEAT_WINDOW)
        today = ops.adapt_datetimefield_value(day_start(local_day(at)))
        params = [
            *values, Refusal.CREDITED.value,
            share.pk, keys[0], keys[1], window, Refusal.REPEAT.value,
            share.pk, today, daily_cap, Refusal.DAILY_CAP.value,
            Refusal.CREDITED.value,
        ]  # fmt: skip
    with prepared_cursor() as cursor:
        cursor.execute(sql, params)
        pk, refusal = cursor.fetchone()
    return _click_stored(
        share=share, at=at, keys=keys, ua_class=ua_class, method=method, pk=pk, refusal=refusal
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
