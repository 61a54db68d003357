"""The board ranks voluntary sharing and its readers: learning earns badges, not points;
"How points work" states the rules from the settings; periods are labelled so a week that
began last month does not read as a mistake."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings as django_settings
from django.urls import reverse
from django.utils import timezone

from courses.services import lesson_complete
from leaderboard.models import LedgerEntry, PointsSettings, Reason, ShareCredit
from leaderboard.selectors import leaderboard_top, period_label, user_totals
from leaderboard.services import points_award
from leaderboard.services.periods import period_span, week_began_last_month
from leaderboard.services.reconcile import leaderboard_reconcile
from sharing.models import SharingSettings
from sharing.services import click_record, share_create
from tests.courses.factories import make_course
from tests.leaderboard.factories import BadgeFactory, opted_in
from tests.sharing.factories import advocate_make, post_create

pytestmark = pytest.mark.django_db

CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36"
LEARNING = ["lesson_completed", "course_completed", "certified", "policy_acknowledged"]


def zone() -> ZoneInfo:
    return ZoneInfo(django_settings.TIME_ZONE)


def berlin(*args) -> datetime:
    return datetime(*args, tzinfo=zone())


@pytest.mark.parametrize("reason", LEARNING)
def test_learning_is_recorded_with_no_points(reason):
    person = opted_in()
    entry, created = points_award(user=person, reason=reason, key=f"{reason}:1")
    assert created and entry.points == 0
    assert user_totals(user=person) == {"week": 0, "month": 0, "all": 0}
    assert leaderboard_top(period="week") == []


def test_learning_still_earns_its_badges():
    person = opted_in()
    BadgeFactory(slug="certified-advocate", criterion="certified")
    BadgeFactory(slug="two-courses", criterion="courses", threshold=2)
    points_award(user=person, reason=Reason.CERTIFIED, key="cert")
    points_award(user=person, reason=Reason.COURSE_COMPLETED, key="c1")
    points_award(user=person, reason=Reason.COURSE_COMPLETED, key="c2")
    assert set(person.badge_awards.values_list("badge__slug", flat=True)) == {
        "certified-advocate",
        "two-courses",
    }
    assert leaderboard_reconcile() == []


def test_a_new_hire_who_does_all_the_learning_is_not_above_a_sharing_advocate():
    newhire = opted_in(first_name="New", last_name="Hire")
    _, lessons, _ = make_course(lessons=4)
    for lesson in lessons:
        lesson_complete(user=newhire, lesson=lesson)  # "Mark as complete": no points
    for reason in ("course_completed", "certified", "policy_acknowledged"):
        points_award(user=newhire, reason=reason, key=f"newhire:{reason}")

    advocate = advocate_make(opted_in(first_name="Active", last_name="Advocate"))
    share = share_create(user=advocate, post=post_create(), platform="linkedin", text="Hi").share
    assert leaderboard_top(period="week") == []  # confirmed, waiting for its first reader
    click_record(code=share.code, method="GET", user_agent=CHROME, ip="203.0.113.5")

    top = leaderboard_top(period="week")
    assert [row.name for row in top] == ["Active Advocate"]
    assert top[0].points == 10 + 1  # the share, credited by its reader, and that click
    assert user_totals(user=newhire)["all"] == 0
    assert LedgerEntry.objects.filter(user=newhire, reason="lesson_completed").count() == 4
    assert leaderboard_reconcile() == []


def test_how_points_work_shows_the_programmes_numbers(client):
    points = PointsSettings.load()
    points.share, points.click, points.click_cap_per_share = 7, 2, 30
    points.first_reader_days, points.suggestion_accepted = 10, 12
    points.save()
    sharing = SharingSettings.load()
    sharing.weekly_cap, sharing.daily_click_cap = 4, 40
    sharing.save()
    client.force_login(opted_in())
    response = client.get(reverse("leaderboard:points"))
    assert response.status_code == 200
    html = response.content.decode()
    for text in (
        "7 points",
        "2 points",
        "12 points",
        "first credited click from a real reader, within 10 days",
        "first 30 credited clicks",
        "Up to 4 shares a week",
        "at most 40 clicks a day",
        "earn no points",
        "This calendar month",
    ):
        assert text in html, text


def test_how_points_work_follows_the_on_confirm_setting(client):
    points = PointsSettings.load()
    points.share_credit = ShareCredit.CONFIRM
    points.save()
    client.force_login(opted_in())
    html = client.get(reverse("leaderboard:points")).content.decode()
    assert "When you confirm the share." in html
    assert "first reader" not in html


def test_the_board_and_the_dashboard_link_to_how_points_work(client):
    client.force_login(opted_in())
    url = reverse("leaderboard:points")
    assert f'href="{url}"' in client.get(reverse("leaderboard:board")).content.decode()
    assert f'href="{url}"' in client.get("/").content.decode()


# Periods: 1 December 2026 is a Tuesday; its week began on Monday 30 November.

DECEMBER_1 = berlin(2026, 12, 1, 10, 0)


def test_the_month_boundary_labels_say_which_days_each_period_covers():
    assert period_span("week", DECEMBER_1).days == "Mon 30 Nov – Sun 6 Dec 2026"
    assert period_span("month", DECEMBER_1).days == "1–31 December 2026"
    assert period_label("week", DECEMBER_1) == "This week, Mon 30 Nov – Sun 6 Dec 2026"
    assert period_label("month", DECEMBER_1) == "This calendar month, 1–31 December 2026"
    assert week_began_last_month(DECEMBER_1) == DECEMBER_1.date() - timedelta(days=1)
    assert week_began_last_month(berlin(2026, 12, 7, 10, 0)) is None
    # A week across the new year names both years.
    assert period_span("week", berlin(2027, 1, 1)).days == "Mon 28 Dec 2026 – Sun 3 Jan 2027"


def test_on_1_december_this_week_counts_30_november_and_this_month_does_not(client, monkeypatch):
    person = opted_in()
    points_award(
        user=person, reason="correction", points=28, key="nov", at=berlin(2026, 11, 30, 18)
    )
    points_award(user=person, reason="correction", points=34, key="dec", at=berlin(2026, 12, 1, 9))
    points_award(user=person, reason="correction", points=5, key="old", at=berlin(2026, 11, 20, 9))
    monkeypatch.setattr(timezone, "now", lambda: DECEMBER_1)
    assert user_totals(user=person) == {"week": 62, "month": 34, "all": 67}

    client.force_login(person)
    html = client.get("/").content.decode()
    assert 'This week <span class="period-days">Mon 30 Nov – Sun 6 Dec 2026</span>' in html
    assert 'This calendar month <span class="period-days">1–31 December 2026</span>' in html
    assert "62 points" in html and "34 points" in html
    assert "This week began on Monday 30 November, in the previous month" in html

    board = client.get(reverse("leaderboard:board")).content.decode()
    assert ">This calendar month</a>" in board
    assert "This week, Mon 30 Nov – Sun 6 Dec 2026" in board
    assert "This week began on Monday 30 November" in board
    month = client.get(reverse("leaderboard:board") + "?period=month").content.decode()
    assert "This calendar month, 1–31 December 2026" in month
    assert leaderboard_reconcile() == []


def test_in_a_week_inside_one_month_there_is_no_boundary_note(client, monkeypatch):
    person = opted_in()
    monkeypatch.setattr(timezone, "now", lambda: berlin(2026, 12, 9, 10))
    client.force_login(person)
    assert "This week began on" not in client.get("/").content.decode()
    assert "This week began on" not in client.get(reverse("leaderboard:board")).content.decode()
