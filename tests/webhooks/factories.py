from webhooks.models import Destination, Kind


def destination_make(receiver, *, kind: str = Kind.SLACK, path: str | None = None, **fields):
    values = {
        "name": f"#advocacy on {kind}",
        "kind": kind,
        "url": receiver.url(path or f"/{kind}"),
        "priority_posts": True,
        "campaigns": True,
        "weekly_summary": True,
        "active": True,
    }
    values.update(fields)
    return Destination.objects.create(**values)
