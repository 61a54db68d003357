"""People and departments as SCIM resources, and back.

What Chorus keeps from a SCIM User: userName, name.givenName / familyName, the work (or
primary) email, title (job title), active, externalId, the enterprise extension's
department and the joining date (SCIM_JOINED_ON_ATTRIBUTE; a new person without one joins
today). displayName stays the person's own choice in /me/; a password is never kept
(people sign in through the identity provider).
"""

import hashlib
import json
from datetime import date
from typing import Any

from django.conf import settings
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.text import slugify
from scim2_models import (
    Email,
    EnterpriseUser,
    GroupMember,
    GroupMembership,
    InvalidValueException,
    Meta,
    Name,
    Resource,
)

from people.models import Department, User
from people.scim.provider import scim_service


def _version(resource: Resource[Any]) -> str:
    body = json.dumps(resource.model_dump(mode="json"), sort_keys=True)
    return f'W/"{hashlib.sha256(body.encode()).hexdigest()[:16]}"'


def _stamp(resource: Resource[Any], *, kind: str, created) -> Resource[Any]:
    version = _version(resource)
    resource.meta = Meta(
        resource_type=kind, created=created, last_modified=created, version=version
    )
    return resource


def _email(value: str) -> list[Email] | None:
    if not value:
        return None
    try:
        return [Email(value=value, type=Email.Type.work, primary=True)]
    except ValueError:  # an address typed in the admin that SCIM's syntax refuses
        return None


def user_resource(user: User) -> Resource[Any]:
    department = user.department
    scim = scim_service()
    resource = scim.user_model(
        id=str(user.pk),
        external_id=user.scim_external_id or None,
        user_name=user.username,
        name=Name(
            given_name=user.first_name or None,
            family_name=user.last_name or None,
            formatted=user.get_full_name() or None,
        ),
        display_name=user.name,
        title=user.job_title or None,
        active=user.is_active,
        emails=_email(user.email),
        groups=(
            [GroupMembership(value=str(department.pk), display=department.name, type="direct")]
            if department
            else None
        ),
    )
    if department:
        resource[EnterpriseUser] = EnterpriseUser(department=department.name)
    if user.joined_on:
        resource[scim.joined_on] = scim.joined_on(
            **{scim.joined_on_field: user.joined_on.isoformat()}
        )
    return _stamp(resource, kind="User", created=user.date_joined)


def group_resource(department: Department, members: list[User]) -> Resource[Any]:
    resource = scim_service().group_model(
        id=str(department.pk),
        external_id=department.scim_external_id or None,
        display_name=department.name,
        members=[GroupMember(value=str(m.pk), display=m.name, type="User") for m in members]
        or None,
    )
    # Departments have no creation time of their own; the epoch keeps `created` stable.
    return _stamp(resource, kind="Group", created=None)


def _work_email(emails: list[Email] | None) -> str:
    if not emails:
        return ""
    for email in emails:
        if email.primary and email.value:
            return str(email.value)
    for email in emails:
        if email.type == Email.Type.work and email.value:
            return str(email.value)
    return str(emails[0].value or "")


def _clip(value: str | None, field: str) -> str:
    value = (value or "").strip()
    limit = User._meta.get_field(field).max_length
    if len(value) > limit:
        raise InvalidValueException(detail=f"{field} is longer than {limit} characters.")
    return value


def joined_on_of(resource: Resource[Any]) -> date | None:
    """The joining date the resource carries, None when it carries none; a value that is
    not a date is refused (400 invalidValue) rather than read as "today"."""
    scim = scim_service()
    extension = resource[scim.joined_on]
    text = str(getattr(extension, scim.joined_on_field, None) or "").strip()
    if not text:
        return None
    try:
        found = parse_date(text[:10])
        if found is None and (moment := parse_datetime(text)) is not None:
            found = moment.date()
    except ValueError:
        found = None
    if found is None:
        raise InvalidValueException(
            detail=f"{settings.SCIM_JOINED_ON_ATTRIBUTE} {text!r} is not a date like 2026-03-02."
        )
    return found


def user_fields(resource: Resource[Any]) -> dict[str, Any]:
    """The User columns a SCIM User resource sets (department aside). The joining date is
    among them only when the resource carries one: a missing one never moves it."""
    name = resource.name or Name()
    username = _clip(resource.user_name, "username")
    if not username:
        raise InvalidValueException(detail="userName is required.")
    fields = {
        "username": username,
        "first_name": _clip(name.given_name, "first_name"),
        "last_name": _clip(name.family_name, "last_name"),
        "email": _clip(_work_email(resource.emails), "email"),
        "job_title": _clip(resource.title, "job_title"),
        "scim_external_id": _clip(resource.external_id, "scim_external_id"),
    }
    if (joined_on := joined_on_of(resource)) is not None:
        fields["joined_on"] = joined_on
    return fields


def department_named(name: str) -> Department:
    """The department called `name` (case-insensitively), created when it is new."""
    name = name.strip()[:80]
    found = Department.objects.filter(name__iexact=name).first()
    if found:
        return found
    base = slugify(name)[:70] or "department"
    slug, n = base, 1
    while Department.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return Department.objects.create(name=name, slug=slug)


def department_of(resource: Resource[Any], current: Department | None) -> Department | None:
    """The department a User resource asks for: the enterprise extension's, when it is
    there; otherwise the current one (Okta manages departments through Groups)."""
    extension = resource[EnterpriseUser]
    if extension is None:
        return current
    if not extension.department:
        return None
    if current and current.name.lower() == extension.department.strip().lower():
        return current
    return department_named(extension.department)
