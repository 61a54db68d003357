from django.apps import AppConfig
from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished, post_page_move


class PoliciesConfig(AppConfig):
    name = "policies"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Models, selectors and services import models: only once apps are ready.
        from policies.models import PolicyPage
        from policies.selectors import policies_cache_clear
        from policies.services import policy_version_record

        # The cached list of current versions must follow every change to live policies.
        def clear(**kwargs):
            policies_cache_clear()

        # Wagtail's own publish event is the one place every publication passes through (the
        # editor's publish action, workflow approval, publish_scheduled, revert).
        def record_version(instance, revision, **kwargs):
            policy_version_record(policy_id=instance.pk, revision=revision)

        page_published.connect(
            record_version, sender=PolicyPage, weak=False, dispatch_uid="policies-version"
        )

        for signal in (page_published, page_unpublished, post_delete):
            signal.connect(
                clear, sender=PolicyPage, weak=False, dispatch_uid=f"policies-cache-{id(signal)}"
            )
        post_page_move.connect(clear, weak=False, dispatch_uid="policies-cache-move")
