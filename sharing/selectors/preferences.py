"""Reads about an advocate's own choices: their weekly cap and the topics they follow."""

from django.db.models import Exists, OuterRef
from taggit.models import Tag

from people.models import User
from sharing.models import NoPointsReason, SharingPreferences, SharingSettings
from sharing.selectors.posts import topics_in_use


def preferences_get(*, user: User) -> SharingPreferences | None:
    """The person's sharing preferences, or None while they have chosen nothing."""
    return SharingPreferences.objects.filter(user=user).first()


def weekly_cap_for(
    *, user: User, settings: SharingSettings | None = None
) -> tuple[int, NoPointsReason]:
    """The cap that applies to `user` this week and which one it is (programme or personal):
    a personal cap counts only when it is below the programme's."""
    personal = (
        SharingPreferences.objects.filter(user=user).values_list("weekly_cap", flat=True).first()
    )
    return cap_applying(personal=personal, settings=settings)


def cap_applying(
    *, personal: int | None, settings: SharingSettings | None = None
) -> tuple[int, NoPointsReason]:
    """weekly_cap_for, from a personal cap already read (None: none chosen)."""
    settings = settings or SharingSettings.current()
    if personal is not None and personal < settings.weekly_cap:
        return personal, NoPointsReason.PERSONAL_CAP
    return settings.weekly_cap, NoPointsReason.WEEKLY_CAP


def topics_followed(*, user: User) -> list[Tag]:
    """The topics `user` follows, by name; one query."""
    follows = SharingPreferences.topics.through.objects.filter(sharingpreferences__user=user)
    return list(Tag.objects.filter(pk__in=follows.values("tag_id")).order_by("name"))


def topics_marked(*, user: User) -> list[Tag]:
    """Every topic in use, each with `.followed` saying whether `user` follows it; one query."""
    follows = SharingPreferences.topics.through.objects.filter(
        sharingpreferences__user=user, tag=OuterRef("pk")
    )
    return list(topics_in_use().annotate(followed=Exists(follows)))
