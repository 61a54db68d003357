"""What sharing adds to the weekly digest: fitting new posts and the person's own results."""

from notifications.digest import DigestLine, DigestSection, DigestWindow
from people.models import ConsentKind, User
from people.selectors import consent_current
from sharing.selectors import digest_posts, digest_results


def posts_section(*, user: User, window: DigestWindow) -> DigestSection | None:
    """New posts that fit the person; only for opted-in advocates."""
    if not consent_current(user=user)[ConsentKind.ADVOCACY]:
        return None
    posts = digest_posts(user=user, start=window.start, end=window.end)
    return DigestSection(
        "posts",
        "New posts that fit your networks",
        [DigestLine(post["title"], post["url"]) for post in posts],
    )


def results_section(*, user: User, window: DigestWindow) -> DigestSection | None:
    shares, clicks = digest_results(user=user, start=window.start, end=window.end)
    if not (shares or clicks):
        return None
    return DigestSection(
        "sharing",
        "Your sharing",
        [DigestLine(f"Shares: {shares}"), DigestLine(f"Credited clicks: {clicks}")],
    )
