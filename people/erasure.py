"""Erasing a person's personal data: after the retention period that follows their leaving
date (people/retention.py), or at once by a programme admin.

What goes: their name, username, email, job title, identity-provider id, password,
handles of declared networks (which accounts they were), avatar and admin profile, and,
through the PERSON_ERASE hook, what other apps keep that is theirs in words
(suggestions' text, captions, notification history, the email hash on badges). What
stays, under a pseudonym ("Former employee 42"), is what adds up: the points ledger,
quiz attempts, enrolments, acknowledgements, shares and credited clicks, consent
records, department and dates, and each network's platform and declared followers (reach
estimates add them up). So every report total and `leaderboard_reconcile` are the same
before and after.
"""

from datetime import date

from django.apps import apps
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from wagtail import hooks
from wagtail.users.models import UserProfile

from people.models import SocialNetwork, User
from people.services import person_deactivate
from portal.audit import PERSON_ERASE as PERSON_ERASE_ACTION
from portal.audit import audit_pseudonymise, audit_record
from portal.periods import day_start

# Hook `(*, user) -> int`, run inside person_erase's transaction before the person's own
# fields are cleared (so `user.name`/`user.email` still hold the old values): the app
# erases the personal text it keeps about `user` and returns how many records it changed.
PERSON_ERASE = "chorus_person_erase"


class ErasureRefused(Exception):
    """Erasing this person is not possible as asked (the message says why)."""


def pseudonym(user: User) -> str:
    """The name an erased person's remaining records are shown under."""
    return f"Former employee {user.pk}"


def pseudonym_username(user: User) -> str:
    return f"erased-{user.pk}"


@transaction.atomic
def person_erase(*, user: User, by: User | None, source: str) -> dict[str, int]:
    """Erase `user`'s personal data for good; returns how many records each step changed.

    An active person is deactivated first, and only when `by` (an admin acting now) is
    given: the retention run (`by` None) erases only people who are already inactive.
    Raises ErasureRefused for an active person without `by`, for erasing oneself, or for
    someone already erased; nothing changes then. The audit trail records who erased whom.
    """
    locked = User.objects.select_for_update().get(pk=user.pk)
    if locked.erased_at is not None:
        raise ErasureRefused("This person's personal data was already erased.")
    if by is not None and by.pk == locked.pk:
        raise ErasureRefused("You cannot erase yourself; ask another programme admin.")
    if locked.is_active:
        if by is None:
            raise ErasureRefused("Only people who have left are erased automatically.")
        person_deactivate(user=locked, source=source, by=by)
        locked.refresh_from_db()
    names = personal_strings(locked)
    counts = {"networks": _networks_erase(locked)}
    for fn in hooks.get_hooks(PERSON_ERASE):
        counts[fn.__module__.split(".")[0]] = fn(user=locked)
    counts["profile"] = _profile_erase(locked)
    counts["history"] = audit_pseudonymise(instance=locked, label=pseudonym(locked), names=names)
    audit_record(
        actor=by,
        action=PERSON_ERASE_ACTION,
        instance=locked,
        label=pseudonym(locked),
        data={"source": source, "changed": counts},
    )
    user.refresh_from_db()
    return counts


def _networks_erase(user: User) -> int:
    """Declared networks lose their handle (which account it was); platform, audience and
    follower count stay, unnamed, because reach estimates of past shares add them up."""
    networks = list(SocialNetwork.objects.filter(user=user))
    for network in networks:
        SocialNetwork.objects.filter(pk=network.pk).update(handle=f"erased-{network.pk}")
    return len(networks)


def _profile_erase(user: User) -> int:
    """The person's own fields, admin profile, avatar, roles, sessions and sign-in
    records."""
    username = user.username
    profile = UserProfile.objects.filter(user=user).first()
    if profile is not None:
        if profile.avatar:
            profile.avatar.delete(save=False)
        profile.delete()
    user.username = pseudonym_username(user)
    user.first_name = user.last_name = ""
    user.display_name = pseudonym(user)
    user.email = user.job_title = ""
    if hasattr(user, "scim_external_id"):
        user.scim_external_id = ""
    user.set_unusable_password()
    user.is_staff = user.is_superuser = False
    user.erased_at = timezone.now()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    _sign_in_records_erase(username)
    sessions = [
        s.pk for s in Session.objects.all() if s.get_decoded().get("_auth_user_id") == str(user.pk)
    ]
    Session.objects.filter(pk__in=sessions).delete()
    return 1


def erasure_due(*, cutoff_day: date) -> QuerySet[User]:
    """Inactive, not yet erased people whose leaving date (or, without one, the day they
    were deactivated) is before `cutoff_day`."""
    return User.objects.filter(is_active=False, erased_at__isnull=True).filter(
        Q(left_on__lt=cutoff_day)
        | Q(left_on__isnull=True, deactivated_at__lt=day_start(cutoff_day))
    )


def personal_strings(user: User) -> list[str]:
    """The texts that name `user` (longest first), for scrubbing text that quotes them.
    Read before the person's own fields are cleared."""
    candidates = {user.name, user.get_full_name(), user.display_name, user.email, user.username}
    return sorted((c for c in candidates if c and len(c) >= 3), key=len, reverse=True)


def text_scrub(value, names: list[str], replacement: str):
    """`value` (text, or JSON-like lists and dicts of it) with every one of `names`
    replaced by `replacement`."""
    if isinstance(value, str):
        for name in names:
            value = value.replace(name, replacement)
        return value
    if isinstance(value, list):
        return [text_scrub(item, names, replacement) for item in value]
    if isinstance(value, dict):
        return {key: text_scrub(item, names, replacement) for key, item in value.items()}
    return value


def _sign_in_records_erase(username: str) -> int:
    """Sign-in attempts and logs kept under the person's username (django-axes, when
    installed): the security log does not outlive the person's erasure."""
    if not apps.is_installed("axes"):
        return 0
    deleted = 0
    for model in apps.get_app_config("axes").get_models():
        if any(field.name == "username" for field in model._meta.get_fields()):
            deleted += model.objects.filter(username=username).delete()[0]
    return deleted
