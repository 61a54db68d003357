"""Advocacy figures. Sharing is voluntary, so this report never names anyone: it shows
totals, and departments only as aggregates of at least DEPARTMENT_MIN opted-in members.
Nothing here can tell who did not share.
"""

import datetime
from collections import Counter, defaultdict
from collections.abc import Callable

from django.db.models import Count, Max
from django.utils import timezone

from courses.selectors.programme import active_certified_advocate_ids
from people.models import ConsentKind, Department, SocialNetwork
from people.platforms import PLATFORMS
from people.selectors import users_with_consent
from portal.periods import day_start, month_start, week_start, week_starts_between
from reports.base import Column, Figure, Report, Table, aware_range, percent, week_labels
from reports.charts import bar_chart, line_chart
from sharing.selectors.reports import (
    ClickRow,
    ShareRow,
    SuggestionState,
    credited_click_rows,
    share_rows,
    sharers_count,
    suggestion_counts,
)

DEPARTMENT_MIN = 3
TOP_POSTS = 10
REACH_NOTE = (
    "Estimated reach is an estimate: the follower counts people declared for the network "
    "each share went to, added up. Nobody's account is read; people who saw a share twice "
    "count twice."
)
TOTALS = ("shares", "clicks", "reach")

Reach = Callable[[ShareRow], int]


def _label(platform: str) -> str:
    return PLATFORMS[platform].label if platform in PLATFORMS else platform


def _opted_in_ids() -> set[int]:
    return set(
        users_with_consent(kind=ConsentKind.ADVOCACY)
        .filter(is_active=True)
        .values_list("pk", flat=True)
    )


def _not_opted_in(count: int) -> str:
    return f"{count} certified {'person has' if count == 1 else 'people have'} not opted in"


def _reach_of(shares: list[ShareRow]) -> Reach:
    """A share's estimated reach: the most followers its sharer declared on its network."""
    followers = {
        (row["user_id"], row["platform"]): row["most"]
        for row in SocialNetwork.objects.filter(user_id__in={s["user_id"] for s in shares})
        .values("user_id", "platform")
        .annotate(most=Max("followers"))
    }
    return lambda share: followers.get((share["user_id"], share["platform"]), 0)


def _figures(
    *,
    today: datetime.date,
    since: datetime.datetime,
    until: datetime.datetime,
    opted_in: set[int],
    shares: list[ShareRow],
    clicks: list[ClickRow],
    reach: Reach,
) -> list[Figure]:
    certified = active_certified_advocate_ids(today=today)
    both = len(opted_in & certified)
    month = month_start(today)
    active_month = sharers_count(since=day_start(month), user_ids=opted_in)
    suggestions = suggestion_counts(since=since, until=until)
    return [
        # Opting in and certification are separate steps: the two figures split the same
        # people both ways, so their parts add up to what each one says.
        Figure(
            "Opted-in advocates",
            len(opted_in),
            f"{both} certified + {len(opted_in) - both} not certified yet (they can share "
            "once certified)",
        ),
        Figure(
            "Share of certified people who opted in",
            f"{percent(both, len(certified))} %" if certified else "—",
            f"{both} of {len(certified)} certified people; " + _not_opted_in(len(certified) - both),
        ),
        Figure("Active advocates this month", active_month, f"shared since {month:%d %b}"),
        Figure("Shares in the period", len(shares)),
        Figure("Credited clicks in the period", len(clicks)),
        Figure(
            "Estimated reach (an estimate)",
            sum(reach(s) for s in shares),
            "sum of declared followers",
        ),
        Figure("Suggestions received", sum(suggestions.values())),
        Figure("Suggestions accepted", suggestions.get(SuggestionState.ACCEPTED, 0)),
    ]


def _shares_by_week_table(shares: list[ShareRow], weeks: list[datetime.date]) -> Table:
    platforms = sorted({s["platform"] for s in shares}, key=_label)
    per_week = Counter((week_start(s["created_at"]), s["platform"]) for s in shares)
    rows = []
    for week in weeks:
        row = {"week": week, **{p: per_week[(week, p)] for p in platforms}}
        row["total"] = sum(row[p] for p in platforms)
        rows.append(row)
    return Table(
        "shares_weekly",
        "Shares per week by platform",
        [
            Column("week", "Week starting"),
            *(Column(p, _label(p), True) for p in platforms),
            Column("total", "All platforms", True),
        ],
        rows,
        chart=line_chart(
            title="Shares per week by platform",
            labels=week_labels(weeks),
            series={_label(p): [r[p] for r in rows] for p in platforms}
            or {"Shares": [0] * len(weeks)},
        ),
    )


def _clicks_by_week_table(clicks: list[ClickRow], weeks: list[datetime.date]) -> Table:
    per_week = Counter(week_start(c["at"]) for c in clicks)
    rows = [{"week": week, "clicks": per_week[week]} for week in weeks]
    return Table(
        "clicks_weekly",
        "Credited clicks per week",
        [Column("week", "Week starting"), Column("clicks", "Credited clicks", True)],
        rows,
        chart=bar_chart(
            title="Credited clicks per week",
            labels=week_labels(weeks),
            series={"Credited clicks": [r["clicks"] for r in rows]},
        ),
    )


def _top_posts_table(shares: list[ShareRow], clicks: list[ClickRow], reach: Reach) -> Table:
    posts: dict[str, dict] = {}
    for s in shares:
        post = posts.setdefault(s["post_title"], dict.fromkeys(TOTALS, 0))
        post["shares"] += 1
        post["reach"] += reach(s)
    for c in clicks:
        posts.setdefault(c["post_title"], dict.fromkeys(TOTALS, 0))["clicks"] += 1
    rows = sorted(
        ({"post": title, **totals} for title, totals in posts.items()),
        key=lambda p: (-p["clicks"], -p["shares"], p["post"]),
    )
    return Table(
        "top_posts",
        "Top posts by credited clicks",
        [
            Column("post", "Post"),
            Column("clicks", "Credited clicks", True),
            Column("shares", "Shares", True),
            Column("reach", "Estimated reach", True),
        ],
        rows[:TOP_POSTS],
        note=REACH_NOTE,
    )


def _campaigns_table(shares: list[ShareRow], clicks: list[ClickRow], reach: Reach) -> Table:
    campaigns: dict[str, dict] = defaultdict(lambda: {"posts": set(), **dict.fromkeys(TOTALS, 0)})
    for s in shares:
        if s["campaign"]:
            campaign = campaigns[s["campaign"]]
            campaign["posts"].add(s["post_title"])
            campaign["shares"] += 1
            campaign["reach"] += reach(s)
    for c in clicks:
        if c["campaign"]:
            campaigns[c["campaign"]]["clicks"] += 1
    rows = [
        {"campaign": name, **campaigns[name], "posts": len(campaigns[name]["posts"])}
        for name in sorted(campaigns)
    ]
    return Table(
        "campaigns",
        "Campaign totals",
        [
            Column("campaign", "Campaign"),
            Column("posts", "Posts shared", True),
            Column("shares", "Shares", True),
            Column("clicks", "Credited clicks", True),
            Column("reach", "Estimated reach", True),
        ],
        rows,
        empty="No campaign posts were shared in this period.",
    )


def _department_rows(
    shares: list[ShareRow], clicks: list[ClickRow], reach: Reach, opted_in: set[int]
) -> tuple[list[dict], int]:
    """Totals per department with at least DEPARTMENT_MIN opted-in members, by name; and
    how many smaller departments with opted-in members were left out."""
    members = {
        pk: (name, n)
        for pk, name, n in Department.objects.filter(members__pk__in=opted_in)
        .annotate(n=Count("members"))
        .values_list("pk", "name", "n")
    }
    shown = {pk: (name, n) for pk, (name, n) in members.items() if n >= DEPARTMENT_MIN}
    totals: dict[int, dict] = defaultdict(lambda: dict.fromkeys(TOTALS, 0))
    for s in shares:
        if s["department_id"] in shown:
            totals[s["department_id"]]["shares"] += 1
            totals[s["department_id"]]["reach"] += reach(s)
    for c in clicks:
        if c["department_id"] in shown:
            totals[c["department_id"]]["clicks"] += 1
    rows = [
        {"department": name, "advocates": n, **{k: totals[pk][k] for k in TOTALS}}
        for pk, (name, n) in sorted(shown.items(), key=lambda item: item[1][0])
    ]
    return rows, len(members) - len(shown)


def _departments_table(rows: list[dict], hidden: int) -> Table:
    left_out = f" {hidden} smaller department{'s are' if hidden != 1 else ' is'} left out."
    return Table(
        "departments",
        "Departments",
        [
            Column("department", "Department"),
            Column("advocates", "Opted-in advocates", True),
            Column("shares", "Shares", True),
            Column("clicks", "Credited clicks", True),
            Column("reach", "Estimated reach", True),
        ],
        rows,
        note=(
            f"Only departments with at least {DEPARTMENT_MIN} opted-in advocates are "
            "shown, as totals; no one is named." + (left_out if hidden else "")
        ),
        empty=f"No department has {DEPARTMENT_MIN} or more opted-in advocates yet.",
    )


def advocacy_report(
    *,
    start: datetime.date,
    end: datetime.date,
    platform: str = "",
    today: datetime.date | None = None,
) -> Report:
    """Shares, credited clicks and reach in [start, end], optionally on one platform."""
    today = today or timezone.localdate()
    since, until = aware_range(start, end)
    opted_in = _opted_in_ids()
    shares = share_rows(since=since, until=until, platform=platform)
    clicks = credited_click_rows(since=since, until=until, platform=platform)
    reach = _reach_of(shares)
    weeks = week_starts_between(start, end)
    return Report(
        figures=_figures(
            today=today,
            since=since,
            until=until,
            opted_in=opted_in,
            shares=shares,
            clicks=clicks,
            reach=reach,
        ),
        tables=[
            _shares_by_week_table(shares, weeks),
            _clicks_by_week_table(clicks, weeks),
            _top_posts_table(shares, clicks, reach),
            _campaigns_table(shares, clicks, reach),
            _departments_table(*_department_rows(shares, clicks, reach, opted_in)),
        ],
    )
