"""Demo content: one example Slack channel, switched off, so the admin screen shows what
a configured channel looks like without the demo ever posting anywhere."""

from webhooks.models import Destination, Kind

EXAMPLE_URL = "https://hooks.slack.com/services/T00000000/B00000000/EXAMPLEEXAMPLE"


def seed(*, stdout) -> int:
    _, created = Destination.objects.get_or_create(
        name="#advocacy on Slack (example, switched off)",
        defaults={
            "kind": Kind.SLACK,
            "url": EXAMPLE_URL,
            "priority_posts": True,
            "campaigns": True,
            "weekly_summary": True,
            "active": False,
        },
    )
    return int(created)
