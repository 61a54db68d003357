"""Demo policies: the social media policy (version 1, then a material version 2, both through
Wagtail's real publish path) and brand guidelines (no acknowledgement asked).

Most employees acknowledged version 2; some only version 1; `newhire` none; `advocate` both.
"""

import datetime
import zlib
from enum import StrEnum

from wagtail.models import Page, Site

from people.models import User
from policies.demo_content import BRAND_GUIDELINES, POLICY
from policies.models import Acknowledgement, PolicyPage
from policies.services import policy_acknowledge


def _body(sections) -> list[tuple[str, str]]:
    body = []
    for section in sections:
        body.append(("heading", section["heading"]))
        body.append(("paragraph", section["body"]))
    return body


def _version_fields(version: dict) -> dict:
    return {
        "effective_date": datetime.date.fromisoformat(version["effective_date"]),
        "what_changed": version["what_changed"],
        "body": _body(version["sections"]),
    }


def _create(home: Page, hr: User | None, **fields) -> PolicyPage:
    page = PolicyPage(live=False, owner=hr, **fields)
    home.add_child(instance=page)
    page.save_revision(user=hr).publish(user=hr)
    return PolicyPage.objects.get(pk=page.pk)


class Group(StrEnum):
    """Which versions a demo employee acknowledged."""

    BOTH = "both"
    FIRST = "v1"
    NONE = "none"


def _group(username: str) -> Group:
    """Who acknowledged what, stable across runs: both versions (most), the first (some) or
    none."""
    if username == "newhire":
        return Group.NONE
    if username in ("advocate", "hr"):
        return Group.BOTH
    bucket = zlib.crc32(username.encode()) % 10
    return Group.NONE if bucket == 0 else Group.FIRST if bucket < 3 else Group.BOTH


def seed(*, stdout) -> int:
    changed = 0
    home = Site.objects.get(is_default_site=True).root_page.specific
    hr = User.objects.filter(username="hr").first()
    people = list(User.objects.filter(is_active=True).order_by("username"))

    policy = PolicyPage.objects.filter(slug=POLICY["slug"]).first()
    if policy is None:
        policy = _create(
            home,
            hr,
            title=POLICY["title"],
            slug=POLICY["slug"],
            **_version_fields(POLICY["versions"][0]),
        )
        changed += 1

    if policy.version == 1:
        for person in people:
            if _group(person.username) != Group.NONE:
                changed += policy_acknowledge(user=person, policy_id=policy.pk, version=1)[1]
        draft = policy.get_latest_revision_as_object()
        for name, value in _version_fields(POLICY["versions"][1]).items():
            setattr(draft, name, value)
        draft.material_change = True
        draft.save_revision(user=hr).publish(user=hr)
        policy = PolicyPage.objects.get(pk=policy.pk)
        changed += 1
        # Only the version 2 this seed published: a later version is HR's, and who
        # acknowledges it is up to the people (a re-run must never do it for them).
        done = set(
            Acknowledgement.objects.filter(policy=policy, version=2).values_list(
                "user_id", flat=True
            )
        )
        for person in people:
            if _group(person.username) == Group.BOTH and person.pk not in done:
                changed += policy_acknowledge(user=person, policy_id=policy.pk, version=2)[1]

    if not PolicyPage.objects.filter(slug=BRAND_GUIDELINES["slug"]).exists():
        _create(
            home,
            hr,
            title=BRAND_GUIDELINES["title"],
            slug=BRAND_GUIDELINES["slug"],
            acknowledgement_required=BRAND_GUIDELINES["acknowledgement_required"],
            effective_date=datetime.date.fromisoformat(
                BRAND_GUIDELINES.get("effective_date", "2026-03-01")
            ),
            what_changed="",
            body=_body(BRAND_GUIDELINES["sections"]),
        )
        changed += 1
    return changed
