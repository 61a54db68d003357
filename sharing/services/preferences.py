"""An advocate's own sharing choices: the topics they follow and a personal weekly cap."""

from django.db import transaction

from people.models import User
from sharing.models import SharingPreferences
from sharing.services.errors import SharingError


@transaction.atomic
def preferences_set(
    *,
    user: User,
    topic_ids: list[int] | None = None,
    weekly_cap: int | None | type[Ellipsis] = ...,
) -> SharingPreferences:
    """Set the topics `user` follows and/or their personal weekly cap (None clears it; left
    out, it stays). Raises SharingError for a cap outside 1 to 50."""
    preferences, _ = SharingPreferences.objects.get_or_create(user=user)
    if weekly_cap is not ...:
        if weekly_cap is not None and not 1 <= weekly_cap <= 50:
            raise SharingError("A personal cap is between 1 and 50 shares a week.")
        preferences.weekly_cap = weekly_cap
        preferences.save()
    if topic_ids is not None:
        preferences.topics.set(topic_ids)
    return preferences
