"""SCIM filters (already parsed by scim2-models) as Django queries.

Only the attributes identity providers filter on are supported — userName, externalId,
emails, name, title, active and id for Users; displayName, externalId, id and members for
Groups — with eq, ne, co, sw, ew, pr, and, or, not. Anything else is refused with
invalidFilter rather than answered wrongly.
"""

from typing import Any

from django.db.models import Q
from scim2_models import InvalidFilterException
from scim2_models.path import FilterVisitor
from scim2_models.path.expressions import (
    AttrPath,
    CompareOperator,
    Comparison,
    LogicalExpr,
    LogicalOperator,
    Not,
    Present,
    ValuePath,
)

ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:user"

# SCIM attribute (lower case) → (model field, whether it compares case-sensitively)
USER_FIELDS = {
    "id": ("pk", True),
    "username": ("username", False),
    "externalid": ("scim_external_id", True),
    "emails": ("email", False),
    "emails.value": ("email", False),
    "name.givenname": ("first_name", False),
    "name.familyname": ("last_name", False),
    "title": ("job_title", False),
    "active": ("is_active", True),
    f"{ENTERPRISE}:department": ("department__name", False),
}
GROUP_FIELDS = {
    "id": ("pk", True),
    "displayname": ("name", False),
    "externalid": ("scim_external_id", True),
    "members": ("members__pk", True),
    "members.value": ("members__pk", True),
}
LOOKUPS = {
    CompareOperator.eq: "exact",
    CompareOperator.co: "contains",
    CompareOperator.sw: "startswith",
    CompareOperator.ew: "endswith",
}
NOTHING = Q(pk__in=[])


def _key(path: AttrPath, sub_attr: str | None = None) -> str:
    name = str(AttrPath(path.attr, path.sub_attr or sub_attr))
    key = name.lower()
    uri = (path.uri or "").lower()
    if uri and uri != "urn:ietf:params:scim:schemas:core:2.0:user":
        key = f"{uri}:{key}"
    return key


class _QueryVisitor(FilterVisitor[Q]):
    def __init__(self, fields: dict[str, tuple[str, bool]]):
        self.fields = fields

    def _field(self, key: str) -> tuple[str, bool]:
        if key not in self.fields:
            raise InvalidFilterException(detail=f"Filtering on {key!r} is not supported.")
        return self.fields[key]

    def _compare(self, key: str, op: CompareOperator, value: Any) -> Q:
        field, exact = self._field(key)
        if field.endswith("pk"):
            if not str(value).isdigit():
                return NOTHING if op != CompareOperator.ne else Q()
            value = int(value)
        if op == CompareOperator.ne:
            return ~self._compare(key, CompareOperator.eq, value)
        lookup = LOOKUPS.get(op)
        if lookup is None:
            raise InvalidFilterException(detail=f"The operator {op} is not supported.")
        if isinstance(value, str) and not exact:
            lookup = f"i{lookup}"
        return Q(**{f"{field}__{lookup}": value})

    def visit_comparison(self, node: Comparison) -> Q:
        return self._compare(_key(node.attr_path), node.op, node.value)

    def visit_present(self, node: Present) -> Q:
        field, _ = self._field(_key(node.attr_path))
        return Q(**{f"{field}__isnull": False}) & ~Q(**{field: ""})

    def visit_not(self, node: Not) -> Q:
        return ~self.visit(node.expr)

    def visit_logical_expr(self, node: LogicalExpr) -> Q:
        terms = [self.visit(term) for term in node.terms]
        query = terms[0]
        for term in terms[1:]:
            query = query & term if node.op == LogicalOperator.and_ else query | term
        return query

    def visit_value_path(self, node: ValuePath) -> Q:
        """`emails[type eq "work"].value eq "…"` (Entra) or `members[value eq "…"]`: Chorus
        keeps one work email and one department, so the bracket selects that value."""
        key = _key(node.attr_path)
        inner = node.val_filter
        if key == "members" and isinstance(inner, Comparison):
            return self._compare("members.value", inner.op, inner.value)
        if key == "emails" and isinstance(inner, Comparison):
            sub = inner.attr_path.attr.lower()
            if sub == "value":
                return self._compare("emails.value", inner.op, inner.value)
            if sub == "type":
                return Q() if str(inner.value).lower() == "work" else NOTHING
            if sub == "primary":
                return Q() if inner.value is True else NOTHING
        raise InvalidFilterException(detail=f"Filtering on {key}[…] this way is not supported.")


def user_filter(node) -> Q:
    return _QueryVisitor(USER_FIELDS).visit(node)


def group_filter(node) -> Q:
    return _QueryVisitor(GROUP_FIELDS).visit(node)
