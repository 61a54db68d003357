from django.apps import AppConfig
from wagtail.signals import page_published


class WebhooksConfig(AppConfig):
    name = "webhooks"
    verbose_name = "Team chat"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Models can only be imported once the app registry is ready, so not at the top.
        from sharing.models import SharePostPage
        from webhooks.events import priority_post_went_live

        page_published.connect(
            priority_post_went_live, sender=SharePostPage, dispatch_uid="webhooks-priority-post"
        )
