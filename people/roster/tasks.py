"""The roster import as a background task: the admin page follows its progress.

Progress and the result live on the import's RosterImport row: the task may run in this
process (the immediate backend) or in a worker (`db_worker`, the database backend), and
the database is what both share. Each update is its own autocommit write, outside the
chunks' transactions, so the page sees it at once.
"""

from datetime import timedelta

from django.core.files.storage import default_storage
from django.utils import timezone
from django_tasks import task

from people.models import RosterImport, User
from people.roster.importing import roster_import
from people.roster.reading import RosterFileError, roster_read

KEEP = timedelta(days=1)  # how long a finished import's result stays readable


def roster_import_start(*, name: str, by: User | None) -> RosterImport:
    """Record a new import (pruning finished ones past KEEP) before its task is queued."""
    RosterImport.objects.filter(finished_at__lt=timezone.now() - KEEP).delete()
    job, _ = RosterImport.objects.update_or_create(
        key=name,
        defaults={"created_by": by, "done": 0, "total": None, "result": None, "finished_at": None},
    )
    return job


@task()
def roster_import_task(*, name: str, user_id: int) -> dict:
    """Import the upload stored as roster/<name>, saving progress and the result on its
    RosterImport row, then delete the upload."""
    path = f"roster/{name}"
    by = User.objects.filter(pk=user_id).first()
    rows_of_job = RosterImport.objects.filter(key=name)

    def progress(done: int, total: int) -> None:
        rows_of_job.update(done=done, total=total)

    try:
        with default_storage.open(path, "rb") as handle:
            rows = roster_read(data=handle.read(), filename=name)
        report = roster_import(rows=rows, apply=True, by=by, progress=progress)
        result = {
            "counts": report.counts,
            "refused": [(o.line, o.reason) for o in report.refused[:500]],
        }
    except RosterFileError as error:
        result = {"error": str(error)}
    finally:
        default_storage.delete(path)
    total = sum(result.get("counts", {}).values())
    rows_of_job.update(done=total, total=total, result=result, finished_at=timezone.now())
    return result
