"""With the database task backend (production), emails wait in the queue for the worker."""

import pytest
from django.core import mail
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from courses.notices import TRAINING_DUE
from notifications.models import EmailStatus, Notification
from notifications.services import notification_send
from tests.people.factories import UserFactory
from tests.tasks import DATABASE_TASKS, worker_make

pytestmark = pytest.mark.django_db


def test_email_is_queued_on_commit_and_sent_by_the_worker(
    settings, django_capture_on_commit_callbacks
):
    settings.TASKS = DATABASE_TASKS
    person = UserFactory()
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        notification_send(user=person, kind=TRAINING_DUE, title="Rolled back", key="w:0")
        raise RuntimeError("the action failed")
    assert DBTaskResult.objects.count() == 0

    with django_capture_on_commit_callbacks(execute=True):
        notification_send(user=person, kind=TRAINING_DUE, title="Due soon", key="w:1")
    [queued] = DBTaskResult.objects.all()
    assert queued.task_path == "notifications.tasks.notification_email_send"
    assert mail.outbox == []  # nothing until the worker runs

    worker = worker_make()
    worker.run_task(queued)
    assert [m.subject for m in mail.outbox] == ["Chorus: Due soon"]
    assert Notification.objects.get(key="w:1").email_status == EmailStatus.SENT
