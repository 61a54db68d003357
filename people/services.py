"""Writes for people: profile, declared networks and consent records."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail import hooks

from people.models import ConsentKind, ConsentRecord, SocialNetwork, User
from people.selectors import consent_current
from portal import realtime
from portal.audit import PERSON_DEACTIVATE, PERSON_REACTIVATE, audit_record

# Hook `(*, user, kind, granted) -> None`, run inside consent_set's transaction after a
# change is recorded: apps that show people (the leaderboard) follow their choice there.
CONSENT_CHANGED = "chorus_consent_changed"
# Hook `(*, user) -> None`, run inside person_deactivate's transaction once the person is
# inactive: apps close what was open for them (enrolments) there. Their records stay.
PERSON_DEACTIVATED = "chorus_person_deactivated"
# Hook `(*, users) -> None`, run inside the transaction that created `users` in bulk (a
# roster import), which Django's post_save does not report: apps treat them as new people.
PEOPLE_CREATED = "chorus_people_created"
# Hook `(*, user_ids) -> None`, run inside the transaction that moved `user_ids` between
# departments in bulk (roster import, SCIM group membership), which post_save does not
# report: apps that count people per department (the leaderboard) recount them there.
# Called once per batch (a roster chunk, a group PATCH) with every id in it: a receiver
# works set-based, in the same few queries for 10 people as for 1,000.
PEOPLE_MOVED = "chorus_people_moved"


def people_moved(*, user_ids) -> None:
    """Tell the apps that these people changed department outside User.save()."""
    user_ids = sorted(set(user_ids))
    if not user_ids:
        return
    for fn in hooks.get_hooks(PEOPLE_MOVED):
        fn(user_ids=user_ids)


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


@transaction.atomic
def person_deactivate(*, user: User, source: str, by: User | None = None) -> bool:
    """A person leaves: they can no longer sign in, every choice to be shown or mailed is
    withdrawn (so they leave every board), apps close what was open for them through the
    PERSON_DEACTIVATED hook, and after commit all their open sockets close. Nothing they
    did is deleted. `left_on` becomes today unless an earlier leaving date is set.

    Returns False (and changes nothing) when the person was already inactive.
    """
    locked = User.objects.select_for_update().get(pk=user.pk)
    if not locked.is_active:
        return False
    today = timezone.localdate()
    locked.is_active = False
    locked.deactivated_at = timezone.now()
    if locked.left_on is None or locked.left_on > today:
        locked.left_on = today
    locked.save(update_fields=["is_active", "deactivated_at", "left_on"])
    for kind in ConsentKind.values:
        consent_set(user=locked, kind=kind, granted=False, source=f"deactivated ({source})")
    for fn in hooks.get_hooks(PERSON_DEACTIVATED):
        fn(user=locked)
    audit_record(actor=by, action=PERSON_DEACTIVATE, instance=locked, data={"source": source})
    user_id = locked.pk
    transaction.on_commit(lambda: realtime.session_ended(user_id=user_id, session_key=None))
    user.is_active, user.deactivated_at, user.left_on = False, locked.deactivated_at, locked.left_on
    return True


@transaction.atomic
def person_reactivate(*, user: User, source: str, by: User | None = None) -> bool:
    """Let a deactivated person sign in again (rehired, or deactivated by mistake). Their
    withdrawn choices stay withdrawn: opting in again is theirs to do. False when the
    person was already active."""
    locked = User.objects.select_for_update().get(pk=user.pk)
    if locked.is_active:
        return False
    locked.is_active = True
    locked.deactivated_at = None
    locked.left_on = None
    locked.save(update_fields=["is_active", "deactivated_at", "left_on"])
    audit_record(actor=by, action=PERSON_REACTIVATE, instance=locked, data={"source": source})
    user.is_active, user.deactivated_at, user.left_on = True, None, None
    return True


def leavers_deactivate(*, today=None) -> int:
    """Deactivate everyone whose leaving date has passed (the day after their last working
    day); each in its own transaction. Returns how many were deactivated."""
    today = today or timezone.localdate()
    count = 0
    for user in User.objects.filter(is_active=True, left_on__lt=today).order_by("pk"):
        count += person_deactivate(user=user, source="leaving date")
    return count
