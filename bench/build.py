"""The bench database: created empty, migrated, seeded with the demo, then the data set.

SQLite: db/bench/<scale>.sqlite3. PostgreSQL: the database BENCH_DATABASE_URL names,
dropped and created again (only that one). With `reuse`, a database already built for the
same scale is kept (its bulk history does not change between runs; each run makes its
own people to use up).
"""

import hashlib
import io
import shutil
import sqlite3
import time
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connection, connections, transaction
from django.utils import timezone

from bench.dataset import SCALES, dataset_build
from bench.floors import floor_table_create
from bench.settings import DATA_DIR
from leaderboard.services.reconcile import leaderboard_reconcile
from portal import realtime

MARKER = "bench_built"
ROOT = Path(__file__).resolve().parents[1]


def _built_scale() -> str | None:
    try:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT scale FROM {MARKER}")  # noqa: S608
            row = cursor.fetchone()
    except Exception:  # noqa: BLE001 - no marker table: not built (or not finished)
        return None
    finally:
        connections.close_all()
    return row[0] if row else None


def fingerprint() -> str:
    """What the migrated, seeded base depends on: the day, every migration, the demo seed."""
    digest = hashlib.sha1(usedforsecurity=False)
    digest.update(
        timezone.localdate().isoformat().encode()
    )  # the demo's history is relative to today
    files = sorted(ROOT.glob("*/migrations/*.py")) + sorted(ROOT.glob("*/demo*.py"))
    files += sorted(ROOT.glob("portal/management/commands/seed_demo.py"))
    for path in files:
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _admin():
    import psycopg

    db = settings.DATABASES["default"]
    return psycopg.connect(
        dbname="postgres", user=db["USER"], password=db["PASSWORD"] or None,
        host=db["HOST"], port=db["PORT"] or 5432, autocommit=True,
    )  # fmt: skip


def _disconnect() -> None:
    """Close this process's connections, pooled ones too (a template database must have no
    other sessions)."""
    for alias in connections:
        wrapper = connections[alias]
        if hasattr(wrapper, "close_pool"):
            wrapper.close_pool()
    connections.close_all()


def _sqlite_files(path: Path) -> list[Path]:
    return [Path(f"{path}{suffix}") for suffix in ("", "-wal", "-shm")]


def _base_restore(base: str) -> bool:
    """Make the bench database a copy of the base `base`; False when there is none yet."""
    _disconnect()
    db = settings.DATABASES["default"]
    if connection.vendor == "sqlite":
        target, source = Path(db["NAME"]), DATA_DIR / f"base-{base}.sqlite3"
        for path in _sqlite_files(target):
            path.unlink(missing_ok=True)
        if not source.exists():
            return False
        shutil.copyfile(source, target)
        return True
    from psycopg import sql

    with _admin() as admin:
        name, template = db["NAME"], f"{db['NAME']}_base_{base}"
        admin.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        found = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [template]).fetchone()
        statement = "CREATE DATABASE {} TEMPLATE {}" if found else "CREATE DATABASE {}"
        admin.execute(sql.SQL(statement).format(sql.Identifier(name), sql.Identifier(template)))
        return bool(found)


TEMPLATE_ATTEMPTS = 10


def _base_save(base: str) -> None:
    """Keep the migrated, seeded database as the base for the next runs (and drop the
    bench's older bases)."""
    _disconnect()
    db = settings.DATABASES["default"]
    if connection.vendor == "sqlite":
        for old in DATA_DIR.glob("base-*.sqlite3"):
            old.unlink()
        source = sqlite3.connect(db["NAME"])
        with sqlite3.connect(DATA_DIR / f"base-{base}.sqlite3") as target:
            source.backup(target)
        source.close()
        return
    from psycopg import sql
    from psycopg.errors import ObjectInUse

    with _admin() as admin:
        prefix = f"{db['NAME']}_base_"
        for (old,) in admin.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE %s", [prefix + "%"]
        ).fetchall():
            admin.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(old)))
        # Sessions this process's pool or threads left open on the bench database (only it).
        # A pool refills what is terminated, in the background (a run once failed here with
        # "being accessed by other users"): terminate and copy again, a bounded few times.
        for attempt in range(TEMPLATE_ATTEMPTS):
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = %s AND pid <> pg_backend_pid()",
                [db["NAME"]],
            )
            try:
                admin.execute(
                    sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                        sql.Identifier(prefix + base), sql.Identifier(db["NAME"])
                    )
                )
                break
            except ObjectInUse:
                if attempt == TEMPLATE_ATTEMPTS - 1:
                    raise
                _disconnect()
                time.sleep(0.5)
    _disconnect()  # the terminated sessions' pool


def redis_clear() -> int:
    """Drop the bench's own keys (prefix chorus-bench) from an earlier run; nothing else."""
    url = getattr(settings, "REDIS_URL", "")
    if not url:
        return 0
    import redis

    from bench.settings import REDIS_PREFIX

    client = redis.Redis.from_url(url)
    keys = list(client.scan_iter(match=f"{REDIS_PREFIX}*", count=1000))
    for start in range(0, len(keys), 500):
        client.delete(*keys[start : start + 500])
    client.close()
    return len(keys)


def database_prepare(scale: str, *, reuse: bool) -> dict:
    """A database holding the data set for `scale`. Returns what was built, with timings."""
    built_as = f"{scale}:{fingerprint()}"
    if reuse and _built_scale() == built_as:
        return {"reused": True}
    timings = {}
    started = time.monotonic()
    base = fingerprint()
    timings["base"] = "reused" if _base_restore(base) else "built"
    if timings["base"] == "built":
        # No pushes from either: the base is copied (its connections dropped) right after,
        # and a push still running then would fail against the dropped database.
        with realtime.suppressed():
            call_command("migrate", verbosity=0, interactive=False)
            call_command("seed_demo", force=True, stdout=io.StringIO())
        _base_save(base)
    timings["base_s"] = round(time.monotonic() - started, 1)
    started = time.monotonic()
    # Foreign keys are checked once, at the end of the transaction.
    with realtime.suppressed(), transaction.atomic():
        built = dataset_build(SCALES[scale])
    timings["bulk_s"] = round(time.monotonic() - started, 1)
    floor_table_create()
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TABLE {MARKER} (scale VARCHAR(40))")
        cursor.execute(f"INSERT INTO {MARKER} (scale) VALUES (%s)", [built_as])  # noqa: S608
    differences = leaderboard_reconcile() if scale != "large" else None
    return {
        "reused": False,
        "badges_awarded": built["badges"],
        "reconcile_differences": None if differences is None else len(differences),
        **timings,
    }
