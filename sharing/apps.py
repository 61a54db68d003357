from django.apps import AppConfig


class SharingConfig(AppConfig):
    name = "sharing"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Models and services import models: only once apps are ready.
        from wagtail.signals import page_published

        from sharing.models import SharePostPage
        from sharing.services import priority_post_published

        page_published.connect(
            priority_post_published, sender=SharePostPage, dispatch_uid="sharing-priority-post"
        )
