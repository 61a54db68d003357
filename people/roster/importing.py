"""Importing a roster: each row checked first, then people created or updated by email.

Idempotent by email (case-insensitive): a row whose values are already there is unchanged;
an empty cell never erases what is stored. A row is refused, with its line and the reason,
when a value is bad, its email repeats an earlier line or belongs to several accounts. A
leaving date already past deactivates the person (people.services.person_deactivate).
"""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from wagtail import hooks

from people.models import Department, User
from people.roster.reading import Row
from people.scim.mapping import department_named
from people.services import PEOPLE_CREATED, people_moved, person_deactivate

CHUNK = 500  # rows per transaction: a long import never holds the database for long
LIMITS = {"first_name": 150, "last_name": 150, "department": 80, "job_title": 120}
FIELDS = ["first_name", "last_name", "department", "job_title", "joined_on", "left_on"]
Progress = Callable[[int, int], None]


@dataclass
class Outcome:
    line: int
    email: str
    status: str  # created, updated, unchanged or refused
    reason: str = ""
    changes: list[str] = field(default_factory=list)


@dataclass
class RosterReport:
    outcomes: list[Outcome]

    @property
    def counts(self) -> dict[str, int]:
        found = Counter(o.status for o in self.outcomes)
        return {s: found[s] for s in ("created", "updated", "unchanged", "refused")}

    @property
    def refused(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "refused"]


def _date(value: str, column: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValidationError(f"{column} {value!r} is not a date like 2025-01-31.") from None


def _clean(values: dict[str, str]) -> tuple[str, dict[str, Any]]:
    """The row's email and the values it sets; ValidationError naming the first problem."""
    email = values.get("email", "").strip().lower()
    if not email:
        raise ValidationError("email is empty.")
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError(f"email {email!r} is not an email address.") from None
    cleaned: dict[str, Any] = {}
    for column, limit in LIMITS.items():
        value = values.get(column, "").strip()
        if len(value) > limit:
            raise ValidationError(f"{column} is longer than {limit} characters.")
        if value:
            cleaned[column] = value
    for column in ("joined_on", "left_on"):
        if values.get(column):
            cleaned[column] = _date(values[column], column)
    if (
        cleaned.get("left_on")
        and cleaned.get("joined_on")
        and cleaned["left_on"] < cleaned["joined_on"]
    ):
        raise ValidationError("left_on is before joined_on.")
    return email, cleaned


class _Known:
    """What is stored already, loaded once (two queries whatever the roster's size)."""

    def __init__(self):
        self.by_email: dict[str, list[dict]] = {}
        self.usernames: set[str] = set()
        rows = User.objects.values(
            "pk", "username", "email", "first_name", "last_name", "job_title", "joined_on",
            "left_on", "is_active", "department__name",
        )  # fmt: skip
        for row in rows:
            row["department"] = row.pop("department__name") or ""
            self.usernames.add(row["username"].lower())
            if row["email"]:
                self.by_email.setdefault(row["email"].lower(), []).append(row)
        self.departments = {d.name.lower(): d for d in Department.objects.all()}


def _changes(current: dict, cleaned: dict) -> list[str]:
    changes = []
    for column in FIELDS:
        if column not in cleaned:
            continue
        old, new = current.get(column), cleaned[column]
        same = old.lower() == new.lower() if column == "department" and old else old == new
        if not same:
            changes.append(f"{column}: {old or '—'} → {new}")
    return changes


def roster_plan(*, rows: list[Row]) -> tuple[RosterReport, dict[int, tuple[dict | None, dict]]]:
    """Check every row against the database; saves nothing. Returns the report and, per
    line that would change something, (the stored person or None, the values to set)."""
    known = _Known()
    seen: dict[str, int] = {}
    outcomes, work = [], {}
    for row in rows:
        email = row.values.get("email", "").strip().lower()
        try:
            email, cleaned = _clean(row.values)
            if email in seen:
                raise ValidationError(f"email {email} is already on line {seen[email]}.")
            seen[email] = row.line
            matches = known.by_email.get(email, [])
            if len(matches) > 1:
                raise ValidationError(f"{len(matches)} accounts have the email {email}.")
            if not matches and email in known.usernames:
                raise ValidationError(f"another account's username is {email}.")
        except ValidationError as error:
            outcomes.append(Outcome(row.line, email, "refused", " ".join(error.messages)))
            continue
        current = matches[0] if matches else None
        if current is None:
            outcomes.append(Outcome(row.line, email, "created"))
            work[row.line] = (None, {"email": email, **cleaned})
            continue
        changes = _changes(current, cleaned)
        outcomes.append(
            Outcome(row.line, email, "updated" if changes else "unchanged", "", changes)
        )
        if changes:
            work[row.line] = (current, cleaned)
    return RosterReport(outcomes), work


def _department(name: str | None, cache: dict[str, Department]) -> Department | None:
    if not name:
        return None
    key = name.lower()
    if key not in cache:
        cache[key] = department_named(name)
    return cache[key]


def _apply(chunk: list[tuple[dict | None, dict]], departments: dict[str, Department]) -> list[User]:
    """Create and update one chunk's people with a few bulk queries; returns them all."""
    new, changed, fields = [], [], set()
    existing = User.objects.in_bulk([current["pk"] for current, _ in chunk if current])
    for current, values in chunk:
        values = dict(values)
        department = _department(values.pop("department", None), departments)
        if current is None:
            user = User(username=values["email"], department=department, **values)
            user.set_unusable_password()  # people sign in through SSO or a password reset
            new.append(user)
            continue
        user = existing[current["pk"]]
        for name, value in values.items():
            setattr(user, name, value)
        fields.update(values)
        if department is not None:
            user.department = department
            fields.add("department")
        changed.append(user)
    User.objects.bulk_create(new)
    if changed:
        User.objects.bulk_update(changed, sorted(fields))
        if "department" in fields:
            # bulk_update sends no post_save: the boards recount per department here.
            people_moved(user_ids=[user.pk for user in changed])
    if new:
        # bulk_create sends no post_save: the apps that act on new people (onboarding
        # rules) hear of them through this hook instead.
        for fn in hooks.get_hooks(PEOPLE_CREATED):
            fn(users=new)
    return new + changed


def roster_import(
    *, rows: list[Row], apply: bool, by: User | None = None, progress: Progress | None = None
) -> RosterReport:
    """Plan the import and, when `apply`, carry it out in chunks of CHUNK rows (each its own
    transaction, so a long import never blocks others; running it again is harmless).
    `progress(done, total)` is called after each chunk."""
    report, work = roster_plan(rows=rows)
    if not apply:
        return report
    today = timezone.localdate()
    departments = {d.name.lower(): d for d in Department.objects.all()}
    lines = sorted(work)
    for start in range(0, len(lines), CHUNK):
        with transaction.atomic():
            saved = _apply([work[line] for line in lines[start : start + CHUNK]], departments)
            for user in saved:
                if user.is_active and user.left_on and user.left_on < today:
                    person_deactivate(user=user, source="roster import", by=by)
        if progress:
            progress(min(start + CHUNK, len(lines)), len(lines))
    return report
