import factory

from leaderboard.models import Badge
from people.services import consent_set
from portal import realtime
from tests.people.factories import UserFactory


class BadgeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Badge
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Badge {n}")
    slug = factory.Sequence(lambda n: f"badge-{n}")
    description = "Recognises something good."
    criterion = "shares"
    threshold = 1


def opted_in(**kwargs):
    """A person who chose to appear on the leaderboard."""
    user = UserFactory(**kwargs)
    with realtime.suppressed():  # setup is not news for the sockets under test
        consent_set(user=user, kind="leaderboard", granted=True, source="test")
    return user
