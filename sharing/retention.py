"""What sharing lets expire (raw clicks and the visitor hashes on them) and what it erases
when a person is erased.

A Click row is a raw record of one request to a tracked link. Reports, digests, badges
and the leaderboard read only credited clicks, by time (sharing.selectors.reports,
.digest) or as Share.credited_clicks; points were written to the ledger when the click
was credited. So:

- a click that was not credited (bot, preview, repeat, past a cap) is deleted once it is
  older than the raw-click period: nothing adds it up;
- a credited click is kept as a bare count (share and time), its visitor hash erased, so
  every total for every period stays what it was;
- every click's visitor hash is erased once older than the visitor-hash period.
"""

from datetime import datetime

from people.erasure import personal_strings, pseudonym, text_scrub
from portal.extensions import RetentionRule
from portal.retention import cutoff, retention_settings
from sharing.models import Click, Share, SharePostPage, SharingPreferences, Suggestion

ERASED_HASH = ""
ERASED_TEXT = "(removed: the person who suggested it has left)"


def clicks_prune(*, now: datetime, dry_run: bool = False) -> int:
    """Delete the uncredited clicks older than the raw-click period; returns how many."""
    old = Click.objects.filter(
        credited=False, at__lt=cutoff(now=now, days=retention_settings().raw_clicks_days)
    )
    if dry_run:
        return old.count()
    _, per_model = old.delete()
    return per_model.get(Click._meta.label, 0)


def visitor_hashes_prune(*, now: datetime, dry_run: bool = False) -> int:
    """Erase the visitor hash of every click older than the visitor-hash period (and of
    credited clicks past the raw-click period, should that be the shorter); returns how
    many clicks lost theirs."""
    settings = retention_settings()
    days = min(settings.visitor_hashes_days, settings.raw_clicks_days)
    old = Click.objects.filter(at__lt=cutoff(now=now, days=days)).exclude(visitor_key=ERASED_HASH)
    if dry_run:
        # Uncredited clicks that clicks_prune deletes first are not counted twice.
        return old.exclude(
            credited=False, at__lt=cutoff(now=now, days=settings.raw_clicks_days)
        ).count()
    return old.update(visitor_key=ERASED_HASH)


def clicks_rule() -> RetentionRule:
    days = retention_settings().raw_clicks_days
    return RetentionRule(
        "raw_clicks",
        "Clicks on your shared links",
        f"Each request to a link you shared is kept for {days} days. After that, clicks "
        "that were not credited are deleted and credited ones stay only as counts (which "
        "link, when), so your totals and points do not change.",
        clicks_prune,
    )


def visitor_hashes_rule() -> RetentionRule:
    days = retention_settings().visitor_hashes_days
    return RetentionRule(
        "visitor_hashes",
        "Who clicked (visitor hashes)",
        f"To count a reader once a day we keep a daily hash of their address and browser, "
        f"never the address itself. It is erased after {days} days.",
        visitor_hashes_prune,
    )


def person_erase(*, user) -> int:
    """What sharing keeps about `user` in words: their suggestions' text (and the reason
    HR gave when declining), their captions, their topic choices, and their name and text
    in posts drafted from their suggestions (the post and every revision of it). Their
    shares and credited clicks stay: reports and points add them up. Returns how many
    records changed.

    A post drafted from a suggestion and since published is the company's content: it
    loses the suggester's name and the note in its internal note, but keeps the summary
    its editors published."""
    names = personal_strings(user)
    notes = [n for n in Suggestion.objects.filter(user=user).values_list("note", flat=True) if n]
    notes += [n[:400] for n in notes]
    changed = Suggestion.objects.filter(user=user).update(note="", decline_reason="")
    changed += Share.objects.filter(user=user).exclude(caption="").update(caption="")
    changed += SharingPreferences.objects.filter(user=user).delete()[0]
    for post in SharePostPage.objects.filter(suggestions__user=user).distinct():
        _post_scrub(post, names=names, notes=notes, replacement=pseudonym(user))
        changed += 1
    return changed


def _post_scrub(post: SharePostPage, *, names, notes, replacement: str) -> None:
    fields = ["internal_note"] if post.first_published_at else ["internal_note", "summary"]

    def scrub(value):
        return text_scrub(text_scrub(value, names, replacement), notes, ERASED_TEXT)

    for field in fields:
        setattr(post, field, scrub(getattr(post, field)))
    post.save(update_fields=fields, clean=False)
    for revision in post.revisions.all():
        revision.content = {
            key: scrub(value) if key in fields else value for key, value in revision.content.items()
        }
        revision.save(update_fields=["content"])
