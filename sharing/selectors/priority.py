"""Who hears about a priority post."""

from collections.abc import Iterable

from people.models import ConsentKind, User
from people.selectors import users_with_consent


def priority_post_recipients(
    *, platforms: Iterable[str], department_ids: Iterable[int]
) -> list[User]:
    """Opted-in advocates with alerts on whose declared networks and department fit a post.

    An empty `platforms` or `department_ids` means the post is not restricted that way.
    """
    platforms, department_ids = list(platforms), list(department_ids)
    advocates = users_with_consent(kind=ConsentKind.ADVOCACY).values("pk")
    alerts = users_with_consent(kind=ConsentKind.EMAIL_ALERTS).values("pk")
    people = User.objects.filter(is_active=True, pk__in=advocates).filter(pk__in=alerts)
    if platforms:
        people = people.filter(networks__platform__in=platforms)
    if department_ids:
        people = people.filter(department_id__in=department_ids)
    return list(people.distinct().order_by("pk"))
