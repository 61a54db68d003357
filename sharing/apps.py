from django.apps import AppConfig


class SharingConfig(AppConfig):
    name = "sharing"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from wagtail.signals import page_published

        from people.records import record_section_register
        from portal.slots import slot_register
        from sharing.models import SharePostPage
        from sharing.panels import dashboard_panel, me_panel, records_section
        from sharing.services import priority_post_published

        slot_register("me", "sharing-preferences", me_panel, order=40)
        slot_register("dashboard", "sharing", dashboard_panel, order=40)
        record_section_register(records_section())
        page_published.connect(
            priority_post_published, sender=SharePostPage, dispatch_uid="sharing-priority-post"
        )
