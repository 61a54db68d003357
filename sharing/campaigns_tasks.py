"""Background work for campaigns (django-tasks): checking one campaign's start and
milestones, queued after commit by the broadcaster or the admin, never by a request."""

from django_tasks import task

from sharing.services.campaigns import campaign_milestones_record


@task()
def campaign_check(*, campaign_id: int) -> str:
    """Announce the campaign's start and record its milestones, each once."""
    new = campaign_milestones_record(campaign_id=campaign_id)
    return f"milestones {new}" if new else "nothing new"
