from django.apps import AppConfig
from wagtail.signals import page_published


class SharingConfig(AppConfig):
    name = "sharing"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Models can only be imported once the app registry is ready, so not at the top.
        from sharing.models import SharePostPage
        from sharing.services import priority_post_published

        page_published.connect(
            priority_post_published, sender=SharePostPage, dispatch_uid="sharing-priority-post"
        )
