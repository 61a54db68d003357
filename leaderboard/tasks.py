"""Background work for recognition (django-tasks): a person's badges, checked after the
award that may have earned them.

An award queues the check in its own transaction, so the check is committed with the
ledger row (with the database backend) and the worker runs it once both are visible: the
click or share that earned the points never waits for the badge queries. With the
immediate backend (`make run`, the tests) it runs at once, inside that transaction, as
before. A check that fails leaves the badge to `leaderboard_reconcile`, which awards
every badge the ledger shows earned.
"""

from datetime import datetime

from django.db import transaction
from django_tasks import task

from leaderboard import broadcast
from leaderboard.models import CRITERIA_BY_REASON
from leaderboard.services.badges import badges_evaluate
from people.models import User


def badges_check_queue(*, user_id: int, reasons: list[str], at: datetime) -> None:
    """Queue the check of the badges `reasons` move for the person (nothing when they move
    none). Call it inside the award's transaction."""
    if any(CRITERIA_BY_REASON.get(reason) for reason in reasons):
        badges_check.enqueue(user_id=user_id, reasons=reasons, at=at.isoformat())


@task()
def badges_check(*, user_id: int, reasons: list[str], at: str) -> str:
    """Award the badges the ledger now shows the person earned (once each, dated `at`, the
    row that queued this), and toast them after commit. Every award of a person queues one,
    each after its row is committed, so the last to run sees every row: two awards crossing
    a threshold at once make one badge, never none."""
    with transaction.atomic():
        user = User.objects.filter(pk=user_id).first()
        if user is None:
            return "no such person"
        awards = badges_evaluate(user=user, reasons=reasons, at=datetime.fromisoformat(at))
        if awards:
            broadcast.points_changed_on_commit(
                user_id=user_id, award_ids=[award.pk for award in awards]
            )
    return f"{len(awards)} awarded"
