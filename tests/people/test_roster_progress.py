"""The roster import's progress bar when the import runs in a worker (the database task
backend): progress and result are on the import's own row, so the page follows the worker
with no cache shared between them."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client

from people.models import RosterImport, User
from people.roster import importing, tasks
from tests.people.factories import UserFactory
from tests.tasks import DATABASE_TASKS

pytestmark = pytest.mark.django_db

HEADER = "email,first_name,last_name,department,job_title,joined_on,left_on\n"


@pytest.fixture
def worker_setup(settings, monkeypatch):
    settings.TASKS = DATABASE_TASKS
    # A cache nobody shares: what the page shows can only come from the database.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    monkeypatch.setattr(importing, "CHUNK", 2)


@pytest.fixture
def admin_client():
    client = Client()
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def shown(client, url: str) -> str:
    """The bar as "done/total" while the import runs; the page's text once it is done."""
    html = client.get(url).content.decode()
    progress = re.search(r'<progress max="(\d+)" value="(\d+)"', html)
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    if progress and "Starting…" not in text:
        return f"{progress.group(2)}/{progress.group(1)}"
    return text


def test_the_progress_page_follows_an_import_that_a_worker_runs(
    admin_client, worker_setup, monkeypatch
):
    lines = "".join(f"w{i}@corp.example,W,{i},Sales,,2025-01-06,\n" for i in range(5))
    upload = SimpleUploadedFile("roster.csv", (HEADER + lines).encode(), content_type="text/csv")
    preview = admin_client.post("/admin/people/roster/", {"roster": upload}).content.decode()
    key = preview.split('name="key" value="')[1].split('"')[0]

    response = admin_client.post("/admin/people/roster/import/", {"key": key})
    url = response["Location"]
    assert "Starting…" in shown(admin_client, url)  # queued: no worker has taken it yet
    assert not User.objects.filter(email__endswith="@corp.example").exists()

    seen = []
    real_import = tasks.roster_import

    def import_and_look(**kwargs):
        progress = kwargs.pop("progress")

        def progress_and_look(done, total):
            progress(done, total)
            seen.append(shown(admin_client, url))  # what the admin sees meanwhile

        return real_import(progress=progress_and_look, **kwargs)

    monkeypatch.setattr(tasks, "roster_import", import_and_look)
    # The worker runs here, inside the test's transaction, which must keep its connection
    # (a real worker is a process of its own and refreshes its connections as it likes).
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)

    assert seen == ["2/5", "4/5", "5/5"]
    done = shown(admin_client, url)
    assert "Done: created 5, updated 0, unchanged 0, refused 0." in done
    job = RosterImport.objects.get(key=key)
    assert job.finished_at is not None and job.created_by is not None
    assert User.objects.filter(email__endswith="@corp.example").count() == 5


def test_an_unknown_import_is_not_found(admin_client):
    assert admin_client.get(f"/admin/people/roster/progress/{'a' * 32}.csv/").status_code == 404
