"""Background work for campaigns (django-tasks): checking one campaign's start and
milestones, queued after commit by the broadcaster or the admin, never by a request."""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks import task

from sharing.models import Campaign
from sharing.services.campaigns import campaign_milestones_record
from sharing.services.tallies import campaign_tallies_rebuild


@task()
def campaign_check(*, campaign_id: int) -> str:
    """Announce the campaign's start and record its milestones, each once."""
    new = campaign_milestones_record(campaign_id=campaign_id)
    return f"milestones {new}" if new else "nothing new"


@task()
def campaign_tallies_recount(*, campaign_ids: list[int]) -> str:
    """Recount campaigns after a post was published: it may have joined or left one."""
    return f"{campaign_tallies_rebuild(campaign_ids=campaign_ids)} people taking part"


def post_published(sender, instance, **kwargs) -> None:
    """page_published of a share post: recount its campaign and every campaign still
    running or to come (the one it left is among them, or has ended), after commit."""
    today = timezone.localdate()
    ids = set(
        Campaign.objects.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today)).values_list(
            "pk", flat=True
        )
    )
    if instance.campaign_id:
        ids.add(instance.campaign_id)
    if ids:
        transaction.on_commit(lambda: campaign_tallies_recount.enqueue(campaign_ids=sorted(ids)))
