from django.apps import AppConfig
from wagtail.signals import page_published


class SharingConfig(AppConfig):
    name = "sharing"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Models can only be imported once the app registry is ready, so not at the top.
        from sharing.models import SharePostPage
        from sharing.selectors import library_posts_watch
        from sharing.services import priority_post_published

        library_posts_watch()

        page_published.connect(
            priority_post_published, sender=SharePostPage, dispatch_uid="sharing-priority-post"
        )
        # A campaign's tallies follow its dates and its posts (sharing.services.tallies).
        from django.db.models.signals import post_save

        from sharing.campaigns_tasks import post_published
        from sharing.models import Campaign
        from sharing.selectors.campaigns import campaigns_running_watch
        from sharing.services.tallies import campaign_saved

        post_save.connect(campaign_saved, sender=Campaign, dispatch_uid="sharing-campaign-tally")
        campaigns_running_watch()
        page_published.connect(
            post_published, sender=SharePostPage, dispatch_uid="sharing-campaign-posts"
        )
