"""Kinds of notification: declared by the apps that send them, not by this app.

notifications stores, sends, queues and pushes; it does not know what a course or a share
is. Each app declares its kinds as NotificationKind constants and lists them through the
NOTIFICATION_KINDS hook (`() -> Iterable[NotificationKind]`) in its `wagtail_hooks.py`,
so stored rows can be labelled and emailed after the fact.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from wagtail import hooks

NOTIFICATION_KINDS = "chorus_notification_kinds"


@dataclass(frozen=True)
class NotificationKind:
    key: str  # stored on every notification; never rename one that was sent
    label: str  # what the kind is, for people and editors
    intro: str  # the email's first paragraph
    # Optional kinds: their emails honour the email-alerts opt-in, carry an unsubscribe
    # link and count against the one-optional-email-a-day limit.
    optional: bool = False
    # Consent kinds (people.models.ConsentKind) a person must have granted to get this kind
    # at all, in the portal too; empty for kinds everyone concerned gets.
    requires_consents: tuple[str, ...] = ()
    # Required kinds: why this email reached the person whatever their settings.
    reason: str = ""


@cache  # hooks are registered once, at start-up; a list page labels every row from here
def kinds_registered() -> dict[str, NotificationKind]:
    """Every kind the apps declare, by key."""
    found: dict[str, NotificationKind] = {}
    for fn in hooks.get_hooks(NOTIFICATION_KINDS):
        kinds: Iterable[NotificationKind] = fn()
        for kind in kinds:
            found[kind.key] = kind
    return found


def kind_get(key: str) -> NotificationKind:
    """The kind stored as `key`; a kind no app declares any more reads as a plain notice."""
    kind = kinds_registered().get(key)
    if kind is None:
        return NotificationKind(key=key, label=key.replace("_", " ").capitalize(), intro="")
    return kind
