"""Demo notifications for advocate and newhire, made through notification_send."""

from django.utils import timezone

from notifications.models import Kind, Notification
from notifications.services import notification_send
from people.models import User

DEMO = {
    "advocate": [
        (
            Kind.PRIORITY_POST,
            "New priority post: our spring product update",
            "It fits your LinkedIn and Bluesky. Share it if you want to, in your own words.",
            "/share/",
            False,
        ),
        (
            Kind.SUGGESTION_DECIDED,
            "Your suggestion was accepted",
            "Thanks: the communications team turned your idea into a post in the library.",
            "/share/",
            False,
        ),
        (
            Kind.BADGE_EARNED,
            "You earned a badge",
            "Your shares are adding up. See your badges on the leaderboard.",
            "/leaderboard/",
            True,
        ),
    ],
    "newhire": [
        (
            Kind.TRAINING_DUE,
            "Your social media basics training is waiting",
            "It takes about half an hour. Start whenever suits you this week.",
            "/training/",
            False,
        ),
        (
            Kind.POLICY_VERSION,
            "Please read the social media policy",
            "Everyone acknowledges the current version once; it takes a few minutes.",
            "/policy/",
            False,
        ),
    ],
}


def seed(*, stdout) -> int:
    created = 0
    for username, items in DEMO.items():
        user = User.objects.filter(username=username).first()
        if user is None:
            continue
        for index, (kind, title, body, url, read) in enumerate(items):
            key = f"demo:{username}:{index}"
            if Notification.objects.filter(key=key).exists():
                continue
            notification = notification_send(
                user=user, kind=kind, title=title, body=body, url=url, key=key
            )
            if notification is None:
                continue
            if read:
                Notification.objects.filter(pk=notification.pk).update(read_at=timezone.now())
            created += 1
    return created
