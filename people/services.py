"""Writes for people: profile, declared networks and consent records."""

from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail import hooks

from people.models import ConsentKind, ConsentRecord, SocialNetwork, User
from people.selectors import consent_current

# Hook `(*, user, kind, granted) -> None`, run inside consent_set's transaction after a
# change is recorded: apps that show people (the leaderboard) follow their choice there.
CONSENT_CHANGED = "chorus_consent_changed"


@transaction.atomic
def user_update_profile(*, user: User, display_name: str) -> User:
    """Set the display name (validated); raises ValidationError and saves nothing if bad."""
    user.display_name = display_name.strip()
    user.full_clean(validate_unique=False, validate_constraints=False)
    user.save(update_fields=["display_name"])
    return user


@transaction.atomic
def network_add(
    *, user: User, platform: str, handle: str, audience: str, followers: int
) -> SocialNetwork:
    """Declare a network; ValidationError (nothing saved) when a field is bad or a duplicate."""
    network = SocialNetwork(
        user=user,
        platform=platform,
        handle=handle.strip(),
        audience=audience,
        followers=followers,
    )
    network.full_clean()
    network.save()
    return network


@transaction.atomic
def network_remove(*, user: User, network_id: int) -> bool:
    """Remove one of the user's own networks. False when it is not theirs or already gone."""
    deleted, _ = SocialNetwork.objects.filter(user=user, pk=network_id).delete()
    return deleted > 0


@transaction.atomic
def consent_set(*, user: User, kind: str, granted: bool, source: str) -> ConsentRecord | None:
    """Record a grant or withdrawal when it changes the current state.

    Returns the new record, or None when the state was already `granted` (a repeated click
    records nothing). The user row is locked so two concurrent changes serialise.
    """
    if kind not in ConsentKind.values:
        raise ValidationError(f"Unknown consent {kind!r}.")
    User.objects.select_for_update().filter(pk=user.pk).first()
    if consent_current(user=user)[kind] == granted:
        return None
    record = ConsentRecord.objects.create(user=user, kind=kind, granted=granted, source=source)
    for fn in hooks.get_hooks(CONSENT_CHANGED):
        fn(user=user, kind=kind, granted=granted)
    return record
