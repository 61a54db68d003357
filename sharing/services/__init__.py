"""Writes for sharing: shares, clicks, retraction, suggestions, preferences, priority posts.

Every write runs under transaction.atomic; points are awarded inside the same
transaction, and notices are queued by notifications.services on commit. Import from
here; the modules are how the writes are grouped.
"""

from sharing.services.clicks import ClickOutcome, click_record
from sharing.services.errors import SharingError
from sharing.services.preferences import preferences_set
from sharing.services.priority import priority_post_announce, priority_post_published
from sharing.services.retraction import post_retract
from sharing.services.shares import ShareOutcome, share_create
from sharing.services.suggestions import (
    suggestion_accept,
    suggestion_create,
    suggestion_decline,
)

__all__ = [
    "ClickOutcome",
    "ShareOutcome",
    "SharingError",
    "click_record",
    "post_retract",
    "preferences_set",
    "priority_post_announce",
    "priority_post_published",
    "share_create",
    "suggestion_accept",
    "suggestion_create",
    "suggestion_decline",
]
