"""The task worker in tests: the database backend (production's) and one worker run."""

from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def worker_make() -> Worker:
    """What `manage.py db_worker` runs each ready row with (the command itself also closes
    the database connection, which a test transaction cannot survive on PostgreSQL)."""
    return Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test",
        excluded_queue_names=[],
    )


def queued_run(task_path: str | None = None) -> int:
    """Run what waits in the queue (of `task_path`, or all), oldest first, as the worker
    does. Returns how many."""
    worker = worker_make()
    rows = DBTaskResult.objects.ready().order_by("enqueued_at")
    if task_path is not None:
        rows = rows.filter(task_path=task_path)
    rows = list(rows)
    for row in rows:
        worker.run_task(row)
    return len(rows)
