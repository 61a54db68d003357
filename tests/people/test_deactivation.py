"""A person leaves (SCIM, a leaving date, an admin): no sign-in, sockets closed, off every
board, open enrolments closed, records kept, tracked links redirect but earn nothing."""

import io
from datetime import timedelta

import pytest
from channels.db import database_sync_to_async
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from courses.models import Enrolment
from courses.selectors.reports import enrolments_overdue
from courses.services import enrolment_create
from leaderboard.models import LedgerEntry, Period, Reason
from leaderboard.selectors import leaderboard_departments, leaderboard_top
from leaderboard.services import points_award
from leaderboard.services.reconcile import totals_differences
from people.models import ConsentKind, Department
from people.selectors import consent_current
from people.services import consent_set, person_deactivate, person_reactivate
from portal import realtime
from sharing.services import share_create
from tests.courses.factories import make_course
from tests.people.factories import UserFactory
from tests.sharing.factories import advocate_make, post_create
from tests.websockets import login_cookie, run, ws_connect

CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36"


def on_board(user) -> bool:
    return any(row.user_id == user.pk for row in leaderboard_top(period=Period.ALL))


@pytest.mark.django_db
def test_a_leaver_cannot_sign_in_and_their_open_session_ends():
    person = UserFactory(username="leaver", password="a-long-password-1")
    browser = Client()
    assert browser.login(username="leaver", password="a-long-password-1")
    assert browser.get("/me/").status_code == 200
    assert person_deactivate(user=person, source="admin")
    assert not Client().login(username="leaver", password="a-long-password-1")
    response = browser.get("/me/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not person_deactivate(user=person, source="admin")  # once only


@pytest.mark.django_db(transaction=True)
def test_deactivation_closes_every_socket_of_that_person_only():
    person, bystander = UserFactory(), UserFactory()
    _, cookie = login_cookie(person)
    _, bystander_cookie = login_cookie(bystander)

    async def scenario():
        mine, _ = await ws_connect("/ws/leaderboard/?period=week&scope=people", cookie)
        bell, _ = await ws_connect("/ws/notifications/", cookie)
        theirs, connected = await ws_connect("/ws/notifications/", bystander_cookie)
        assert connected
        await database_sync_to_async(person_deactivate)(user=person, source="SCIM: Entra")
        for socket in (mine, bell):
            closed = await socket.receive_output(timeout=3)
            assert closed == {"type": "websocket.close", "code": realtime.CLOSE_UNAUTHORISED}
        assert await theirs.receive_nothing(timeout=0.5)
        await theirs.disconnect()
        again, connected = await ws_connect("/ws/notifications/", cookie)
        assert not connected
        await again.disconnect()

    run(scenario())


@pytest.mark.django_db
def test_a_leaver_leaves_every_board_and_their_ledger_stays():
    team = Department.objects.create(name="Team", slug="team")
    people = [UserFactory(department=team) for _ in range(4)]
    for n, person in enumerate(people):
        consent_set_on(person)
        points_award(user=person, reason=Reason.CORRECTION, key=f"t{n}", points=10 * (n + 1))
    leaver = people[-1]
    assert on_board(leaver)
    assert leaderboard_departments(period=Period.ALL)[0].members == 4
    person_deactivate(user=leaver, source="admin")
    assert not on_board(leaver)
    assert leaderboard_departments(period=Period.ALL)[0].members == 3
    assert not any(consent_current(user=leaver).values())
    assert LedgerEntry.objects.filter(user=leaver).count() == 1
    assert totals_differences(fix=False) == []  # the reconcile check agrees
    person_reactivate(user=leaver, source="admin")
    assert not on_board(leaver)  # opting in again is theirs to do


def consent_set_on(person):
    consent_set(user=person, kind=ConsentKind.LEADERBOARD, granted=True, source="test")


@pytest.mark.django_db
def test_open_enrolments_close_and_finished_ones_stay():
    person = UserFactory()
    course, _, _ = make_course(lessons=1)
    done_course, _, _ = make_course(lessons=1)
    past = timezone.localdate() - timedelta(days=3)
    open_one, _ = enrolment_create(user=person, course=course, due_on=past)
    done, _ = enrolment_create(user=person, course=done_course, due_on=past)
    Enrolment.objects.filter(pk=done.pk).update(completed_at=timezone.now())
    assert list(enrolments_overdue(today=timezone.localdate())) == [open_one]
    person_deactivate(user=person, source="admin")
    open_one.refresh_from_db()
    done.refresh_from_db()
    assert open_one.closed_at is not None and done.closed_at is None
    assert Enrolment.objects.filter(user=person).count() == 2
    assert list(enrolments_overdue(today=timezone.localdate())) == []


@pytest.mark.django_db
def test_their_tracked_links_still_redirect_but_earn_nothing():
    sharer = advocate_make()
    share = share_create(user=sharer, post=post_create(), platform="linkedin", text="Look").share
    first = Client().get(f"/l/{share.code}", HTTP_USER_AGENT=CHROME, REMOTE_ADDR="203.0.113.5")
    assert first.status_code == 302
    earned = LedgerEntry.objects.filter(user=sharer, reason=Reason.CLICK).count()
    assert earned == 1
    person_deactivate(user=sharer, source="admin")
    later = Client().get(f"/l/{share.code}", HTTP_USER_AGENT=CHROME, REMOTE_ADDR="198.51.100.7")
    assert later.status_code == 302 and later["Location"] == first["Location"]
    assert LedgerEntry.objects.filter(user=sharer, reason=Reason.CLICK).count() == earned


@pytest.mark.django_db
def test_the_daily_command_deactivates_people_past_their_leaving_date():
    today = timezone.localdate()
    gone = UserFactory(left_on=today - timedelta(days=1))
    last_day = UserFactory(left_on=today)
    out = io.StringIO()
    call_command("leavers_deactivate", stdout=out)
    assert "1 leaver(s) deactivated." in out.getvalue()
    gone.refresh_from_db()
    last_day.refresh_from_db()
    assert not gone.is_active and gone.left_on == today - timedelta(days=1)
    assert last_day.is_active
