"""The bench's company: people, posts, shares, clicks and a points ledger, in bulk.

Everything goes through the real tables with the values the services would write: a
share's `credited_clicks` equals its credited Click rows, clicks past the per-share cap earn
no points, every ledger row is in the stored totals (so `leaderboard_reconcile` finds 0
differences) and everyone the ledger says earned a badge holds it.
"""

import itertools
import random
import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from bench.bulk import next_id, rows_insert, sequences_reset
from courses.models import CoursePage, LessonCompletion, LessonPage
from leaderboard.models import Badge, BadgeAward, LedgerEntry, PointsSettings, Reason, ScoreTotal
from leaderboard.services import aggregates
from leaderboard.services.periods import period_starts
from people.models import ConsentKind, ConsentRecord, Department, User
from sharing.captions import code_new
from sharing.models import Click, NoPointsReason, Refusal, Share, SharePostPage, UAClass
from sharing.services.tallies import campaign_tallies_rebuild

HISTORY_DAYS = 180
WEEKLY_CAP = 5  # the programme's default, as the shares were made


@dataclass(frozen=True)
class Scale:
    people: int
    ledger: int
    posts: int
    shares: int
    clicks: int


SCALES = {
    "small": Scale(people=1_000, ledger=10_000, posts=20, shares=1_000, clicks=4_000),
    "company": Scale(people=100_000, ledger=1_000_000, posts=200, shares=50_000, clicks=2_000_000),
    "large": Scale(people=100_000, ledger=10_000_000, posts=200, shares=50_000, clicks=2_000_000),
}


class Ledger:
    """Ledger rows as they are generated, summed into the totals the stored rows must equal."""

    FIELDS = ("id", "user", "points", "reason", "source_type", "source_id", "key", "note")
    FIELDS += ("created_at",)

    def __init__(self):
        self.next = next_id(LedgerEntry)
        self.totals: dict[tuple[int, str, object], int] = defaultdict(int)
        self._starts: dict[object, dict] = {}

    def row(self, user_id, points, reason, source, source_id, key, at, note=""):
        day = timezone.localdate(at)
        starts = self._starts.get(day)
        if starts is None:
            starts = self._starts[day] = period_starts(at)
        for period, start in starts.items():
            self.totals[(user_id, period, start)] += points
        self.next += 1
        return (self.next - 1, user_id, points, reason, source, str(source_id), key, note, at)


def _when(rng: random.Random, now, *, after=None):
    """A moment in the history window (after `after` when given), never in the future."""
    earliest = after or now - timedelta(days=HISTORY_DAYS)
    span = (now - earliest).total_seconds()
    return earliest + timedelta(seconds=rng.random() * span)


def people_build(scale: Scale, rng: random.Random) -> list[int]:
    """Bulk employees across the departments; half opted in to the leaderboard."""
    departments = list(Department.objects.values_list("pk", flat=True))
    first = next_id(User)
    ids = list(range(first, first + scale.people))
    now = timezone.now()
    fields = ("id", "username", "password", "first_name", "last_name", "email", "is_staff")
    fields += ("is_superuser", "is_active", "date_joined", "display_name", "job_title")
    fields += ("joined_on", "department")
    rows_insert(
        User,
        fields,
        (
            (i, f"bench{i}", "!", "Bench", f"Person {i}", f"bench{i}@example.com", False, False)
            + (True, now, "", "Engineer", now.date(), departments[i % len(departments)])
            for i in ids
        ),
        total=len(ids),
    )
    consent = next_id(ConsentRecord)
    rows_insert(
        ConsentRecord,
        ("id", "user", "kind", "granted", "source", "created_at"),
        (
            (consent + n, i, ConsentKind.LEADERBOARD, True, "bench", now - timedelta(days=200))
            for n, i in enumerate(ids[::2])
        ),
        total=len(ids[::2]),
    )
    return ids


def posts_build(scale: Scale) -> list[SharePostPage]:
    """Live posts with a LinkedIn caption, up to the scale's count (the demo's first)."""
    from tests.sharing.factories import post_create  # publishes the way the admin does

    live = list(SharePostPage.objects.live().filter(captions__platform="linkedin").distinct())
    for n in range(len(live), scale.posts):
        live.append(post_create(title=f"Bench post {n}", captions={"linkedin": ["Worth it."]}))
    return live[: scale.posts]


def shares_build(scale, rng, people: list[int], posts, ledger: Ledger):
    """One share per (person, post) on LinkedIn; the first WEEKLY_CAP a week earn points.
    Returns (share id, created_at) for the clicks."""
    now, points = timezone.now(), PointsSettings.load()
    sharers = people[: max(1, min(len(people), scale.shares // 3))]
    first, shares, earned_in_week, ledger_rows = next_id(Share), [], defaultdict(int), []
    for n in range(scale.shares):
        user, post = sharers[n % len(sharers)], posts[(n // len(sharers)) % len(posts)]
        at = _when(rng, now)
        week = period_starts(at)["week"]
        earns = earned_in_week[(user, week)] < WEEKLY_CAP
        earned_in_week[(user, week)] += earns
        share_id = first + n
        reason = "" if earns else NoPointsReason.WEEKLY_CAP
        shares.append(
            (share_id, user, post.pk, post.title, "linkedin", code_new(), "Worth it.", 0)
            + (earns, reason, at)
        )
        if earns:
            ledger_rows.append(
                ledger.row(user, points.share, Reason.SHARE, "sharing.share", share_id,
                           f"share:{share_id}", at)
            )  # fmt: skip
    return shares, ledger_rows


def clicks_build(scale, rng, shares: list[tuple], ledger: Ledger):
    """Clicks on the shares after they were made: half credited (a new visitor), the rest
    refused as previews or repeats; credited clicks within the cap earn points."""
    now, points = timezone.now(), PointsSettings.load()
    first = next_id(Click)
    counts = [0] * len(shares)

    def rows():
        for n in range(scale.clicks):
            index = rng.randrange(len(shares))
            share = shares[index]
            at = _when(rng, now, after=share[10])
            credited = rng.random() < 0.5
            click_id = first + n
            if credited:
                counts[index] += 1
                if counts[index] <= points.click_cap_per_share:
                    clicks_ledger.append(
                        ledger.row(share[1], points.click, Reason.CLICK, "sharing.click",
                                   click_id, f"click:{click_id}", at)
                    )  # fmt: skip
            ua, refusal = (
                (UAClass.PERSON, Refusal.CREDITED)
                if credited
                else rng.choice(
                    [(UAClass.PREVIEW, Refusal.PREVIEW), (UAClass.PERSON, Refusal.REPEAT)]
                )
            )
            yield (click_id, share[0], at, uuid.uuid4().hex * 2, ua, "GET", credited, refusal)

    clicks_ledger: list[tuple] = []
    fields = ("id", "share", "at", "visitor_key", "ua_class", "method", "credited", "refusal")
    rows_insert(Click, fields, rows(), total=scale.clicks)
    return counts, clicks_ledger


def learning_rows(rng, people: list[int], room: int, ledger: Ledger, completions: list):
    """Ledger rows for lesson completions (the completions go to `completions`), then HR
    corrections, to fill the ledger up to the scale's size. A generator (10M rows are
    never all in memory) that reads the database only before it starts: it is consumed
    inside a COPY, which holds the connection."""
    lessons = [
        (lesson.pk, CoursePage.objects.parent_of(lesson).get().pk)
        for lesson in LessonPage.objects.live()
    ]
    now, points = timezone.now(), PointsSettings.load()
    first = next_id(LessonCompletion)
    return _learning(rng, people, room, ledger, completions, lessons, now, points, first)


def _learning(rng, people, room, ledger, completions, lessons, now, points, first):
    for n in range(max(room, 0)):
        user = people[n % len(people)]
        at = _when(rng, now)
        lesson_index = n // len(people)
        if lesson_index < len(lessons):
            lesson, course = lessons[lesson_index]
            lesson_points = points.points_for(Reason.LESSON_COMPLETED)  # 0: learning
            completions.append((first + len(completions), user, lesson, course, at))
            yield ledger.row(user, lesson_points, Reason.LESSON_COMPLETED,
                             "courses.lessoncompletion", completions[-1][0],
                             f"lesson:{user}:{lesson}", at)  # fmt: skip
        else:
            yield ledger.row(user, rng.choice([-5, 5, 10]), Reason.CORRECTION, "", "",
                             f"correction:bench-{n}", at, note="Bench history")  # fmt: skip


def totals_write(ledger: Ledger, people: list[int]) -> None:
    opted_in = set(people[::2])
    first, now = next_id(ScoreTotal), timezone.now()
    rows_insert(
        ScoreTotal,
        ("id", "user", "period", "period_start", "points", "visible", "updated_at"),
        (
            (first + n, user, period, start, points, user in opted_in, now)
            for n, ((user, period, start), points) in enumerate(ledger.totals.items())
        ),
        total=len(ledger.totals),
    )


def badges_award() -> int:
    """Award every active badge the ledger says someone earned and they do not hold."""
    from leaderboard.services.badges import badge_evidence, badge_is_earned
    from leaderboard.services.reconcile import expected_progress

    progress = expected_progress()
    held = set(BadgeAward.objects.values_list("badge_id", "user_id"))
    emails = dict(User.objects.filter(pk__in=list(progress)).values_list("pk", "email"))
    awards = []
    for badge in Badge.objects.filter(active=True):
        for user_id, mine in progress.items():
            if (badge.pk, user_id) in held or not badge_is_earned(badge, mine):
                continue
            award = BadgeAward(badge=badge, user_id=user_id, evidence=badge_evidence(badge, mine))
            award.set_recipient(emails.get(user_id) or "")
            awards.append(award)
    BadgeAward.objects.bulk_create(awards, batch_size=5000)
    return len(awards)


def dataset_build(scale: Scale, *, seed: int = 12) -> dict:
    rng = random.Random(seed)
    ledger = Ledger()
    people = people_build(scale, rng)
    posts = posts_build(scale)
    shares, share_ledger = shares_build(scale, rng, people, posts, ledger)
    counts, click_ledger = clicks_build(scale, rng, shares, ledger)
    fields = ("id", "user", "post", "post_title", "platform", "code", "caption", "variant")
    fields += ("earned_points", "no_points_reason", "created_at", "credited_clicks")
    # credited_clicks is kept in step with the share's credited Click rows.
    rows_insert(
        Share, fields, (s[:11] + (c,) for s, c in zip(shares, counts, strict=True)),
        total=len(shares),
    )  # fmt: skip
    room = scale.ledger - len(share_ledger) - len(click_ledger)
    completions: list[tuple] = []
    learning = learning_rows(rng, people, room, ledger, completions)
    rows_insert(
        LedgerEntry,
        Ledger.FIELDS,
        itertools.chain(share_ledger, click_ledger, learning),
        total=scale.ledger,
    )
    fields = ("id", "user", "lesson", "course", "completed_at")
    rows_insert(LessonCompletion, fields, completions, total=len(completions))
    totals_write(ledger, people)
    sequences_reset([User, ConsentRecord, Share, Click, LessonCompletion, LedgerEntry, ScoreTotal])
    badges = badges_award()
    # The leaderboard's own per-person and per-score aggregates, from the stored totals.
    aggregates.leaderboard_aggregates_rebuild()
    # The campaigns' per-person tallies, counted from the shares and clicks inserted above.
    campaign_tallies_rebuild()
    return {"people": people, "posts": [p.pk for p in posts], "badges": badges}
