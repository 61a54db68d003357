"""Who may open the Wagtail admin, answered without loading every permission a person
holds: the navigation shows its Admin link by it on every portal page.

Django's `has_perm` loads all of a person's permissions (two queries) to answer one.
`admin_access_annotation()` asks only for `access_admin`, held directly or through a
group, as one EXISTS on the row that loads the person (people.selectors.user_for_session
adds it to the session's user); `user_has_admin_access` then answers without a query.

The EXISTS is written as SQL: built with the ORM (two `Exists` over the many-to-many
tables) it cost more to compile on every request than the two queries it replaces.
"""

from functools import cache

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import BooleanField
from django.db.models.expressions import RawSQL

ADMIN_ACCESS = "admin_access"
APP_LABEL, CODENAME = "wagtailadmin", "access_admin"


@cache
def _sql() -> str:
    q = connection.ops.quote_name
    user_model = get_user_model()
    own = user_model._meta.get_field("user_permissions")
    groups = user_model._meta.get_field("groups")
    group_permissions = Group._meta.get_field("permissions")
    user_id = f"{q(user_model._meta.db_table)}.{q(user_model._meta.pk.column)}"
    return (
        f"EXISTS (SELECT 1 FROM {q(Permission._meta.db_table)} p"  # noqa: S608 - names from the models
        f" INNER JOIN {q(ContentType._meta.db_table)} ct ON ct.id = p.content_type_id"
        " WHERE p.codename = %s AND ct.app_label = %s AND ("
        f"EXISTS (SELECT 1 FROM {q(own.m2m_db_table())} up"
        f" WHERE up.{q(own.m2m_column_name())} = {user_id}"
        f" AND up.{q(own.m2m_reverse_name())} = p.id)"
        f" OR EXISTS (SELECT 1 FROM {q(groups.m2m_db_table())} ug"
        f" INNER JOIN {q(group_permissions.m2m_db_table())} gp"
        f" ON gp.{q(group_permissions.m2m_column_name())} = ug.{q(groups.m2m_reverse_name())}"
        f" WHERE ug.{q(groups.m2m_column_name())} = {user_id}"
        f" AND gp.{q(group_permissions.m2m_reverse_name())} = p.id)))"
    )


def admin_access_annotation() -> dict[str, RawSQL]:
    """`QuerySet.annotate(**admin_access_annotation())` on users (the table unaliased, as
    in a plain query on it): whether each holds `wagtailadmin.access_admin` themselves or
    through one of their groups."""
    # Names from the models, values as parameters.
    granted = RawSQL(_sql(), [CODENAME, APP_LABEL], output_field=BooleanField())  # noqa: S611
    return {ADMIN_ACCESS: granted}


def user_has_admin_access(*, user) -> bool:
    """Whether `user` may open the admin, as `has_perm("wagtailadmin.access_admin")`
    answers it: active, and a superuser or holding the permission directly or through a
    group. No query for a user loaded with admin_access_annotation(); otherwise
    `has_perm` (two queries)."""
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    granted = getattr(user, ADMIN_ACCESS, None)
    if granted is None:
        return user.has_perm(f"{APP_LABEL}.{CODENAME}")
    return bool(granted)
