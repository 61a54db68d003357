"""What Chorus records about a person: described in plain words and exported as JSON.

Each app registers the sections it keeps (in its AppConfig.ready), so the "What Chorus
records about me" page and /me/export.json can never drift apart.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from people.models import User


@dataclass(frozen=True)
class RecordSection:
    key: str
    title: str
    description: str
    collect: Callable[[User], Any]


_SECTIONS: dict[str, RecordSection] = {}


def record_section_register(section: RecordSection) -> None:
    _SECTIONS[section.key] = section


def record_sections() -> list[RecordSection]:
    return list(_SECTIONS.values())


def personal_data_export(*, user: User) -> dict[str, Any]:
    """Everything Chorus holds about `user`, and nothing about anyone else."""
    return {
        "format": "chorus-personal-data/1",
        "user": user.username,
        **{section.key: section.collect(user) for section in record_sections()},
    }


def _profile(user: User) -> dict[str, Any]:
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


def _networks(user: User) -> list[dict[str, Any]]:
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


def _consents(user: User) -> list[dict[str, Any]]:
    return [
        {
            "consent": r.kind,
            "granted": r.granted,
            "source": r.source,
            "at": r.created_at.isoformat(),
        }
        for r in user.consent_records.all()
    ]


def register_people_sections() -> None:
    record_section_register(
        RecordSection(
            "profile",
            "Your profile",
            "Your name, display name, email address, department, job title, the day you "
            "joined and when you last logged in. HR sets most of it; you choose your "
            "display name.",
            _profile,
        )
    )
    record_section_register(
        RecordSection(
            "networks",
            "Networks you declared",
            "The social networks you told us you use: platform, handle, audience and the "
            "follower count you gave. We never connect to or read these accounts; follower "
            "counts are only used for clearly labelled reach estimates.",
            _networks,
        )
    )
    record_section_register(
        RecordSection(
            "consents",
            "Your choices",
            "Every time you turned advocacy, leaderboard visibility or email alerts on or "
            "off: what, when and where. The newest entry is what counts.",
            _consents,
        )
    )
