from people.models import ConsentKind
from people.services import consent_set
from tests.people.factories import SocialNetworkFactory, UserFactory


def grant(user, *kinds: str) -> None:
    for kind in kinds:
        consent_set(user=user, kind=kind, granted=True, source="test")


def advocate(*, alerts: bool = True, platforms=("linkedin",), **fields):
    """An opted-in advocate with networks on `platforms`, alerts on unless told otherwise."""
    user = UserFactory(**fields)
    grant(user, ConsentKind.ADVOCACY)
    if alerts:
        grant(user, ConsentKind.EMAIL_ALERTS)
    for platform in platforms:
        SocialNetworkFactory(user=user, platform=platform)
    return user
