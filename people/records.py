"""What Chorus records about a person: described in plain words and exported as JSON.

Each app contributes the sections it keeps through the RECORDS_SECTION hook in its
`wagtail_hooks.py` (`() -> RecordSection`), so the "What Chorus records about me" page
and /me/export.json can never drift apart.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from wagtail import hooks

from people.models import User

RECORDS_SECTION = "chorus_records_section"


@dataclass(frozen=True)
class RecordSection:
    key: str
    title: str
    description: str
    collect: Callable[[User], Any]


def record_sections() -> list[RecordSection]:
    """Every app's section, in hook order."""
    return [fn() for fn in hooks.get_hooks(RECORDS_SECTION)]


def personal_data_export(*, user: User) -> dict[str, Any]:
    """Everything Chorus holds about `user`, and nothing about anyone else."""
    return {
        "format": "chorus-personal-data/1",
        "user": user.username,
        **{section.key: section.collect(user) for section in record_sections()},
    }


def profile_collect(user: User) -> dict[str, Any]:
    return {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "display_name": user.display_name,
        "email": user.email,
        "department": user.department.name if user.department else None,
        "job_title": user.job_title,
        "joined_on": user.joined_on.isoformat(),
        "date_joined": user.date_joined.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
    }


def networks_collect(user: User) -> list[dict[str, Any]]:
    return [
        {
            "platform": n.platform,
            "handle": n.handle,
            "audience": n.audience,
            "followers": n.followers,
            "added_at": n.created_at.isoformat(),
        }
        for n in user.networks.all()
    ]


def consents_collect(user: User) -> list[dict[str, Any]]:
    return [
        {
            "consent": r.kind,
            "granted": r.granted,
            "source": r.source,
            "at": r.created_at.isoformat(),
        }
        for r in user.consent_records.all()
    ]
