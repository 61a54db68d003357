"""With the database task backend (production), emails wait in the queue for the worker."""

import pytest
from django.core import mail
from django.db import transaction
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from courses.notices import TRAINING_DUE
from notifications.models import EmailStatus, Notification
from notifications.services import notification_send
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


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

    # What `manage.py db_worker` does for each ready row (the command itself also closes
    # the database connection, which a test transaction cannot survive on PostgreSQL).
    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test",
        excluded_queue_names=[],
    )
    worker.run_task(queued)
    assert [m.subject for m in mail.outbox] == ["Chorus: Due soon"]
    assert Notification.objects.get(key="w:1").email_status == EmailStatus.SENT
