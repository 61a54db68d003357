"""What the leaderboard erases when a person is erased: the email hash on their badges.

Their ledger rows, totals, placements and awards stay (so reconcile still finds nothing
to fix); a badge's public page shows the pseudonym, and its Open Badges recipient becomes
a hash of an address that was never anyone's."""

from leaderboard.models import BadgeAward
from people.erasure import pseudonym_username


def person_erase(*, user) -> int:
    """Re-hash every badge recipient of `user` to `<pseudonym>@invalid`; returns how many."""
    awards = list(BadgeAward.objects.filter(user=user))
    for award in awards:
        award.set_recipient(f"{pseudonym_username(user)}@invalid")
        award.save(update_fields=["recipient_salt", "recipient_hash"])
    return len(awards)
