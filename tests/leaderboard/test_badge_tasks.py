"""With the database task backend (production), an award's badges are checked by the
worker: the click or share that earned the points does not wait for them, and nothing the
ledger shows earned is missed."""

from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from leaderboard.models import BadgeAward, Reason
from leaderboard.services import points_award
from leaderboard.services.reconcile import leaderboard_reconcile
from notifications.models import Notification
from sharing.services import click_record, share_create
from tests.leaderboard.factories import BadgeFactory
from tests.people.factories import UserFactory
from tests.sharing.factories import advocate_make, post_create
from tests.tasks import DATABASE_TASKS, queued_run, worker_make
from tests.threads import run_together

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"
CHECK = "leaderboard.tasks.badges_check"


@pytest.fixture(autouse=True)
def production_tasks(settings):
    settings.TASKS = DATABASE_TASKS


def badges_of(user) -> list[str]:
    return list(BadgeAward.objects.filter(user=user).values_list("badge__slug", flat=True))


def test_a_credited_click_earns_its_badge_once_the_worker_has_checked(
    django_capture_on_commit_callbacks,
):
    BadgeFactory(slug="first-click", criterion="clicks", threshold=1, name="First reader")
    user = advocate_make()
    share = share_create(user=user, post=post_create(), platform="linkedin", text="Hi").share
    at = timezone.now() - timedelta(minutes=5)

    with django_capture_on_commit_callbacks(execute=True):
        outcome = click_record(
            code=share.code, method="GET", user_agent=BROWSER, ip="198.51.100.7", at=at
        )
    assert outcome.credited
    assert badges_of(user) == []  # the click answered without counting the history
    assert DBTaskResult.objects.filter(task_path=CHECK).count() >= 1

    with django_capture_on_commit_callbacks(execute=True):
        queued_run(CHECK)
    assert badges_of(user) == ["first-click"]
    award = BadgeAward.objects.get(user=user)
    assert award.awarded_at == at  # dated by the click that earned it, not by the worker
    [note] = Notification.objects.filter(user=user, kind="badge_earned")
    assert note.title == "You earned the “First reader” badge"

    queued_run(CHECK)  # a check run again awards nothing more
    assert BadgeAward.objects.filter(user=user).count() == 1
    assert leaderboard_reconcile() == []


def test_an_award_rolled_back_queues_no_check():
    BadgeFactory(slug="first-share", criterion="shares", threshold=1)
    user = UserFactory()
    with pytest.raises(RuntimeError), transaction.atomic():
        points_award(user=user, reason=Reason.SHARE, key="share:gone")
        raise RuntimeError("the share failed")
    assert not DBTaskResult.objects.filter(task_path=CHECK).exists()
    assert queued_run(CHECK) == 0
    assert badges_of(user) == []


def test_a_correction_moves_no_badge_and_queues_nothing():
    BadgeFactory(slug="first-share", criterion="shares", threshold=1)
    user = UserFactory()
    points_award(user=user, reason=Reason.CORRECTION, points=5, key="correction:1")
    assert not DBTaskResult.objects.filter(task_path=CHECK).exists()


def test_a_check_that_never_ran_is_a_missing_badge_reconcile_awards():
    BadgeFactory(slug="first-share", criterion="shares", threshold=1)
    user = UserFactory()
    points_award(user=user, reason=Reason.SHARE, key="share:1")
    DBTaskResult.objects.filter(task_path=CHECK).delete()  # the worker lost it
    assert [d.kind for d in leaderboard_reconcile()] == ["missing badge"]
    leaderboard_reconcile(fix=True)
    assert badges_of(user) == ["first-share"]


def test_two_awards_crossing_a_threshold_at_once_make_one_badge_after_the_worker(postgres):
    BadgeFactory(slug="two-shares", criterion="shares", threshold=2)
    user = UserFactory()

    def share(key):
        def award():
            with transaction.atomic():
                points_award(user=user, reason=Reason.SHARE, key=key)

        return award

    run_together(share("s-1"), share("s-2"))
    assert badges_of(user) == []
    rows = list(DBTaskResult.objects.filter(task_path=CHECK))
    assert len(rows) == 2
    # Two workers take one check each at the same time: one badge, never two, never none.
    run_together(*(lambda row=row: worker_make().run_task(row) for row in rows))
    assert badges_of(user) == ["two-shares"]
