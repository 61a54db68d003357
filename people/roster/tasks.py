"""The roster import as a background task: the admin page follows its progress."""

from django.core.cache import cache
from django.core.files.storage import default_storage
from django_tasks import task

from people.models import User
from people.roster.importing import roster_import
from people.roster.reading import RosterFileError, roster_read

PROGRESS_TTL = 60 * 60  # seconds the admin can come back to an import's result


def progress_key(name: str) -> str:
    return f"roster:progress:{name}"


@task()
def roster_import_task(*, name: str, user_id: int) -> dict:
    """Import the upload stored as roster/<name>, publishing progress and the result in the
    cache, then delete the upload."""
    path = f"roster/{name}"
    by = User.objects.filter(pk=user_id).first()

    def progress(done: int, total: int) -> None:
        cache.set(progress_key(name), {"done": done, "total": total, "result": None}, PROGRESS_TTL)

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
    cache.set(progress_key(name), {"done": total, "total": total, "result": result}, PROGRESS_TTL)
    return result
