"""Advocacy figures. Sharing is voluntary, so this report never names anyone: it shows
totals, and departments only as aggregates of at least DEPARTMENT_MIN opted-in members.
Nothing here can tell who did not share.
"""

import datetime
from collections import Counter, defaultdict

from django.db.models import Count, Max, Q
from django.utils import timezone

from courses.models import Certificate
from people.models import ConsentKind, Department, SocialNetwork
from people.platforms import PLATFORMS
from people.selectors import users_with_consent
from reports.base import Column, Figure, Report, Table, aware_range, percent, week_of, week_starts
from reports.charts import bar_chart, line_chart
from sharing.models import Click, Share, Suggestion, SuggestionState

DEPARTMENT_MIN = 3
TOP_POSTS = 10
REACH_NOTE = (
    "Estimated reach is an estimate: the follower counts people declared for the network "
    "each share went to, added up. Nobody's account is read; people who saw a share twice "
    "count twice."
)


def _label(platform: str) -> str:
    return PLATFORMS[platform].label if platform in PLATFORMS else platform


def _certified_ids(today: datetime.date) -> set[int]:
    return set(
        Certificate.objects.filter(course__certifies_advocates=True)
        .filter(Q(expires_on__isnull=True) | Q(expires_on__gte=today))
        .values_list("user_id", flat=True)
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
    begin, stop = aware_range(start, end)
    opted_in = set(
        users_with_consent(kind=ConsentKind.ADVOCACY)
        .filter(is_active=True)
        .values_list("pk", flat=True)
    )
    certified = _certified_ids(today)

    shares = Share.objects.filter(created_at__gte=begin, created_at__lt=stop)
    clicks = Click.objects.filter(credited=True, at__gte=begin, at__lt=stop)
    if platform:
        shares = shares.filter(platform=platform)
        clicks = clicks.filter(share__platform=platform)
    share_rows = list(
        shares.values(
            "pk",
            "user_id",
            "user__department_id",
            "platform",
            "post_id",
            "post_title",
            "post__campaign__name",
            "created_at",
        )
    )
    click_rows = list(
        clicks.values("share_id", "at", "share__post_title", "share__post__campaign__name")
    )
    followers = {
        (row["user_id"], row["platform"]): row["most"]
        for row in SocialNetwork.objects.filter(user_id__in={s["user_id"] for s in share_rows})
        .values("user_id", "platform")
        .annotate(most=Max("followers"))
    }

    def reach(share: dict) -> int:
        return followers.get((share["user_id"], share["platform"]), 0)

    # Time series: shares per week by platform, credited clicks per week.
    weeks = week_starts(start, end)
    labels = [f"{w:%d %b}" for w in weeks]
    platforms = sorted({s["platform"] for s in share_rows}, key=_label)
    per_week = Counter((week_of(s["created_at"]), s["platform"]) for s in share_rows)
    shares_weekly = []
    for week in weeks:
        row = {"week": week}
        for p in platforms:
            row[p] = per_week[(week, p)]
        row["total"] = sum(row[p] for p in platforms)
        shares_weekly.append(row)
    clicks_per_week = Counter(week_of(c["at"]) for c in click_rows)
    clicks_weekly = [{"week": w, "clicks": clicks_per_week[w]} for w in weeks]

    # Top posts and campaigns.
    posts: dict[str, dict] = {}
    campaigns: dict[str, dict] = {}
    for s in share_rows:
        post = posts.setdefault(
            s["post_title"], {"post": s["post_title"], "shares": 0, "clicks": 0, "reach": 0}
        )
        post["shares"] += 1
        post["reach"] += reach(s)
        name = s["post__campaign__name"]
        if name:
            campaign = campaigns.setdefault(
                name, {"campaign": name, "posts": set(), "shares": 0, "clicks": 0, "reach": 0}
            )
            campaign["posts"].add(s["post_title"])
            campaign["shares"] += 1
            campaign["reach"] += reach(s)
    for c in click_rows:
        title = c["share__post_title"]
        posts.setdefault(title, {"post": title, "shares": 0, "clicks": 0, "reach": 0})
        posts[title]["clicks"] += 1
        name = c["share__post__campaign__name"]
        if name:
            campaigns.setdefault(
                name, {"campaign": name, "posts": set(), "shares": 0, "clicks": 0, "reach": 0}
            )["clicks"] += 1
    top_posts = sorted(posts.values(), key=lambda p: (-p["clicks"], -p["shares"], p["post"]))
    campaign_rows = [
        {**c, "posts": len(c["posts"])}
        for c in sorted(campaigns.values(), key=lambda c: c["campaign"])
    ]

    # Departments: aggregates only, and only with enough opted-in members.
    members = dict(
        Department.objects.filter(members__pk__in=opted_in)
        .annotate(n=Count("members"))
        .values_list("pk", "n")
    )
    shown = {pk for pk, n in members.items() if n >= DEPARTMENT_MIN}
    names = dict(Department.objects.filter(pk__in=shown).values_list("pk", "name"))
    dept_stats: dict[int, dict] = defaultdict(lambda: {"shares": 0, "clicks": 0, "reach": 0})
    for s in share_rows:
        if s["user__department_id"] in shown:
            dept_stats[s["user__department_id"]]["shares"] += 1
            dept_stats[s["user__department_id"]]["reach"] += reach(s)
    click_departments = dict(
        Share.objects.filter(pk__in={c["share_id"] for c in click_rows}).values_list(
            "pk", "user__department_id"
        )
    )
    for c in click_rows:
        department_id = click_departments.get(c["share_id"])
        if department_id in shown:
            dept_stats[department_id]["clicks"] += 1
    department_rows = [
        {
            "department": names[pk],
            "advocates": members[pk],
            "shares": dept_stats[pk]["shares"],
            "clicks": dept_stats[pk]["clicks"],
            "reach": dept_stats[pk]["reach"],
        }
        for pk in sorted(shown, key=lambda pk: names[pk])
    ]
    hidden = len(members) - len(shown)

    # Headline figures.
    month_start = today.replace(day=1)
    month_begin, _ = aware_range(month_start, today)
    active_month = (
        Share.objects.filter(created_at__gte=month_begin, user_id__in=opted_in)
        .values("user_id")
        .distinct()
        .count()
    )
    suggestions = Suggestion.objects.filter(created_at__gte=begin, created_at__lt=stop)
    received = suggestions.count()
    accepted = suggestions.filter(state=SuggestionState.ACCEPTED).count()
    opted_in_certified = len(opted_in & certified)
    total_reach = sum(reach(s) for s in share_rows)

    weekly_columns = [Column("week", "Week starting")]
    weekly_columns += [Column(p, _label(p), True) for p in platforms]
    weekly_columns.append(Column("total", "All platforms", True))
    return Report(
        figures=[
            Figure("Opted-in advocates", len(opted_in)),
            Figure(
                "Share of the certified who opted in",
                f"{percent(opted_in_certified, len(certified))} %" if certified else "—",
                f"{opted_in_certified} of {len(certified)} certified people",
            ),
            Figure(
                "Active advocates this month", active_month, f"shared since {month_start:%d %b}"
            ),
            Figure("Shares in the period", len(share_rows)),
            Figure("Credited clicks in the period", len(click_rows)),
            Figure("Estimated reach (an estimate)", total_reach, "sum of declared followers"),
            Figure("Suggestions received", received),
            Figure("Suggestions accepted", accepted),
        ],
        tables=[
            Table(
                "shares_weekly",
                "Shares per week by platform",
                weekly_columns,
                shares_weekly,
                chart=line_chart(
                    title="Shares per week by platform",
                    labels=labels,
                    series={_label(p): [r[p] for r in shares_weekly] for p in platforms}
                    or {"Shares": [0] * len(weeks)},
                ),
            ),
            Table(
                "clicks_weekly",
                "Credited clicks per week",
                [Column("week", "Week starting"), Column("clicks", "Credited clicks", True)],
                clicks_weekly,
                chart=bar_chart(
                    title="Credited clicks per week",
                    labels=labels,
                    series={"Credited clicks": [r["clicks"] for r in clicks_weekly]},
                ),
            ),
            Table(
                "top_posts",
                "Top posts by credited clicks",
                [
                    Column("post", "Post"),
                    Column("clicks", "Credited clicks", True),
                    Column("shares", "Shares", True),
                    Column("reach", "Estimated reach", True),
                ],
                top_posts[:TOP_POSTS],
                note=REACH_NOTE,
            ),
            Table(
                "campaigns",
                "Campaign totals",
                [
                    Column("campaign", "Campaign"),
                    Column("posts", "Posts shared", True),
                    Column("shares", "Shares", True),
                    Column("clicks", "Credited clicks", True),
                    Column("reach", "Estimated reach", True),
                ],
                campaign_rows,
                empty="No campaign posts were shared in this period.",
            ),
            Table(
                "departments",
                "Departments",
                [
                    Column("department", "Department"),
                    Column("advocates", "Opted-in advocates", True),
                    Column("shares", "Shares", True),
                    Column("clicks", "Credited clicks", True),
                    Column("reach", "Estimated reach", True),
                ],
                department_rows,
                note=(
                    f"Only departments with at least {DEPARTMENT_MIN} opted-in advocates are "
                    "shown, as totals; no one is named."
                    + (
                        f" {hidden} smaller department{'s are' if hidden != 1 else ' is'} left out."
                        if hidden
                        else ""
                    )
                ),
                empty=f"No department has {DEPARTMENT_MIN} or more opted-in advocates yet.",
            ),
        ],
    )
