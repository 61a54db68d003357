"""`manage.py retention_apply`: what is past its period goes, what reports add up stays,
a second run removes nothing, and /me/ says how long each thing is kept."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from notifications.models import Notification
from people.models import User
from people.services import person_deactivate
from portal.audit import RETENTION_APPLY
from portal.models import AuditLogEntry, RetentionSettings
from reports.advocacy import advocacy_report
from sharing.models import Click, Share
from sharing.services import click_record, share_create
from tests.people.factories import UserFactory
from tests.sharing.factories import advocate_make, post_create

pytestmark = pytest.mark.django_db

CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36"
BOT = "Googlebot/2.1 (+http://www.google.com/bot.html)"


def days_ago(days: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)


@pytest.fixture
def history():
    user = advocate_make()
    share = share_create(user=user, post=post_create(), platform="linkedin", text="Hi").share
    Share.objects.filter(pk=share.pk).update(created_at=days_ago(200))
    for n, (age, ua) in enumerate(
        [(120, CHROME), (120, BOT), (30, CHROME), (30, BOT), (1, CHROME)]
    ):
        click_record(
            code=share.code, method="GET", user_agent=ua, ip=f"203.0.113.{n}", at=days_ago(age)
        )
    for age in (200, 10):
        Notification.objects.create(
            user=user,
            kind="badge_earned",
            title=f"read {age} days ago",
            key=f"k{age}",
            read_at=days_ago(age),
        )
    Notification.objects.create(
        user=user, kind="badge_earned", title="unread", key="unread", created_at=days_ago(400)
    )
    leaver = UserFactory(email="gone@example.com")
    person_deactivate(user=leaver, source="test")
    User.objects.filter(pk=leaver.pk).update(
        left_on=timezone.localdate() - datetime.timedelta(days=400)
    )
    return share


def credited_totals():
    today = timezone.localdate()
    report = advocacy_report(start=today - datetime.timedelta(days=365), end=today)
    figures = {f.label: f.value for f in report.figures}
    return figures["Credited clicks in the period"], list(
        Share.objects.values_list("credited_clicks", flat=True)
    )


def run(*args) -> str:
    out = StringIO()
    call_command("retention_apply", *args, stdout=out)
    return out.getvalue()


def test_retention_removes_what_is_past_its_period_and_keeps_the_totals(history):
    totals = credited_totals()
    assert totals[0] == 3
    clicks_before = Click.objects.count()

    dry = run("--dry-run")
    assert "raw_clicks: would remove 1" in dry
    assert "read_notifications: would remove 1" in dry
    assert "leavers: would remove 1" in dry
    assert (
        Click.objects.count() == clicks_before
        and not AuditLogEntry.objects.filter(action=RETENTION_APPLY).exists()
    )

    out = run()
    assert "raw_clicks: removed 1" in out  # the 120-day-old bot click
    assert "visitor_hashes: removed 3" in out  # the 120- and 30-day-old ones that stay
    assert "read_notifications: removed 1" in out
    assert "leavers: removed 1" in out
    assert credited_totals() == totals
    assert Click.objects.filter(visitor_key="").count() == 3
    assert set(Notification.objects.values_list("title", flat=True)) == {
        "read 10 days ago",
        "unread",
    }
    assert not User.objects.filter(email="gone@example.com").exists()
    assert AuditLogEntry.objects.get(action=RETENTION_APPLY).data["removed"]["raw_clicks"] == 1

    again = run()
    assert "Total: removed 0." in again
    assert credited_totals() == totals


def test_the_periods_are_programme_settings(history):
    settings = RetentionSettings.load()
    settings.raw_clicks_days = 10
    settings.erasure_months = 24
    settings.save()
    out = run("--dry-run")
    assert "raw_clicks: would remove 2" in out  # both bot clicks are now past 10 days
    assert "leavers: would remove 0" in out


def test_me_says_how_long_each_thing_is_kept(client):
    user = UserFactory()
    client.force_login(user)
    settings = RetentionSettings.load()
    settings.read_notifications_days = 45
    settings.save()
    page = client.get("/me/").content.decode()
    assert "deleted 45 days after you read it" in page
    assert "kept for 90 days" in page
    assert "12 months later" in page
