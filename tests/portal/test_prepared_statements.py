"""The hot paths' own statements stay prepared on a PostgreSQL connection (portal.rows
.prepared_cursor): parsed and planned once per pooled connection, not on every request."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.rows import prepared_cursor
from sharing.click_rows import share_by_code
from sharing.services import share_create
from tests.portal.test_settings import STRONG_KEY, run_manage
from tests.sharing.factories import advocate_make, post_create

pytestmark = pytest.mark.django_db

SHOW_THRESHOLD = "from django.conf import settings; print(settings.DATABASES['default']['OPTIONS']['prepare_threshold'])"  # noqa: E501


def _prepared_reads() -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT COUNT(*) FROM pg_prepared_statements WHERE statement LIKE %s",
            ['%FROM "sharing_share" t0%'],
        )
        return cursor.fetchone()[0]


def test_the_tracked_links_read_is_prepared_once_and_logged_as_it_ran(postgres):
    share = share_create(
        user=advocate_make(), post=post_create(), platform="linkedin", text="Hi"
    ).share
    before = _prepared_reads()
    with CaptureQueriesContext(connection) as queries:
        for _ in range(3):
            assert share_by_code(share.code, lock=False).pk == share.pk
    assert _prepared_reads() == before + 1  # one statement on the server, run three times
    assert all('"sharing_share"' in query["sql"] for query in queries)  # not None in the log


def test_a_prepared_statement_answers_as_the_usual_cursor_does(postgres):
    sql = "SELECT COUNT(*) FROM sharing_share WHERE code = %s OR platform = %s"
    params = ["nonesuch", "linkedin"]
    share_create(user=advocate_make(), post=post_create(), platform="linkedin", text="Hi")
    with prepared_cursor() as cursor:
        cursor.execute(sql, params)
        prepared = cursor.fetchone()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        assert cursor.fetchone() == prepared == (1,)


@pytest.mark.parametrize(("setting", "threshold"), [("", "0"), ("false", "None")])
def test_prepared_statements_can_be_turned_off_for_a_pooler_that_cannot_keep_them(
    setting, threshold
):
    result = run_manage(
        "shell", "--no-imports", "-c", SHOW_THRESHOLD,
        DJANGO_SETTINGS_MODULE="portal.settings.base", SECRET_KEY=STRONG_KEY,
        DATABASE_URL="postgres://chorus@127.0.0.1:5432/chorus",
        DATABASE_PREPARED_STATEMENTS=setting,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [threshold]
